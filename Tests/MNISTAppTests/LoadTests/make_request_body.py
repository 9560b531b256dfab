#!/usr/bin/env python3
"""Writes the JSON body the drawing page sends to POST /predict: a 280x280 canvas with a
digit drawn on it, as a PNG data URL.

    python3 make_request_body.py body.json

The drawing is what `drawing.js` makes: white paper, a black pen 20 px wide with round caps
and joins, anti-aliased edges, encoded as 8-bit RGBA with per-row adaptive filters, as
browsers' `canvas.toDataURL('image/png')` does. Python standard library only.
"""
import base64
import json
import math
import struct
import sys
import zlib

SIDE = 280
PEN_RADIUS = 10.0
# A handwritten 7 with a crossbar, in canvas pixels: (x0, y0, x1, y1) per segment.
STROKES = [
    [(70, 60), (150, 55), (210, 62)],
    [(210, 62), (170, 140), (140, 220), (128, 250)],
    [(115, 150), (200, 148)],
]


def segments():
    for stroke in STROKES:
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
            yield x0, y0, x1, y1


def distance_to_segment(px, py, x0, y0, x1, y1):
    dx, dy = x1 - x0, y1 - y0
    t = ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)
    t = min(1.0, max(0.0, t))
    return math.hypot(px - (x0 + t * dx), py - (y0 + t * dy))


def drawing():
    """Rows of RGBA bytes: ink coverage from the distance of each pixel centre to the pen's path."""
    rows = []
    for y in range(SIDE):
        row = bytearray()
        for x in range(SIDE):
            distance = min(distance_to_segment(x + 0.5, y + 0.5, *s) for s in segments())
            coverage = min(1.0, max(0.0, PEN_RADIUS + 0.5 - distance))
            grey = round(255 * (1 - coverage))
            row += bytes((grey, grey, grey, 255))
        rows.append(bytes(row))
    return rows


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filtered(row, previous):
    """The row under the filter with the smallest sum of absolute values (libpng's heuristic)."""
    left = lambda i: row[i - 4] if i >= 4 else 0
    upper_left = lambda i: previous[i - 4] if i >= 4 else 0
    candidates = [
        bytes(row),
        bytes((row[i] - left(i)) & 255 for i in range(len(row))),
        bytes((row[i] - previous[i]) & 255 for i in range(len(row))),
        bytes((row[i] - (left(i) + previous[i]) // 2) & 255 for i in range(len(row))),
        bytes((row[i] - paeth(left(i), previous[i], upper_left(i))) & 255 for i in range(len(row))),
    ]
    cost = lambda data: sum(v if v < 128 else 256 - v for v in data)
    kind = min(range(5), key=lambda k: cost(candidates[k]))
    return bytes((kind,)) + candidates[kind]


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    previous = bytes(len(rows[0]))
    raw = bytearray()
    for row in rows:
        raw += filtered(row, previous)
        previous = row
    header = struct.pack(">IIBBBBB", SIDE, SIDE, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    image = base64.b64encode(png(drawing())).decode("ascii")
    with open(sys.argv[1], "w") as file:
        json.dump({"image": "data:image/png;base64," + image}, file)
