"""The letters' fonts are read once per process, and each PDF still has its own."""

import datetime
import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from fontTools import ttLib
from fpdf import fonts as fpdf_fonts
from pypdf import PdfReader

from caseblocks.conf import get_setting
from caseblocks.letters import fonts, render
from caseblocks.letters.render import letter_of
from tests.factories.blocks import appeal_address_data

from .letters import text

MADE_AT = datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
FIRST_ASK = "請釋放阿斯卡羅夫。"
SECOND_ASK = "我們要求公正審判。"
LATIN_ASK = "Release Azimjan Askarov now."


def letter(language, ask):
    return letter_of(appeal_address_data(ask=ask), language, MADE_AT)


def chinese(ask=FIRST_ASK):
    return letter("zh-hant", ask)


def latin():
    return letter("en", LATIN_ASK)


def embedded_characters(body):
    """``{base font name: the characters its embedded subset maps}``."""
    found = {}
    for font in PdfReader(io.BytesIO(body)).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        data = descriptor.get_object()["/FontFile2"].get_object().get_data()
        cmap = ttLib.TTFont(io.BytesIO(data)).getBestCmap() or {}
        found[str(font["/BaseFont"])] = {chr(code) for code in cmap}
    return found


def cjk_characters(body):
    (characters,) = (
        found
        for name, found in embedded_characters(body).items()
        if "WenQuanYi" in name
    )
    return characters


@pytest.fixture
def parses(monkeypatch):
    """How many times a font file is parsed (fpdf2's ``TTFFont`` made)."""
    calls = []
    parse = fpdf_fonts.TTFFont.__init__

    def counted(self, *args, **kwargs):
        calls.append(args[1])
        parse(self, *args, **kwargs)

    monkeypatch.setattr(fpdf_fonts.TTFFont, "__init__", counted)
    return calls


def by_fpdf(pdf, family, path, number=0):
    """fpdf2's own way: the font file read for this document."""
    pdf.add_font(family, "", path, collection_font_number=number)


def test_a_process_reads_each_font_file_once(parses):
    render.warm_fonts()
    parses.clear()
    for made in (chinese(), latin(), chinese(SECOND_ASK), latin()):
        render.render(made, "a4")
    assert parses == []


def test_letters_made_one_after_another_each_hold_their_own_text():
    first = render.render(chinese(), "a4")
    between = render.render(latin(), "a4")
    second = render.render(chinese(SECOND_ASK), "a4")
    assert FIRST_ASK in text(first)
    assert SECOND_ASK not in text(first)
    assert LATIN_ASK in text(between)
    assert FIRST_ASK not in text(between)
    assert SECOND_ASK in text(second)
    assert FIRST_ASK not in text(second)


def test_each_pdf_embeds_only_the_glyphs_it_uses():
    first = render.render(chinese(), "a4")
    between = render.render(latin(), "a4")
    second = render.render(chinese(SECOND_ASK), "a4")
    # Glyphs only the first letter uses are not in the second letter's subset.
    only_first = set(FIRST_ASK) - set(SECOND_ASK) - set(text(second))
    assert only_first
    assert set(FIRST_ASK) <= cjk_characters(first)
    assert set(SECOND_ASK) <= cjk_characters(second)
    assert not only_first & cjk_characters(second)
    # The Latin letter embeds no CJK font, and its text font no Chinese.
    assert not any("WenQuanYi" in name for name in embedded_characters(between))
    for characters in embedded_characters(between).values():
        assert not set(FIRST_ASK) & characters


def test_the_fonts_read_once_give_the_bytes_fpdf2_gives(monkeypatch):
    letters = [chinese(), latin(), chinese(SECOND_ASK), letter("ru", "Освободите.")]
    shared = [render.render(made, "a4") for made in letters]
    monkeypatch.setattr(fonts, "add_font", by_fpdf)
    assert [render.render(made, "a4") for made in letters] == shared


def test_letters_made_at_once_in_threads_are_each_whole():
    letters = [chinese(), latin(), chinese(SECOND_ASK), letter("ru", "Освободите.")]
    alone = [render.render(made, "letter") for made in letters]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(
            pool.map(lambda made: render.render(made, "letter"), letters * 4)
        )
    assert together == alone * 4


def test_every_slot_of_fpdf2s_font_is_shared_or_per_document():
    # An fpdf2 upgrade that adds a slot fails here until it is sorted into one.
    assert set(fpdf_fonts.TTFFont.__slots__) == fonts.SHARED | fonts.PER_DOCUMENT
    assert not fonts.SHARED & fonts.PER_DOCUMENT


def state(font):
    """What a document could change in a font: none of it may reach the parsed one."""
    return (
        dict(font.cw),
        dict(vars(font.desc)),
        list(font.missing_glyphs),
        font.biggest_size_pt,
        len(font.subset),
    )


def test_making_letters_leaves_the_parsed_fonts_as_they_were():
    paths = get_setting("LETTER_FONTS")
    parsed = [fonts.parsed(paths["TEXT"]), fonts.parsed(*paths["CJK"])]
    before = [state(font) for font in parsed]
    # U+1F54A (a dove) is in neither font: fpdf2 notes it as a missing glyph.
    for made in (chinese("和平\U0001f54a"), letter("en", "Peace \U0001f54a")):
        render.render(made, "a4")
    assert [state(font) for font in parsed] == before
