// The room the listener sits in: wall, window frame and curtains, a desk with
// a lamp, books, a plant and a mug, a bookshelf or a fireplace, a rug. What
// never moves is drawn once into a layer of its own (redrawn when the size or
// the light changes), with the window left clear for the view behind it; each
// frame then adds only what moves: the lamp's light on the beat, the cat
// breathing, steam from the mug.
import { SeededRandom } from "../core/SeededRandom";
import { byLight, dusk } from "./Palette";
import type { Rect, RoomLayout } from "./RoomLayout";
import type { Frame, Furniture } from "./Scene";

const BOOK_COLORS = ["#b5534a", "#d9a05b", "#5f7f74", "#8c6a9c", "#c7b48a", "#4f6a8c", "#a3714f"];

function roundedRect(context: CanvasRenderingContext2D, area: Rect, radius: number): void {
  context.beginPath();
  context.roundRect(area.x, area.y, area.width, area.height, radius);
}

export class Room {
  private layer?: HTMLCanvasElement;
  private layerKey = "";

  /** Draws the room over the view; `ratio` is the canvas's pixels per CSS pixel. */
  draw(context: CanvasRenderingContext2D, room: RoomLayout, frame: Frame, furniture: Furniture, ratio: number): void {
    const light = Math.round(frame.daylight * 20) / 20;
    const key = `${room.width}x${room.height}@${ratio}:${furniture}:${light}`;
    if (key !== this.layerKey || !this.layer) {
      this.layer ??= document.createElement("canvas");
      this.layer.width = Math.round(room.width * ratio);
      this.layer.height = Math.round(room.height * ratio);
      const layerContext = this.layer.getContext("2d")!;
      layerContext.setTransform(ratio, 0, 0, ratio, 0, 0);
      Room.drawStill(layerContext, room, light, furniture);
      this.layerKey = key;
    }
    context.drawImage(this.layer, 0, 0, room.width, room.height);
    Room.drawLamplight(context, room, frame);
    Room.drawCat(context, room, frame);
    Room.drawSteam(context, room, frame);
  }

