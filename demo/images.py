"""Demo images, drawn with Pillow when the loader runs: our own simple graphics, no photos.

Images are shared by every language; their alt text and captions live in the pages that
show them, so they are translated with the page.
"""

import io
import math

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

WIDTH, HEIGHT = 1600, 900  # 16:9, wide enough for the 1200-pixel rendition
RED = (179, 38, 30)
CREAM = (250, 244, 236)
INK = (27, 27, 31)


def _rotated(points, angle, centre):
    cx, cy = centre
    cos, sin = math.cos(angle), math.sin(angle)
    return [
        (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)
        for x, y in points
    ]


def draw_broken_rifle():
    """A poster: a rifle broken in two, the war resisters' symbol, cream on red."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), RED)
    draw = ImageDraw.Draw(image)
    # Stock and grip on the left half, barrel on the right; each half tilted away from the break.
    stock = [(260, 470), (700, 420), (760, 420), (760, 500), (520, 520), (300, 600), (250, 560)]
    grip = [(600, 500), (660, 500), (640, 600), (580, 600)]
    barrel = [(840, 420), (1350, 430), (1350, 460), (840, 480)]
    sight = [(1300, 400), (1320, 400), (1320, 430), (1300, 430)]
    magazine = [(880, 480), (940, 480), (960, 580), (900, 590)]
    left_tilt, right_tilt = -0.12, 0.12
    for shape in (stock, grip):
        draw.polygon(_rotated(shape, left_tilt, (780, 460)), fill=CREAM)
    for shape in (barrel, sight, magazine):
        draw.polygon(_rotated(shape, right_tilt, (820, 460)), fill=CREAM)
    # Splinters at the break.
    draw.polygon([(770, 410), (805, 440), (780, 470), (812, 500), (776, 520)], fill=RED)
    draw.rectangle((0, HEIGHT - 60, WIDTH, HEIGHT), fill=INK)
    return image


def draw_signature_dots(count=104, columns=13):
    """One dot per organisation that signed the appeals, in rows, on cream."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), CREAM)
    draw = ImageDraw.Draw(image)
    palette = [RED, (11, 87, 208), (27, 120, 80), (230, 160, 20), INK]
    rows = math.ceil(count / columns)
    step = min((WIDTH - 200) / columns, (HEIGHT - 200) / rows)
    left = (WIDTH - step * (columns - 1)) / 2
    top = (HEIGHT - step * (rows - 1)) / 2
    radius = step * 0.32
    for number in range(count):
        x = left + (number % columns) * step
        y = top + (number // columns) * step
        colour = palette[(number * 7 + number // columns) % len(palette)]
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return image


DRAWINGS = {
    "Poster: broken rifle": ("broken-rifle.png", draw_broken_rifle),
    "Graphic: signatures of the appeals": ("signature-dots.png", draw_signature_dots),
}


def demo_image(title):
    """The demo image with this title, drawn and stored the first time it is asked for."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    file_name, draw = DRAWINGS[title]
    buffer = io.BytesIO()
    draw().save(buffer, "PNG", optimize=True)
    image = image_model(title=title, file=ImageFile(buffer, name=file_name))
    image.file_size = buffer.getbuffer().nbytes
    image.save()
    return image
