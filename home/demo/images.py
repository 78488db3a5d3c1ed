"""Illustrations generated locally with Pillow, so the demo needs no download."""

import io
import random

from PIL import Image, ImageDraw

PALETTE = ["#1b2a4a", "#3a4868", "#b3420f", "#e07a3f", "#f4efe4", "#2f7d6d", "#f5c26b"]


def illustration(seed, size=(1600, 900)):
    """A JPEG of ballot-box shapes and circles, different for each seed."""
    rng = random.Random(seed)
    width, height = size
    background, *others = rng.sample(PALETTE, k=len(PALETTE))
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(5, 9)):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.choice(others))
    box_width = width // 4
    left, top = rng.randint(width // 8, width // 2), height // 2
    draw.rectangle((left, top, left + box_width, top + height // 3), fill=PALETTE[0])
    draw.rectangle(
        (left + box_width // 3, top - 10, left + 2 * box_width // 3, top + 10), fill=PALETTE[4]
    )
    ballot_left = left + box_width // 3 + 10
    draw.rectangle(
        (ballot_left, top - height // 5, ballot_left + box_width // 4, top), fill="#ffffff"
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def pdf_document(lines):
    """A one-page PDF showing a few lines of text, drawn with Pillow's default font."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((100, 120 + number * 40), line, fill="black", font_size=28)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF")
    return buffer.getvalue()
