// The bar under the play button while sounds are on their way, with the
// kilobytes fetched so far for screen readers.
export class LoadingIndicator {
  constructor(private readonly bar: HTMLElement) {}

  update(inFlight: number, loadedBytes: number): void {
    this.bar.hidden = inFlight === 0;
    this.bar.setAttribute("aria-valuetext", inFlight === 0 ? "loaded" : `loading ${inFlight} sounds, ${Math.round(loadedBytes / 1024)} KB so far`);
  }
}
