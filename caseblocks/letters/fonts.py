"""The letters' fonts, parsed once per process and lent to each new PDF.

fpdf2's ``FPDF.add_font`` reads the whole font file for every document: its
character map, widths and glyph ids (``fpdf.fonts.TTFFont``), about half a second
for the CJK font. Here that is done once per process and per font (``parsed``);
each document then gets its own ``TTFFont`` (``font_for``) that shares only what
fpdf2 never changes after parsing (the character map, the glyph ids and the
metrics), and has its own copies of what a document changes: the subset of glyphs
it uses, its missing glyphs, the widths table (a ``defaultdict`` that grows when
read), the font descriptor (renamed and numbered when written), and its own
``fontTools`` font, which fpdf2 subsets in place and closes when it writes the
file. So each PDF embeds only its own glyphs, and documents made at the same time
in several threads share nothing they write to.

Written against fpdf2 2.8.9 (pinned in ``pyproject.toml``): a test fails if an
upgrade changes ``TTFFont``'s slots, so each new one is sorted into shared or
per-document by a person.
"""

import copy
import threading
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

# Slots a document writes to: each document has its own (``font_for``).
PER_DOCUMENT = frozenset(
    {"i", "fontkey", "ttfont", "cw", "desc", "subset", "missing_glyphs"}
    | {"biggest_size_pt", "_hbfont", "color_font"}
)
# Slots set when the font is parsed and only read afterwards: shared.
SHARED = frozenset(
    {"type", "name", "ttffile", "collection_font_number", "cmap", "glyph_ids"}
    | {"scale", "sp", "ss", "up", "ut", "emphasis", "palette_index"}
    | {"is_compressed", "is_cff", "is_cid_keyed", "is_symbol", "cff_ros"}
    | {"unicode_range"}
)

_parsed = {}
# The fontTools font each parse read, until a document takes it: the first
# document made with a font subsets the tables its parse already read.
_spare = {}
_lock = threading.Lock()


def parsed(path, number=0):
    """The ``TTFFont`` parsed from face ``number`` of ``path``, once per process."""
    key = (str(path), number)
    font = _parsed.get(key)
    if font is None:
        with _lock:
            font = _parsed.get(key)
            if font is None:
                font = TTFFont(
                    FPDF(), Path(path), "parsed", "", collection_font_number=number
                )
                if font.color_font is not None or font.is_compressed:
                    raise ValueError(
                        f"{path}: colour and compressed fonts are not supported"
                    )
                _spare[key] = font.ttfont
                font.ttfont = None
                _parsed[key] = font
    return font


def open_font(source):
    """A fontTools font of ``source`` that no other document holds."""
    with _lock:
        spare = _spare.pop((str(source.ttffile), source.collection_font_number), None)
    if spare is not None:
        return spare
    # Opened as TTFFont opens it: lazily, so only the tables used are read.
    return ttLib.TTFont(
        source.ttffile,
        recalcTimestamp=False,
        fontNumber=source.collection_font_number,
        lazy=True,
    )


def font_for(pdf, fontkey, source):
    """A ``TTFFont`` for ``pdf``, made from the parsed ``source``."""
    font = TTFFont.__new__(TTFFont)
    for name in SHARED:
        if hasattr(source, name):  # fpdf2 declares "unicode_range" but never sets it
            setattr(font, name, getattr(source, name))
    font.fontkey = fontkey
    font.i = len(pdf.fonts) + 1
    font.ttfont = open_font(source)
    font.cw = copy.copy(source.cw)
    font.desc = copy.copy(source.desc)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.color_font = None
    font.subset = SubsetMap(font)
    return font


def add_font(pdf, family, path, number=0):
    """Like ``pdf.add_font(family, "", path)``, without reading the file again."""
    fontkey = family.lower()
    font = pdf.fonts[fontkey] = font_for(pdf, fontkey, parsed(path, number))
    if font.is_cff and font.is_cid_keyed:
        pdf._set_min_pdf_version("1.6")
