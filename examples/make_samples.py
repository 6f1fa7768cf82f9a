"""Writes the sample images of this directory with nothing but the standard library.

    python3 make_samples.py

The images are drawings, not photographs: coloured bands and grey bars standing in for printed
text, at sizes every provider accepts. They exercise the input checks (format, size, pixel
limits); what a provider reads from them comes from the sandbox's documented samples.
"""

import struct
import zlib


def png(path, width, height, paint):
    """Writes an 8-bit RGB PNG whose pixel (x, y) has the colour paint(x, y)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        for x in range(width):
            rows.extend(paint(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", header))
        out.write(chunk(b"IDAT", zlib.compress(bytes(rows), 9)))
        out.write(chunk(b"IEND", b""))


def in_any(x, y, boxes):
    return any(x0 <= x < x1 and y0 <= y < y1 for x0, y0, x1, y1 in boxes)


def npwp_card(x, y):
    """A 640x400 card: a blue header band, a photo box and four lines of text."""
    if y < 90:
        return (20, 60, 140)
    if in_any(x, y, [(40, 120, 160, 280)]):
        return (200, 200, 200)
    if in_any(x, y, [(200, 130, 560, 150), (200, 180, 520, 196), (200, 220, 600, 236), (200, 260, 480, 276)]):
        return (60, 60, 60)
    return (245, 245, 240)


def cn_vat_invoice(x, y):
    """A 1000x600 invoice: a red title, a ruled table and rows of text."""
    if in_any(x, y, [(350, 30, 650, 60)]):
        return (180, 30, 30)
    if (100 <= y <= 500 and x in (40, 41, 959, 960)) or (40 <= x <= 960 and y in (100, 101, 300, 301, 500, 501)):
        return (150, 80, 60)
    text_rows = [(80, 130 + 40 * i, 80 + 120 * (1 + i % 5), 142 + 40 * i) for i in range(4)]
    text_rows += [(80, 330 + 40 * i, 900, 342 + 40 * i) for i in range(4)]
    if in_any(x, y, text_rows):
        return (50, 50, 50)
    return (252, 250, 245)


png("npwp-card.png", 640, 400, npwp_card)
png("cn-vat-invoice.png", 1000, 600, cn_vat_invoice)
