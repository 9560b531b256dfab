/**
 * Shows a number of several digits: "Number: 2026" under the prediction, and a light
 * dashed box around each digit on the drawing, to show where the drawing was cut.
 * A single digit shows neither: the prediction above says it all.
 *
 *     const view = new NumberView(document.getElementById('number'), document.getElementById('digit-boxes'));
 *     view.show({ number: '2026', digits: [{ digit: 2, confidence: 0.97, box: [12, 40, 51, 98] }, …] });
 *     view.reset();
 */
export class NumberView {
  #line;
  #overlay;

  /**
   * @param {HTMLElement} line the text line for the number, hidden while there is none.
   * @param {SVGSVGElement} overlay an `aria-hidden` SVG over the drawing canvas, whose `viewBox` is the canvas's pixel space.
   */
  constructor(line, overlay) {
    this.#line = line;
    this.#overlay = overlay;
    this.reset();
  }

  /** @param {{number: string | null, digits: {digit: number, confidence: number, box: number[]}[]}} prediction */
  show({ number, digits }) {
    const isNumber = typeof number === 'string' && digits.length > 1;
    this.#line.hidden = !isNumber;
    this.#line.textContent = isNumber ? `Number: ${number}` : '';
    this.#overlay.replaceChildren(...(isNumber ? digits.map(digitBox) : []));
  }

  /** Nothing shown. */
  reset() {
    this.show({ number: null, digits: [] });
  }
}

/** A rectangle around one digit, `box` being `[x, y, width, height]` in canvas pixels. */
function digitBox({ box: [x, y, width, height] }) {
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height })) rect.setAttribute(name, String(value));
  return rect;
}
