// The drawer with every control the dock has no room for: opened by its
// button in the dock, closed by its own button or Escape.

export class Drawer {
  constructor(
    private readonly drawer: HTMLElement,
    private readonly toggle: HTMLButtonElement,
    close: HTMLButtonElement,
  ) {
    toggle.addEventListener("click", () => this.setOpen(!this.open));
    close.addEventListener("click", () => {
      this.setOpen(false);
      toggle.focus();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.open) {
        this.setOpen(false);
        toggle.focus();
      }
    });
  }

  get open(): boolean {
    return !this.drawer.hidden;
  }

  setOpen(open: boolean): void {
    this.drawer.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
  }
}
