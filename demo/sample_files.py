"""Small sample files for the demo, made at load time: nothing binary is committed.

Each file says on its face that it is a sample, so nobody mistakes it for the WHO
publication it stands in for.
"""

import io

from PIL import Image, ImageDraw, ImageFont

SAMPLE_NOTE = "SAMPLE FILE generated for the demo portal. Not a WHO publication."


def _pdf_text(text):
    # Helvetica in a PDF without embedded fonts covers Latin-1 only; other scripts
    # become "?" (the language is in the file name and on the page anyway).
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(title, language, pages=2):
    """A valid PDF with `pages` pages of text, written by hand (PDF 1.4)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, None]
    objects[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    kids = []
    for number in range(1, pages + 1):
        lines = [title, f"Language version: {language}", f"Page {number} of {pages}", SAMPLE_NOTE]
        stream = "BT /F1 14 Tf 56 780 Td 20 TL " + " ".join(
            f"({_pdf_text(line)}) '" for line in lines
        )
        stream += " ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content_ref = len(objects)
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_ref} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>"

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{index} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _wrap(text, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def image_bytes(title, colour, size=(600, 840), label="Sample"):
    """A cover or poster: a coloured card with the title in large type (PNG)."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=size[0] // 14)
    small = ImageFont.load_default(size=size[0] // 28)
    margin = size[0] // 12
    draw.rectangle(
        [margin // 2, margin // 2, size[0] - margin // 2, size[1] - margin // 2],
        outline="white",
        width=6,
    )
    y = margin * 2
    for line in _wrap(title, 18):
        draw.text((margin, y), line, fill="white", font=big)
        y += size[0] // 11
    draw.text(
        (margin, size[1] - margin * 2), f"{label}: {SAMPLE_NOTE}"[:60], fill="white", font=small
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def webvtt(cues):
    """A WebVTT file from (start seconds, end seconds, text) cues."""

    def stamp(seconds):
        return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"

    blocks = [f"{stamp(start)} --> {stamp(end)}\n{text}" for start, end, text in cues]
    return ("WEBVTT\n\n" + "\n\n".join(blocks) + "\n").encode()
