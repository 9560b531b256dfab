#!/usr/bin/env python3
"""Writes the ImageCodecsTests fixtures with encoders independent of ours.

DEFLATE, zlib and gzip data come from Python's zlib and gzip modules; PNG files are
assembled here by hand (struct, zlib.crc32, zlib.compress), with their expected RGBA
pixels computed here too. Output is deterministic (seeded random numbers).

    python3 make_fixtures.py                  # rewrite all fixtures next to this script
    python3 make_fixtures.py --check A.png …  # decode 8-bit PNGs independently, verify CRCs
"""
import gzip
import random
import struct
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = "zero one two three four five six seven eight nine digit pixel image label".split()


def text(length, seed):
    rng = random.Random(seed)
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(WORDS))
    return " ".join(words).encode()[:length]


def noise(length, seed):
    return random.Random(seed).randbytes(length)


def raw_deflate(parts, level=9, strategy=zlib.Z_DEFAULT_STRATEGY, flush=zlib.Z_SYNC_FLUSH):
    """Raw DEFLATE (no wrapper) of the concatenated parts, flushing after each but the last."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    out = b""
    for index, part in enumerate(parts):
        out += compressor.compress(part)
        if index < len(parts) - 1:
            out += compressor.flush(flush)
    return out + compressor.flush()


# MARK: DEFLATE, zlib, gzip


def write_compression_fixtures(manifest):
    def save(name, data, original):
        (HERE / name).write_bytes(data)
        manifest.append(f"{name} {len(original)} {zlib.crc32(original):08x}")

    sample = text(3000, seed=1)
    save("inflate/stored.deflate", raw_deflate([noise(700, 2), noise(500, 3)], level=0), noise(700, 2) + noise(500, 3))
    save("inflate/fixed.deflate", raw_deflate([sample], strategy=zlib.Z_FIXED), sample)
    save("inflate/dynamic.deflate", raw_deflate([sample]), sample)
    mixed = [noise(300, 4), text(1500, 5), noise(300, 6)]
    save("inflate/mixed.deflate", raw_deflate(mixed, flush=zlib.Z_FULL_FLUSH), b"".join(mixed))
    far = noise(400, 7) + bytes(32000) + noise(400, 7)  # the repeat is 32 400 bytes back
    save("inflate/long-distance.deflate", raw_deflate([far]), far)
    save("inflate/empty.deflate", raw_deflate([b""]), b"")

    save("zlib/text.zlib", zlib.compress(sample, 9), sample)

    save("gzip/plain.gz", gzip.compress(sample, mtime=0), sample)
    first, second = text(1000, 8), text(1500, 9)
    save("gzip/two-members.gz", gzip.compress(first, mtime=0) + gzip.compress(second, mtime=0), first + second)
    flags = 0x02 | 0x04 | 0x08 | 0x10  # FHCRC, FEXTRA, FNAME, FCOMMENT
    header = bytes([0x1F, 0x8B, 8, flags]) + struct.pack("<I", 0) + bytes([2, 3])
    header += struct.pack("<H", 6) + b"AB\x02\x00xy" + b"digits.txt\x00" + b"a test fixture\x00"
    header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
    member = header + raw_deflate([first]) + struct.pack("<II", zlib.crc32(first), len(first))
    save("gzip/header-fields.gz", member, first)


# MARK: PNG

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pack_row(samples, depth):
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if depth == 8:
        return bytes(samples)
    bits = "".join(format(s, f"0{depth}b") for s in samples)
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filter_row(kind, row, previous, stride):
    out = bytearray()
    for i, x in enumerate(row):
        a = row[i - stride] if i >= stride else 0
        b = previous[i] if previous else 0
        c = previous[i - stride] if previous and i >= stride else 0
        prediction = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out.append((x - prediction) % 256)
    return bytes([kind]) + bytes(out)


def scale(value, depth):
    maximum = (1 << depth) - 1
    return (value * 255 + maximum // 2) // maximum


def expected_rgba(pixel, color_type, depth, palette, trns):
    if color_type == 3:
        r, g, b = palette[pixel[0]]
        alpha = trns[pixel[0]] if trns and pixel[0] < len(trns) else 255
        return [r, g, b, alpha]
    alpha = 0 if trns is not None and tuple(pixel) == tuple(trns) else 255
    if color_type == 0:
        return [scale(pixel[0], depth)] * 3 + [alpha]
    if color_type == 4:
        return [scale(pixel[0], depth)] * 3 + [scale(pixel[1], depth)]
    if color_type == 2:
        return [scale(v, depth) for v in pixel] + [alpha]
    return [scale(v, depth) for v in pixel]


def make_png(name, color_type, depth, width=5, height=5, interlaced=False, palette_size=0,
             trns_count=0, keyed=False, idat_pieces=1, seed=0, manifest=None):
    rng = random.Random(seed)
    channels = CHANNELS[color_type]
    top = palette_size - 1 if color_type == 3 else (1 << depth) - 1
    pixels = [[tuple(rng.randint(0, top) for _ in range(channels)) for _ in range(width)] for _ in range(height)]
    palette = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(palette_size)]
    trns = None
    chunks = [chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, int(interlaced)))]
    chunks.append(chunk(b"tEXt", b"Comment\x00ancillary chunks are skipped"))
    if palette:
        chunks.append(chunk(b"PLTE", b"".join(bytes(entry) for entry in palette)))
    if trns_count:
        trns = [rng.randint(0, 255) for _ in range(trns_count)]
        chunks.append(chunk(b"tRNS", bytes(trns)))
    if keyed:  # colour-key transparency: pixel (0, 0) and one other share the key
        trns = pixels[0][0]
        pixels[height - 1][width - 1] = trns
        chunks.append(chunk(b"tRNS", b"".join(struct.pack(">H", v) for v in trns)))

    bits_per_pixel = depth * channels
    stride = max(1, bits_per_pixel // 8)
    raw, row_number = b"", 0
    for x0, y0, dx, dy in ADAM7 if interlaced else [(0, 0, 1, 1)]:
        previous = None
        for y in range(y0, height, dy):
            samples = [s for x in range(x0, width, dx) for s in pixels[y][x]]
            if not samples:
                continue
            row = pack_row(samples, depth)
            raw += filter_row(row_number % 5, row, previous, stride)
            previous, row_number = row, row_number + 1
    data = zlib.compress(raw, 9)
    step = -(-len(data) // idat_pieces)
    chunks += [chunk(b"IDAT", data[i:i + step]) for i in range(0, len(data), step)]
    chunks.append(chunk(b"IEND", b""))
    (HERE / f"png/{name}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"".join(chunks))
    rgba = [v for row in pixels for pixel in row for v in expected_rgba(pixel, color_type, depth, palette, trns)]
    (HERE / f"png/{name}.rgba").write_bytes(bytes(rgba))
    manifest.append(f"{name} {width} {height}")


def write_png_fixtures(manifest):
    formats = [  # name, colour type, bit depth, options
        ("grey-1", 0, 1, {}), ("grey-2", 0, 2, {}), ("grey-4", 0, 4, {}), ("grey-8", 0, 8, {}),
        ("grey-16", 0, 16, {}), ("grey-8-trns", 0, 8, {"keyed": True}), ("grey-16-trns", 0, 16, {"keyed": True}),
        ("grey-alpha-8", 4, 8, {}), ("grey-alpha-16", 4, 16, {}),
        ("rgb-8", 2, 8, {"idat_pieces": 3}), ("rgb-16", 2, 16, {}), ("rgb-8-trns", 2, 8, {"keyed": True}),
        ("rgba-8", 6, 8, {}), ("rgba-16", 6, 16, {}),
        ("palette-1", 3, 1, {"palette_size": 2}), ("palette-2", 3, 2, {"palette_size": 3}),
        ("palette-4", 3, 4, {"palette_size": 16}), ("palette-8", 3, 8, {"palette_size": 200}),
        ("palette-4-trns", 3, 4, {"palette_size": 11, "trns_count": 4}),
        ("palette-8-trns", 3, 8, {"palette_size": 256, "trns_count": 256}),
        ("grey-1-interlaced", 0, 1, {"interlaced": True, "width": 9, "height": 9}),
        ("grey-16-interlaced", 0, 16, {"interlaced": True}),
        ("grey-alpha-8-interlaced", 4, 8, {"interlaced": True}),
        ("rgb-16-interlaced", 2, 16, {"interlaced": True}),
        ("rgba-8-interlaced", 6, 8, {"interlaced": True, "width": 10, "height": 7}),
        ("palette-2-interlaced", 3, 2, {"interlaced": True, "palette_size": 4, "trns_count": 2}),
        ("grey-8-interlaced-3x2", 0, 8, {"interlaced": True, "width": 3, "height": 2}),
        ("rgb-8-1x1", 2, 8, {"width": 1, "height": 1}),
    ]
    for seed, (name, color_type, depth, options) in enumerate(formats):
        make_png(name, color_type, depth, seed=seed, manifest=manifest, **options)

    signature = b"\x89PNG\r\n\x1a\n"
    huge = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    (HERE / "png/damaged/huge-dimensions.png").write_bytes(
        signature + chunk(b"IHDR", huge) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    small = struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0)  # needs 16 × 17 = 272 bytes
    (HERE / "png/damaged/zlib-bomb.png").write_bytes(
        signature + chunk(b"IHDR", small) + chunk(b"IDAT", zlib.compress(bytes(1 << 20), 9)) + chunk(b"IEND", b""))


# MARK: Independent check of our encoder's PNGs


def check_png(path):
    """Decodes an 8-bit, non-interlaced PNG; returns (width, height, colour type, raw rows)."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "bad signature"
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert crc == zlib.crc32(kind + body), f"CRC mismatch in {kind}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, color_type, _, _, interlace = header
    assert depth == 8 and interlace == 0, "only 8-bit non-interlaced PNGs are checked"
    stride = CHANNELS[color_type]
    raw = zlib.decompress(idat)
    row_length = width * stride
    assert len(raw) == height * (row_length + 1), "wrong image data size"
    rows, previous = [], bytes(row_length)
    for y in range(height):
        kind, line = raw[y * (row_length + 1)], bytearray(raw[y * (row_length + 1) + 1:(y + 1) * (row_length + 1)])
        for i in range(row_length):
            a = line[i - stride] if i >= stride else 0
            b, c = previous[i], previous[i - stride] if i >= stride else 0
            line[i] = (line[i] + [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]) % 256
        rows.append(bytes(line))
        previous = line
    return width, height, color_type, rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        for path in sys.argv[2:]:
            width, height, color_type, rows = check_png(path)
            print(f"{path}: OK {width}x{height} colour type {color_type}, pixels crc32 {zlib.crc32(b''.join(rows)):08x}")
        sys.exit(0)
    for folder in ["inflate", "zlib", "gzip", "png", "png/damaged"]:
        (HERE / folder).mkdir(parents=True, exist_ok=True)
    compression, images = [], []
    write_compression_fixtures(compression)
    write_png_fixtures(images)
    (HERE / "compression-manifest.txt").write_text("# path, uncompressed byte count, CRC-32\n" + "\n".join(compression) + "\n")
    (HERE / "png/manifest.txt").write_text("# name, width, height\n" + "\n".join(images) + "\n")
