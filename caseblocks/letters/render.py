"""The letter of an appeal address as a print-ready PDF, made with fpdf2.

The recipient's address is printed, as written, in the paper's envelope window
(``layout``); below it come the salutation and the ask in the page's language,
then blanks for the supporter's own name, address and signature. Nothing about
the supporter is ever part of the file: they write it in by hand.

Fonts are embedded as subsets of the glyphs used: DejaVu Sans for Latin and
Cyrillic, and a CJK font for Chinese, Japanese and Korean text, which is added
only when the letter holds such characters. Each font file is read once per
process (``fonts``): the CJK font takes about half a second to read.
"""

import datetime
import re
from dataclasses import dataclass

from fpdf import FPDF

from django.utils import translation
from django.utils.translation import gettext as _

from caseblocks.conf import get_setting

from . import fonts
from .layout import PAPERS

# Han, kana, hangul, CJK punctuation and full-width forms.
CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
BODY_SIZE = 11
LINE = 6


@dataclass(frozen=True)
class Letter:
    """What a letter says: the block's postal details, salutation and ask."""

    language: str
    address: tuple[str, ...]
    salutation: str
    ask: str
    made_at: datetime.datetime = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def letter_of(value, language, made_at):
    """The ``Letter`` of an appeal address block's value, in ``language``."""
    city = " ".join(part for part in (value["postcode"], value["city"]) if part)
    lines = [
        value["recipient"],
        value["position"],
        value["organisation"],
        *value["address_lines"].splitlines(),
        city,
        value["country"],
    ]
    return Letter(
        language=language,
        address=tuple(line.strip() for line in lines if line and line.strip()),
        salutation=value["salutation"],
        ask=value["ask"],
        made_at=made_at,
    )


def add_fonts(pdf, text):
    paths = get_setting("LETTER_FONTS")
    fonts.add_font(pdf, "text", paths["TEXT"])
    if CJK.search(text):
        path, number = paths["CJK"]
        fonts.add_font(pdf, "cjk", path, number)
        pdf.set_fallback_fonts(["cjk"], exact_match=False)


def warm_fonts():
    """Read the letters' fonts now rather than for the process's first letter."""
    paths = get_setting("LETTER_FONTS")
    fonts.parsed(paths["TEXT"])
    fonts.parsed(*paths["CJK"])


def render(letter, paper_name):
    """The PDF of ``letter`` on the paper named ``paper_name``, as bytes."""
    paper = PAPERS[paper_name]
    with translation.override(letter.language):
        labels = {
            "sender": _("Your name and address"),
            "date": _("Date"),
            "closing": _("Yours sincerely,"),
            "signature": _("Signature"),
            "name": _("Your name"),
        }
    pdf = FPDF(unit="mm", format=(paper.width, paper.height))
    pdf.set_lang(letter.language)
    pdf.set_title(letter.salutation)
    pdf.set_creator("Casebook")
    # The revision's date, not the clock's: the same letter gives the same bytes.
    pdf.set_creation_date(letter.made_at)
    pdf.set_margins(paper.margin, paper.margin, paper.margin)
    pdf.set_auto_page_break(True, margin=paper.margin)
    add_fonts(
        pdf,
        " ".join([*letter.address, letter.salutation, letter.ask, *labels.values()]),
    )
    pdf.add_page()
    write_sender_blank(pdf, paper, labels)
    write_address(pdf, paper, letter.address)
    pdf.set_font("text", size=BODY_SIZE)
    pdf.set_xy(paper.margin, paper.window.top + paper.window.height + 10)
    blank(pdf, paper, labels["date"], width=60)
    pdf.ln(LINE)
    pdf.multi_cell(0, LINE, letter.salutation)
    pdf.ln(LINE / 2)
    for paragraph in letter.ask.split("\n\n"):
        pdf.multi_cell(0, LINE, paragraph.strip())
        pdf.ln(LINE / 2)
    pdf.ln(LINE)
    pdf.multi_cell(0, LINE, labels["closing"])
    pdf.ln(LINE * 2)
    blank(pdf, paper, labels["signature"])
    blank(pdf, paper, labels["name"])
    return bytes(pdf.output())


def write_sender_blank(pdf, paper, labels):
    """Room at the top right for the supporter's own name and address."""
    pdf.set_font("text", size=8)
    left = paper.width / 2 + 10
    pdf.set_xy(left, paper.margin)
    pdf.cell(paper.width - paper.margin - left, 4, labels["sender"])
    for row in range(1, 5):
        y = paper.margin + 4 + row * 6
        pdf.line(left, y, paper.width - paper.margin, y)


def write_address(pdf, paper, lines):
    """The address in the window's address field, smaller if it has many lines."""
    box = paper.address
    line = min(paper.address_line, box.height / max(len(lines), 1))
    size = paper.address_size * line / paper.address_line
    pdf.set_font("text", size=size)
    pdf.set_xy(box.left, box.top)
    for text in lines:
        pdf.set_x(box.left)
        pdf.cell(box.width, line, text, new_x="LMARGIN", new_y="NEXT")


def blank(pdf, paper, label, width=None):
    """A label followed by a line to write on."""
    pdf.set_x(paper.margin)
    label_width = pdf.get_string_width(label) + 3
    pdf.cell(label_width, LINE, label)
    end = paper.margin + (width or (paper.width - 2 * paper.margin))
    y = pdf.get_y() + LINE - 1
    pdf.line(pdf.get_x(), y, end, y)
    pdf.ln(LINE * 1.5)
