// Play pressed (or Space) while the page is still fetching the list of sounds
// is remembered, not lost: the player starts as soon as it can.

export class EarlyPress {
  private pressed = false;
  private readonly onClick = () => this.press();
  private readonly onKey = (event: KeyboardEvent) => {
    const tag = (event.target as HTMLElement | null)?.tagName ?? "";
    if (event.key !== " " || event.repeat || ["INPUT", "TEXTAREA", "SELECT", "BUTTON"].includes(tag)) return;
    event.preventDefault();
    this.press();
  };

  constructor(
    private readonly button: HTMLElement,
    /** Told of each press: true when play is now wished for, false when taken back. */
    private readonly onPress: (wanted: boolean) => void,
  ) {
    button.addEventListener("click", this.onClick);
    document.addEventListener("keydown", this.onKey);
  }

  private press(): void {
    // A second press before the list arrives takes the wish back, as play/pause would.
    this.pressed = !this.pressed;
    this.onPress(this.pressed);
  }

  /** Stops listening; returns whether play was asked for meanwhile. */
  release(): boolean {
    this.button.removeEventListener("click", this.onClick);
    document.removeEventListener("keydown", this.onKey);
    return this.pressed;
  }
}
