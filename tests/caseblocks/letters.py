"""Reading a letter's PDF in tests: its text, paper and where its lines sit."""

import io

from pypdf import PdfReader

MM = 72 / 25.4  # PDF points in a millimetre


def read(body):
    return PdfReader(io.BytesIO(body))


def text(body):
    return "\n".join(page.extract_text() for page in read(body).pages)


def paper_mm(body):
    box = read(body).pages[0].mediabox
    return round(float(box.width) / MM, 1), round(float(box.height) / MM, 1)


def lines_at(body):
    """``{text: (x, y)}`` of each line of the first page, in mm from the top left."""
    page = read(body).pages[0]
    height = float(page.mediabox.height)
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(text.strip(), (tm[4] / MM, (height - tm[5]) / MM))

    page.extract_text(visitor_text=visit)
    return found


def embedded_fonts(body):
    """``{base font name: size of the embedded font file}`` of the first page."""
    fonts = {}
    for font in read(body).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        data = descriptor.get_object()["/FontFile2"].get_object().get_data()
        fonts[str(font["/BaseFont"])] = len(data)
    return fonts


def within(point, box):
    """Whether ``point`` (x, y) lies in ``box`` (a layout Box), in mm."""
    x, y = point
    return (
        box.left <= x <= box.left + box.width and box.top <= y <= box.top + box.height
    )
