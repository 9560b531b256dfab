#!/usr/bin/env python3
"""Memory and time that one POST /predict may cost `MNISTExample serve`.

    python3 Tests/MNISTAppTests/LoadTests/memory_probe.py --binary .build/release/MNISTExample \\
        --model PATH [--enforce]

Starts the server on a free loopback port and sends, one after the other:
1. the amplification probe: a PNG of about 200 KB that claims 4096 x 4096 pixels of 16-bit RGBA
   (its image data would inflate to 134 MB);
2. the largest drawing the server accepts: 2048 x 2048 8-bit RGBA with a digit in it;
3. the same digit at 256, 512, 1024 and 2048 pixels a side, timed, to show the cost grows
   with the pixel count and no faster (time per megapixel).
For each it prints the status, the time to answer and how much the server's peak resident
memory (VmHWM) rose, as `name value unit` lines. With --enforce, exits 1 unless the probe is
answered within 1 s with a peak rise of at most 64 MiB, and the 2048-pixel drawing costs at
most twice per megapixel what the 512-pixel one does.
"""
import argparse
import base64
import json
import struct
import sys
import time
import urllib.error
import urllib.request
import zlib

from served import served


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width, height, bit_depth, colour_type, image_data):
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", image_data) + chunk(b"IEND", b"")


def amplification_probe():
    """4096 x 4096 16-bit RGBA whose image data, all zeros, is compressed as hard as zlib can."""
    row = b"\x00" * (1 + 4096 * 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(4096)) + compressor.flush()
    return png(4096, 4096, 16, 6, data)


def drawing(side):
    """White 8-bit RGBA paper with a black 7 whose size is proportional to `side`."""
    pen = max(2, side // 14)
    rows = []
    for y in range(side):
        row = bytearray(b"\xff" * (4 * side))
        def ink(x0, x1):
            for x in range(max(0, x0), min(side, x1)):
                row[4 * x:4 * x + 3] = b"\x00\x00\x00"
        if side // 5 <= y < side // 5 + pen:
            ink(side // 4, 3 * side // 4)
        elif side // 5 + pen <= y < 4 * side // 5:
            centre = 3 * side // 4 - (y - side // 5) * side // (2 * (3 * side // 5))
            ink(centre - pen, centre)
        rows.append(b"\x00" + bytes(row))
    return png(side, side, 8, 6, zlib.compress(b"".join(rows), 6))


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def post(port, image_png):
    body = json.dumps({"image": "data:image/png;base64," + base64.b64encode(image_png).decode()}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/predict", data=body,
                                     headers={"Content-Type": "application/json"})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status = response.status
            response.read()
    except urllib.error.HTTPError as error:
        status = error.code
        error.read()
    return status, time.monotonic() - start, len(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--enforce", action="store_true")
    arguments = parser.parse_args()

    missed = []
    with served(arguments.binary, arguments.model) as (server, port):
        post(port, drawing(280))  # warm: first-use allocations are not the probe's
        baseline = peak_rss_kib(server.pid)
        print(f"peak_rss_before {baseline / 1024:.1f} MiB")

        status, seconds, size = post(port, amplification_probe())
        rise = (peak_rss_kib(server.pid) - baseline) / 1024
        print(f"probe_body {size / 1000:.0f} kB")
        print(f"probe_status {status} code")
        print(f"probe_time {1000 * seconds:.1f} ms")
        print(f"probe_peak_rss_rise {rise:.1f} MiB")
        if not (status < 500 and seconds <= 1 and rise <= 64):
            missed.append("the 4096 x 4096 probe")

        status, seconds, size = post(port, drawing(2048))
        print(f"largest_accepted_body {size / 1000:.0f} kB")
        print(f"largest_accepted_status {status} code")
        print(f"largest_accepted_time {1000 * seconds:.1f} ms")
        print(f"largest_accepted_peak_rss_rise {(peak_rss_kib(server.pid) - baseline) / 1024:.1f} MiB")

        per_megapixel = {}
        for side in (256, 512, 1024, 2048):
            image = drawing(side)
            times = sorted(post(port, image)[1] for _ in range(5))
            per_megapixel[side] = times[2] / (side * side / 1e6)
            print(f"drawing_{side}_median_time {1000 * times[2]:.1f} ms")
            print(f"drawing_{side}_time_per_megapixel {1000 * per_megapixel[side]:.1f} ms")
        if per_megapixel[2048] > 2 * per_megapixel[512]:
            missed.append("cost per megapixel grows with the size")
        print(f"peak_rss_after_all {peak_rss_kib(server.pid) / 1024:.1f} MiB")
    for reason in missed:
        print(f"missed: {reason}", file=sys.stderr)
    return 1 if arguments.enforce and missed else 0


if __name__ == "__main__":
    sys.exit(main())
