/**
 * Freehand drawing on a canvas with Pointer Events (mouse, touch and pen).
 *
 * Black ink, 20 px wide with round caps and joins, on white: the look of the
 * MNIST digits once inverted. Each stroke is smoothed by drawing quadratic
 * curves through the midpoints of successive pointer positions, with each
 * position as the control point.
 *
 *     const pad = new DrawingPad(canvas, { onDraw: () => …, onStrokeEnd: () => … });
 *     pad.hasInk;  // false until something is drawn
 *     pad.clear();
 */
export class DrawingPad {
  static penWidth = 20;
  static inkColor = '#000';
  static paperColor = '#fff';

  #canvas;
  #context;
  #onDraw;
  #onStrokeEnd;
  #pointerId = null;
  #lastPoint = null;
  #lastMidpoint = null;
  #hasInk = false;

  /**
   * @param {HTMLCanvasElement} canvas drawn on in its own pixel space (`canvas.width` × `canvas.height`),
   *   whatever size CSS displays it at.
   * @param {{onDraw?: () => void, onStrokeEnd?: () => void}} callbacks `onDraw` after each
   *   pointer movement that adds ink, `onStrokeEnd` when the pen lifts.
   */
  constructor(canvas, { onDraw = () => {}, onStrokeEnd = () => {} } = {}) {
    this.#canvas = canvas;
    this.#context = canvas.getContext('2d');
    this.#onDraw = onDraw;
    this.#onStrokeEnd = onStrokeEnd;
    this.clear();

    canvas.addEventListener('pointerdown', (event) => this.#begin(event));
    canvas.addEventListener('pointermove', (event) => this.#extend(event));
    canvas.addEventListener('pointerup', (event) => this.#end(event));
    canvas.addEventListener('pointercancel', (event) => this.#end(event));
  }

  /** Whether anything has been drawn since the last `clear()`. */
  get hasInk() {
    return this.#hasInk;
  }

  /** The drawing as a PNG data URL (`data:image/png;base64,…`). */
  toDataURL() {
    return this.#canvas.toDataURL('image/png');
  }

  /** Paints the whole canvas white and forgets any stroke in progress. */
  clear() {
    const context = this.#context;
    context.fillStyle = DrawingPad.paperColor;
    context.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
    context.strokeStyle = DrawingPad.inkColor;
    context.fillStyle = DrawingPad.inkColor;
    context.lineWidth = DrawingPad.penWidth;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    this.#pointerId = null;
    this.#hasInk = false;
  }

  #begin(event) {
    if (this.#pointerId !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.#pointerId = event.pointerId;
    this.#canvas.setPointerCapture(event.pointerId);

    // A dot, so that a tap without movement still leaves ink.
    const point = this.#canvasPoint(event);
    this.#context.beginPath();
    this.#context.arc(point.x, point.y, DrawingPad.penWidth / 2, 0, 2 * Math.PI);
    this.#context.fill();
    this.#lastPoint = point;
    this.#lastMidpoint = point;
    this.#hasInk = true;
    this.#onDraw();
  }

  #extend(event) {
    if (event.pointerId !== this.#pointerId) return;
    // Coalesced events carry the positions the browser merged into this one: smoother fast strokes.
    const events = event.getCoalescedEvents?.() ?? [];
    for (const each of events.length > 0 ? events : [event]) {
      this.#curveTo(this.#canvasPoint(each));
    }
    this.#onDraw();
  }

  #end(event) {
    if (event.pointerId !== this.#pointerId) return;
    const context = this.#context;
    context.beginPath();
    context.moveTo(this.#lastMidpoint.x, this.#lastMidpoint.y);
    context.lineTo(this.#lastPoint.x, this.#lastPoint.y);
    context.stroke();
    this.#pointerId = null;
    this.#onStrokeEnd();
  }

  /** Draws from the last midpoint to the midpoint between the last point and `point`, bending through the last point. */
  #curveTo(point) {
    const midpoint = { x: (this.#lastPoint.x + point.x) / 2, y: (this.#lastPoint.y + point.y) / 2 };
    const context = this.#context;
    context.beginPath();
    context.moveTo(this.#lastMidpoint.x, this.#lastMidpoint.y);
    context.quadraticCurveTo(this.#lastPoint.x, this.#lastPoint.y, midpoint.x, midpoint.y);
    context.stroke();
    this.#lastPoint = point;
    this.#lastMidpoint = midpoint;
  }

  /** Maps a pointer position in CSS pixels to canvas pixels, for a canvas displayed at any size. */
  #canvasPoint(event) {
    const bounds = this.#canvas.getBoundingClientRect();
    return {
      x: (event.clientX - bounds.left) * (this.#canvas.width / bounds.width),
      y: (event.clientY - bounds.top) * (this.#canvas.height / bounds.height),
    };
  }
}