  /** Everything that stays still, for one size and one light. */
  static drawStill(context: CanvasRenderingContext2D, room: RoomLayout, daylight: number, furniture: Furniture): void {
    const { width, height, window: glass, side, floorY } = room;
    const unit = Math.min(width, height);
    // The wall, warmer near the floor.
    const wall = context.createLinearGradient(0, 0, 0, floorY);
    wall.addColorStop(0, byLight("#221a30", "#c99f86", daylight));
    wall.addColorStop(1, byLight("#35253a", "#e0b995", daylight));
    context.fillStyle = wall;
    context.fillRect(0, 0, width, floorY);
    // Floorboards and a rug.
    context.fillStyle = dusk("#6e4a35", daylight);
    context.fillRect(0, floorY, width, height - floorY);
    context.strokeStyle = dusk("#5a3b2a", daylight);
    context.lineWidth = 1;
    for (let y = floorY + 10; y < height; y += 12) {
      context.beginPath();
      context.moveTo(0, y);
      context.lineTo(width, y);
      context.stroke();
    }
    context.fillStyle = dusk("#a8564a", daylight, 0.9);
    context.beginPath();
    context.ellipse(width * 0.42, floorY + (height - floorY) * 0.55, width * 0.3, (height - floorY) * 0.35, 0, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = dusk("#d9a66c", daylight, 0.5);
    context.beginPath();
    context.ellipse(width * 0.42, floorY + (height - floorY) * 0.55, width * 0.22, (height - floorY) * 0.22, 0, 0, Math.PI * 2);
    context.fill();
    // A skirting board.
    context.fillStyle = dusk("#eadbc8", daylight, 0.8);
    context.fillRect(0, floorY - 4, width, 4);

    Room.drawWindowFrame(context, glass, daylight, unit);
    if (furniture === "fireplace") Room.drawFireplace(context, side, daylight, unit);
    else Room.drawShelf(context, side, daylight, unit);
    Room.drawDesk(context, room, daylight, unit);
    Room.drawPoster(context, room, daylight);

    // Soft corners, as through an old lens.
    const vignette = context.createRadialGradient(width / 2, height * 0.45, unit * 0.35, width / 2, height * 0.45, Math.hypot(width, height) * 0.62);
    vignette.addColorStop(0, "rgba(20, 10, 20, 0)");
    vignette.addColorStop(1, "rgba(20, 10, 20, 0.55)");
    context.fillStyle = vignette;
    context.fillRect(0, 0, width, height);
  }

  private static drawWindowFrame(context: CanvasRenderingContext2D, glass: Rect, daylight: number, unit: number): void {
    const frame = Math.max(6, unit * 0.018);
    context.clearRect(glass.x, glass.y, glass.width, glass.height);
    // A faint reflection across the glass.
    context.fillStyle = "rgba(255, 255, 255, 0.05)";
    context.beginPath();
    context.moveTo(glass.x + glass.width * 0.15, glass.y);
    context.lineTo(glass.x + glass.width * 0.35, glass.y);
    context.lineTo(glass.x + glass.width * 0.1, glass.y + glass.height);
    context.lineTo(glass.x - glass.width * 0.1, glass.y + glass.height);
    context.closePath();
    context.fill();
    context.strokeStyle = dusk("#efe2cf", daylight);
    context.lineWidth = frame;
    context.strokeRect(glass.x - frame / 2, glass.y - frame / 2, glass.width + frame, glass.height + frame);
    context.lineWidth = frame * 0.6;
    context.beginPath();
    context.moveTo(glass.x + glass.width / 2, glass.y);
    context.lineTo(glass.x + glass.width / 2, glass.y + glass.height);
    context.moveTo(glass.x, glass.y + glass.height * 0.45);
    context.lineTo(glass.x + glass.width, glass.y + glass.height * 0.45);
    context.stroke();
    // The sill.
    context.fillStyle = dusk("#f3e6d3", daylight);
    context.fillRect(glass.x - frame * 2, glass.y + glass.height + frame / 2, glass.width + frame * 4, frame * 1.2);
    // Curtains, gathered at each side.
    for (const side of [-1, 1]) {
      const x = side < 0 ? glass.x - frame * 2.5 : glass.x + glass.width + frame * 2.5;
      const curtainWidth = glass.width * 0.13;
      context.fillStyle = dusk("#7e9c93", daylight);
      context.beginPath();
      context.moveTo(x, glass.y - frame * 2);
      context.lineTo(x + side * -curtainWidth, glass.y - frame * 2);
      context.quadraticCurveTo(x + side * -curtainWidth * 0.35, glass.y + glass.height * 0.55, x + side * -curtainWidth * 0.8, glass.y + glass.height + frame * 3);
      context.lineTo(x + side * curtainWidth * 0.25, glass.y + glass.height + frame * 3);
      context.closePath();
      context.fill();
      context.strokeStyle = dusk("#6a877e", daylight);
      context.lineWidth = 2;
      for (let fold = 1; fold < 3; fold++) {
        context.beginPath();
        context.moveTo(x + side * -curtainWidth * fold * 0.3, glass.y);
        context.quadraticCurveTo(x + side * -curtainWidth * fold * 0.15, glass.y + glass.height * 0.55, x + side * -curtainWidth * fold * 0.25, glass.y + glass.height);
        context.stroke();
      }
    }
    context.fillStyle = dusk("#5b4032", daylight);
    context.fillRect(glass.x - glass.width * 0.12, glass.y - frame * 2.6, glass.width * 1.24, frame * 0.7);
  }

  private static drawDesk(context: CanvasRenderingContext2D, room: RoomLayout, daylight: number, unit: number): void {
    const { desk, lamp } = room;
    const top = Math.max(8, unit * 0.025);
    context.fillStyle = dusk("#5e3d2b", daylight);
    const legWidth = Math.max(6, unit * 0.018);
    context.fillRect(desk.x + desk.width * 0.04, desk.y, legWidth, desk.height);
    context.fillRect(desk.x + desk.width * 0.96 - legWidth, desk.y, legWidth, desk.height);
    // A drawer unit under one side.
    context.fillStyle = dusk("#7a5038", daylight);
    roundedRect(context, { x: desk.x + desk.width * 0.66, y: desk.y + top, width: desk.width * 0.28, height: desk.height * 0.55 }, 3);
    context.fill();
    context.fillStyle = dusk("#d9b27a", daylight);
    context.fillRect(desk.x + desk.width * 0.78, desk.y + top + desk.height * 0.25, desk.width * 0.04, 3);
    context.fillStyle = dusk("#8f5e40", daylight);
    roundedRect(context, { x: desk.x, y: desk.y, width: desk.width, height: top }, 3);
    context.fill();

    // A stack of books, a plant in a pot, a mug.
    const bookHeight = unit * 0.016;
    const random = new SeededRandom(11);
    for (let index = 0; index < 3; index++) {
      const bookWidth = unit * random.between(0.1, 0.13);
      context.fillStyle = dusk(BOOK_COLORS[(index * 3) % BOOK_COLORS.length]!, daylight);
      context.fillRect(desk.x + desk.width * 0.08 + index * 3, desk.y - bookHeight * (index + 1), bookWidth, bookHeight - 1);
    }
    const potX = desk.x + desk.width * 0.25;
    const potHeight = unit * 0.05;
    context.fillStyle = dusk("#c0704f", daylight);
    context.beginPath();
    context.moveTo(potX - potHeight * 0.5, desk.y - potHeight);
    context.lineTo(potX + potHeight * 0.5, desk.y - potHeight);
    context.lineTo(potX + potHeight * 0.38, desk.y);
    context.lineTo(potX - potHeight * 0.38, desk.y);
    context.closePath();
    context.fill();
    for (let leaf = 0; leaf < 7; leaf++) {
      const angle = -Math.PI / 2 + (leaf - 3) * 0.38;
      const length = unit * (0.07 + (leaf % 3) * 0.02);
      context.fillStyle = dusk(leaf % 2 ? "#5d8a5a" : "#79a36a", daylight);
      context.beginPath();
      context.ellipse(potX + Math.cos(angle) * length * 0.5, desk.y - potHeight + Math.sin(angle) * length * 0.5, length * 0.5, length * 0.16, angle, 0, Math.PI * 2);
      context.fill();
    }
    const mugX = desk.x + desk.width * 0.66;
    const mugSize = unit * 0.032;
    context.fillStyle = dusk("#e8dccb", daylight);
    roundedRect(context, { x: mugX, y: desk.y - mugSize * 1.1, width: mugSize, height: mugSize * 1.1 }, 3);
    context.fill();
    context.strokeStyle = dusk("#e8dccb", daylight);
    context.lineWidth = 3;
    context.beginPath();
    context.arc(mugX + mugSize, desk.y - mugSize * 0.55, mugSize * 0.3, -Math.PI / 2, Math.PI / 2);
    context.stroke();

    // The lamp: a base, an arm, a shade tilted over the desk.
    const shade = lamp.size;
    context.strokeStyle = dusk("#3b3440", daylight);
    context.lineWidth = Math.max(3, shade * 0.12);
    context.beginPath();
    context.moveTo(lamp.x + shade * 0.9, desk.y - 2);
    context.lineTo(lamp.x + shade * 1.3, lamp.y + (desk.y - lamp.y) * 0.45);
    context.lineTo(lamp.x + shade * 0.4, lamp.y - shade * 0.2);
    context.stroke();
    context.fillStyle = dusk("#3b3440", daylight);
    context.beginPath();
    context.ellipse(lamp.x + shade * 0.9, desk.y - 2, shade * 0.7, shade * 0.18, 0, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = dusk("#d9824a", daylight);
    context.beginPath();
    context.moveTo(lamp.x - shade * 0.9, lamp.y + shade * 0.3);
    context.lineTo(lamp.x - shade * 0.2, lamp.y - shade * 0.6);
    context.lineTo(lamp.x + shade * 0.7, lamp.y - shade * 0.1);
    context.lineTo(lamp.x + shade * 0.6, lamp.y + shade * 0.45);
    context.closePath();
    context.fill();
  }

  private static drawShelf(context: CanvasRenderingContext2D, side: Rect, daylight: number, unit: number): void {
    const board = Math.max(5, unit * 0.012);
    context.fillStyle = dusk("#4a3024", daylight);
    context.fillRect(side.x, side.y, side.width, side.height);
    context.fillStyle = dusk("#6b4632", daylight);
    context.fillRect(side.x + board, side.y + board, side.width - board * 2, side.height - board * 2);
    const shelves = 4;
    const random = new SeededRandom(7);
    for (let shelf = 0; shelf < shelves; shelf++) {
      const bottom = side.y + ((shelf + 1) * side.height) / shelves;
      const rowHeight = side.height / shelves - board;
      context.fillStyle = dusk("#4a3024", daylight);
      context.fillRect(side.x, bottom - board, side.width, board);
      let x = side.x + board * 1.5;
      const end = side.x + side.width - board * 1.5;
      while (x < end - 6) {
        if (random.next() < 0.12) {
          x += side.width * 0.12; // a gap, sometimes a little plant
          continue;
        }
        const bookWidth = Math.min(end - x, random.between(0.05, 0.09) * side.width + 4);
        const bookHeight = rowHeight * random.between(0.55, 0.85);
        context.fillStyle = dusk(BOOK_COLORS[Math.floor(random.next() * BOOK_COLORS.length)]!, daylight);
        context.fillRect(x, bottom - board - bookHeight, bookWidth - 1.5, bookHeight);
        x += bookWidth;
      }
    }
    // A trailing plant on top.
    const potX = side.x + side.width * 0.7;
    context.fillStyle = dusk("#c0704f", daylight);
    context.fillRect(potX - unit * 0.02, side.y - unit * 0.035, unit * 0.04, unit * 0.035);
    context.strokeStyle = dusk("#6f9a5f", daylight);
    context.lineWidth = 3;
    for (let vine = 0; vine < 3; vine++) {
      context.beginPath();
      context.moveTo(potX, side.y - unit * 0.03);
      context.quadraticCurveTo(potX + unit * (0.03 + vine * 0.02), side.y + unit * 0.02, potX + unit * (0.01 + vine * 0.02), side.y + side.height * (0.15 + vine * 0.08));
      context.stroke();
    }
  }

  private static drawFireplace(context: CanvasRenderingContext2D, side: Rect, daylight: number, unit: number): void {
    const mantel = Math.max(8, unit * 0.022);
    const top = side.y + side.height * 0.35;
    context.fillStyle = dusk("#9a8374", daylight);
    context.fillRect(side.x, top, side.width, side.y + side.height - top);
    // Stones.
    context.strokeStyle = dusk("#7d685c", daylight);
    context.lineWidth = 1.5;
    for (let y = top + mantel; y < side.y + side.height; y += unit * 0.035) {
      context.beginPath();
      context.moveTo(side.x, y);
      context.lineTo(side.x + side.width, y);
      context.stroke();
    }
    context.fillStyle = dusk("#5a3c2c", daylight);
    context.fillRect(side.x - mantel * 0.6, top - mantel, side.width + mantel * 1.2, mantel);
    const opening = Room.firebox(side, unit);
    context.fillStyle = "#1a0e0a";
    context.beginPath();
    context.roundRect(opening.x, opening.y, opening.width, opening.height, [opening.width * 0.4, opening.width * 0.4, 0, 0]);
    context.fill();
    // Candles and a small frame on the mantel.
    for (let candle = 0; candle < 2; candle++) {
      const x = side.x + side.width * (0.12 + candle * 0.1);
      context.fillStyle = dusk("#f0e4cc", daylight);
      context.fillRect(x, top - mantel - unit * (0.04 - candle * 0.012), unit * 0.014, unit * (0.04 - candle * 0.012));
    }
    context.fillStyle = dusk("#3c2c28", daylight);
    context.fillRect(side.x + side.width * 0.55, top - mantel - unit * 0.08, unit * 0.07, unit * 0.08);
    context.fillStyle = dusk("#d9a66c", daylight);
    context.fillRect(side.x + side.width * 0.55 + 4, top - mantel - unit * 0.08 + 4, unit * 0.07 - 8, unit * 0.08 - 8);
  }

  /** The fireplace's opening, where the fire burns. */
  static firebox(side: Rect, unit: number): Rect {
    const top = side.y + side.height * 0.35;
    const inset = side.width * 0.18;
    const openingTop = top + unit * 0.06;
    return { x: side.x + inset, y: openingTop, width: side.width - inset * 2, height: side.y + side.height - openingTop };
  }

  private static drawPoster(context: CanvasRenderingContext2D, room: RoomLayout, daylight: number): void {
    const { window: glass, side, desk } = room;
    const tall = room.height > room.width * 1.2;
    const size = Math.min(room.width, room.height) * 0.09;
    const x = tall ? room.width * 0.08 : (glass.x + glass.width + side.x) / 2 - size / 2;
    const y = tall ? desk.y - size * 2.1 : glass.y + glass.height * 0.15;
    context.fillStyle = dusk("#3c2c28", daylight);
    context.fillRect(x - 4, y - 4, size + 8, size * 1.3 + 8);
    const art = context.createLinearGradient(0, y, 0, y + size * 1.3);
    art.addColorStop(0, dusk("#f2b880", daylight));
    art.addColorStop(1, dusk("#b65f6b", daylight));
    context.fillStyle = art;
    context.fillRect(x, y, size, size * 1.3);
    context.fillStyle = dusk("#fff0c8", daylight);
    context.beginPath();
    context.arc(x + size / 2, y + size * 0.75, size * 0.22, Math.PI, 0);
    context.fill();
  }

  /** The lamp's warm light: strongest at night, breathing with the music. */
  private static drawLamplight(context: CanvasRenderingContext2D, room: RoomLayout, frame: Frame): void {
    const { lamp } = room;
    const strength = (0.22 + 0.5 * (1 - frame.daylight)) * (0.85 + 0.35 * frame.pulse.energy);
    const radius = Math.min(room.width, room.height) * (0.42 + 0.08 * frame.pulse.energy);
    const glow = context.createRadialGradient(lamp.x, lamp.y + lamp.size * 0.6, 0, lamp.x, lamp.y + lamp.size * 0.6, radius);
    glow.addColorStop(0, `rgba(255, 196, 120, ${strength.toFixed(3)})`);
    glow.addColorStop(0.35, `rgba(255, 160, 90, ${(strength * 0.35).toFixed(3)})`);
    glow.addColorStop(1, "rgba(255, 150, 80, 0)");
    context.fillStyle = glow;
    context.fillRect(lamp.x - radius, lamp.y - radius, radius * 2, radius * 2);
    context.fillStyle = `rgba(255, 236, 190, ${(0.7 + 0.3 * frame.pulse.energy).toFixed(3)})`;
    context.beginPath();
    context.ellipse(lamp.x - lamp.size * 0.1, lamp.y + lamp.size * 0.4, lamp.size * 0.35, lamp.size * 0.14, -0.5, 0, Math.PI * 2);
    context.fill();
  }

  /** A ginger cat asleep on the desk: it breathes, and its tail flicks with the beat. */
  private static drawCat(context: CanvasRenderingContext2D, room: RoomLayout, frame: Frame): void {
    const { cat } = room;
    const breath = 1 + 0.04 * Math.sin(frame.seconds * 1.6);
    const body = dusk("#d98b4e", frame.daylight);
    const size = cat.size;
    context.fillStyle = body;
    context.beginPath();
    context.ellipse(cat.x, cat.y - size * 0.32 * breath, size * 0.62, size * 0.34 * breath, 0, 0, Math.PI * 2);
    context.fill();
    // The head, tucked in, with two ears.
    const headX = cat.x - size * 0.5;
    const headY = cat.y - size * 0.26;
    context.beginPath();
    context.ellipse(headX, headY, size * 0.26, size * 0.22, 0, 0, Math.PI * 2);
    context.fill();
    for (const side of [-1, 1]) {
      context.beginPath();
      context.moveTo(headX + side * size * 0.2, headY - size * 0.08);
      context.lineTo(headX + side * size * 0.16, headY - size * 0.34);
      context.lineTo(headX + side * size * 0.02, headY - size * 0.18);
      context.closePath();
      context.fill();
    }
    context.strokeStyle = dusk("#7a4524", frame.daylight);
    context.lineWidth = 1.5;
    for (const side of [-1, 1]) {
      context.beginPath();
      context.arc(headX + side * size * 0.09, headY, size * 0.05, 0.2 * Math.PI, 0.8 * Math.PI);
      context.stroke();
    }
    // Stripes.
    context.strokeStyle = dusk("#b86a34", frame.daylight);
    context.lineWidth = Math.max(2, size * 0.05);
    for (let stripe = 0; stripe < 3; stripe++) {
      const x = cat.x + size * (0.05 + stripe * 0.15);
      context.beginPath();
      context.moveTo(x, cat.y - size * 0.62 * breath);
      context.lineTo(x + size * 0.04, cat.y - size * 0.42);
      context.stroke();
    }
    const flick = Math.sin(frame.seconds * 0.9) * 0.15 + frame.pulse.energy * 0.35;
    context.strokeStyle = body;
    context.lineWidth = Math.max(3, size * 0.12);
    context.lineCap = "round";
    context.beginPath();
    context.moveTo(cat.x + size * 0.55, cat.y - size * 0.15);
    context.quadraticCurveTo(cat.x + size * 0.95, cat.y - size * 0.05, cat.x + size * (0.9 - flick * 0.3), cat.y - size * (0.35 + flick));
    context.stroke();
  }

  private static drawSteam(context: CanvasRenderingContext2D, room: RoomLayout, frame: Frame): void {
    const { desk } = room;
    const unit = Math.min(room.width, room.height);
    const x = desk.x + desk.width * 0.66 + unit * 0.016;
    context.lineWidth = 2;
    context.lineCap = "round";
    for (let wisp = 0; wisp < 2; wisp++) {
      const phase = (frame.seconds * 0.35 + wisp * 0.5) % 1;
      context.strokeStyle = `rgba(255, 245, 235, ${(0.35 * Math.sin(phase * Math.PI)).toFixed(3)})`;
      context.beginPath();
      const baseY = desk.y - unit * 0.04 - phase * unit * 0.05;
      for (let step = 0; step <= 6; step++) {
        const y = baseY - step * unit * 0.008;
        const sway = Math.sin(frame.seconds * 2 + step * 0.8 + wisp * 2) * unit * 0.006;
        if (step === 0) context.moveTo(x + sway + (wisp - 0.5) * unit * 0.01, y);
        else context.lineTo(x + sway + (wisp - 0.5) * unit * 0.01, y);
      }
      context.stroke();
    }
  }
}
