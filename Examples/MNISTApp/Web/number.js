/**
 * The headline of a reading: the number, one tile per digit left to right with its confidence,
 * and a box around each digit on the drawing. Tapping or clicking a tile picks the digit whose
 * details the page shows; hovering previews one. The picked digit's box is drawn solid.
 *
 *     const view = new NumberView(document.getElementById('reading'), document.getElementById('digit-boxes'),
 *                                 { onSelect: (index) => … });
 *     view.show({ number: '2026', digits: [{ digit: 2, confidence: 0.97, box: [12, 40, 51, 98] }, …] }, 1);
 *     view.reset();
 */
export class NumberView {
  #list;
  #overlay;
  #onSelect;
  #tiles = [];
  #boxes = [];
  #selected = 0;

  /**
   * @param {HTMLElement} list an `<ol>` for the tiles.
   * @param {SVGSVGElement} overlay an `aria-hidden` SVG over the drawing canvas, whose `viewBox` is the canvas's pixel space.
   * @param {{onSelect: (index: number) => void}} callbacks `onSelect` when a tile is picked or hovered (and back on leaving).
   */
  constructor(list, overlay, { onSelect }) {
    this.#list = list;
    this.#overlay = overlay;
    this.#onSelect = onSelect;
    this.reset();
  }

  /** Shows `reading`'s digits with the one at `selected` picked. */
  show({ digits }, selected) {
    this.#tiles = digits.map((digit, index) => this.#tile(digit, index, digits.length));
    this.#boxes = digits.length > 1 ? digits.map(digitBox) : [];
    this.#list.replaceChildren(...this.#tiles.map((tile) => tile.item));
    this.#overlay.replaceChildren(...this.#boxes);
    this.#list.dataset.count = String(digits.length);
    this.select(selected);
  }

  /** Marks the digit at `index` as picked (its tile pressed, its box solid). */
  select(index) {
    this.#selected = index;
    this.#highlight(index);
  }

  /** No tiles, no boxes. */
  reset() {
    this.#tiles = [];
    this.#boxes = [];
    this.#list.replaceChildren();
    this.#overlay.replaceChildren();
    this.#list.dataset.count = '0';
  }

  #highlight(index) {
    this.#tiles.forEach(({ button }, each) => button.setAttribute('aria-pressed', String(each === index)));
    this.#boxes.forEach((box, each) => box.classList.toggle('is-selected', each === index));
  }

  #tile({ digit, confidence }, index, count) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reading-digit';
    button.dataset.index = String(index);
    const value = document.createElement('span');
    value.className = 'reading-value';
    value.textContent = String(digit);
    const share = document.createElement('span');
    share.className = 'reading-confidence';
    share.textContent = `${Math.round(confidence * 100)}%`;
    button.append(value, share);
    button.setAttribute('aria-label', `${count > 1 ? `Digit ${index + 1} of ${count}: ` : ''}${digit}, `
      + `${(confidence * 100).toFixed(1)}% confident${count > 1 ? '. Show its details' : ''}`);
    button.addEventListener('click', () => {
      this.select(index);
      this.#onSelect(index);
    });
    button.addEventListener('pointerenter', (event) => {
      if (event.pointerType !== 'mouse') return;
      this.#highlight(index);
      this.#onSelect(index, { isPreview: true });
    });
    button.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'mouse') return;
      this.#highlight(this.#selected);
      this.#onSelect(this.#selected, { isPreview: true });
    });
    item.append(button);
    return { item, button };
  }
}

/** A rectangle around one digit, `box` being `[x, y, width, height]` in canvas pixels. */
function digitBox({ box: [x, y, width, height] }) {
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height })) rect.setAttribute(name, String(value));
  return rect;
}
