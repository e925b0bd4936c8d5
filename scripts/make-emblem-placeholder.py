#!/usr/bin/env python3
"""Draws data/emblem.png: a labelled placeholder of the ตราครุฑ's exact box.

km-docs ships no Garuda emblem: its use is regulated (พ.ร.บ.เครื่องหมายราชการ)
and no copy with a clear licence was found. The placeholder has the proportions
of the emblem on official paper (3 cm high, 2.7 cm wide) at 300 dpi, so a
document laid out with it is laid out right; replace the file with the
organization's official emblem (PNG with transparency, same name).
Run: /usr/bin/python3 scripts/make-emblem-placeholder.py  (needs python3-pil)
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 300
HEIGHT_CM, WIDTH_CM = 3.0, 2.7
px = lambda cm: round(cm / 2.54 * DPI)
root = Path(__file__).resolve().parent.parent
width, height = px(WIDTH_CM), px(HEIGHT_CM)

image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
draw = ImageDraw.Draw(image)
grey = (120, 120, 120, 255)
for i in range(0, width + height, 24):  # dashed frame, so nobody mistakes it for ink
    draw.line([(i, 0), (min(i + 12, width - 1), 0)], fill=grey, width=4)
    draw.line([(i, height - 1), (min(i + 12, width - 1), height - 1)], fill=grey, width=4)
    draw.line([(0, i), (0, min(i + 12, height - 1))], fill=grey, width=4)
    draw.line([(width - 1, i), (width - 1, min(i + 12, height - 1))], fill=grey, width=4)
font = ImageFont.truetype(str(root / "fonts/Sarabun-Regular.ttf"), 34)
bold = ImageFont.truetype(str(root / "fonts/Sarabun-Bold.ttf"), 40)
lines = [("ตราครุฑ", bold), ("ตัวอย่าง", font), ("สูง ๓ ซม.", font), ("ใส่ไฟล์จริงที่", font), ("data/emblem.png", font)]
y = (height - 62 * len(lines)) // 2
for text, f in lines:
    w = draw.textlength(text, font=f)
    draw.text(((width - w) / 2, y), text, font=f, fill=grey)
    y += 62
image.save(root / "data/emblem.png", dpi=(DPI, DPI), optimize=True)
print(f"data/emblem.png {width}x{height} px = {WIDTH_CM} x {HEIGHT_CM} cm at {DPI} dpi")
