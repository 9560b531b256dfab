#!/usr/bin/env python3
"""A stand-in for the digit recognizer's server, to work on and test the web page alone.

Serves Examples/MNISTApp/Web at / and answers the same API as the Swift server:
GET /health, POST /predict (a crude shape rule instead of a model: tall and thin is 1,
a ring is 0, anything else a digit picked from the amount of ink) and, when given one,
/training_history.png.

    python3 mock_server.py [--port 5000] [--training-history plot.png]
"""
import argparse
import base64
import json
import math
import struct
import zlib
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_FOLDER = Path(__file__).resolve().parents[3] / "Examples" / "MNISTApp" / "Web"


def decode_png_darkness(data):
    """Returns the rows of an 8-bit, non-interlaced PNG as darkness in [0, 1] (0 white, 1 black), from the first channel."""
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", data[16:29])
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
    if depth != 8 or interlace:
        raise ValueError("only 8-bit, non-interlaced PNGs")
    compressed, offset = b"", 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            compressed += data[offset + 8:offset + 8 + length]
        offset += length + 12
    raw, stride, previous, rows = zlib.decompress(compressed), width * channels, bytearray(width * channels), []
    for y in range(height):
        start = y * (stride + 1)
        filter_type, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, up_left = previous[i], previous[i - channels] if i >= channels else 0
            if filter_type == 1:
                line[i] = (line[i] + left) & 255
            elif filter_type == 2:
                line[i] = (line[i] + up) & 255
            elif filter_type == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif filter_type == 4:
                estimate = left + up - up_left
                nearest = min((abs(estimate - left), left), (abs(estimate - up), up), (abs(estimate - up_left), up_left),
                              key=lambda pair: pair[0])[1]
                line[i] = (line[i] + nearest) & 255
        rows.append([1 - line[x * channels] / 255 for x in range(width)])
        previous = line
    return rows


def predict(rows):
    """A plausible answer for the drawing, or None when there is no ink."""
    size = len(rows)
    block = size // 28
    model_input = [sum(rows[y * block + j][x * block + i] for j in range(block) for i in range(block)) / block ** 2
                   for y in range(28) for x in range(28)]
    inked = [(x, y) for y, row in enumerate(rows) for x, value in enumerate(row) if value > 0.5]
    if not inked:
        return None
    xs, ys = [x for x, _ in inked], [y for _, y in inked]
    width, height = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    center_is_empty = rows[(min(ys) + max(ys)) // 2][(min(xs) + max(xs)) // 2] < 0.5
    if width < 0.5 * height:
        digit = 1
    elif center_is_empty and width > 40 and height > 40:
        digit = 0
    else:
        digit = len(inked) % 10
    logits = [math.sin(len(inked) + d) + (5 if d == digit else 0) for d in range(10)]
    total = sum(math.exp(logit) for logit in logits)
    probabilities = {str(d): round(math.exp(logit) / total, 6) for d, logit in enumerate(logits)}
    return {"digit": digit, "confidence": probabilities[str(digit)], "probabilities": probabilities,
            "model_input": [round(value, 4) for value in model_input]}


class MockHandler(SimpleHTTPRequestHandler):
    training_history = None

    def do_GET(self):
        if self.path == "/health":
            self.send_json(200, {"status": "healthy", "model_loaded": True})
        elif self.path == "/training_history.png" and self.training_history:
            body = Path(self.training_history).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().do_GET()

    def do_POST(self):
        if self.path != "/predict":
            return self.send_json(404, {"error": "not found"})
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            prefix = "data:image/png;base64,"
            if not request["image"].startswith(prefix):
                raise ValueError("image must be a PNG data URL")
            rows = decode_png_darkness(base64.b64decode(request["image"][len(prefix):]))
        except (ValueError, KeyError, TypeError, AttributeError, struct.error, zlib.error) as error:
            return self.send_json(400, {"error": f"invalid request: {error}"})
        answer = predict(rows)
        self.send_json(200, answer) if answer else self.send_json(422, {"error": "no digit found"})

    def send_json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *arguments):
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--training-history", help="a PNG to serve as /training_history.png")
    arguments = parser.parse_args()
    MockHandler.training_history = arguments.training_history
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), partial(MockHandler, directory=str(WEB_FOLDER)))
    print(f"mock server on http://127.0.0.1:{arguments.port}/ serving {WEB_FOLDER}", flush=True)
    server.serve_forever()
