"""A letter's PDF: paper, the address in the envelope window, scripts and fonts."""

import datetime

import pytest

from caseblocks.letters.layout import A4, LETTER
from caseblocks.letters.render import letter_of, render
from tests.factories.blocks import appeal_address_data

from .letters import embedded_fonts, lines_at, paper_mm, text, within

MADE_AT = datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
ADDRESS = [
    "Almazbek Atambaev",
    "President",
    "Government House",
    "720003 Bishkek",
    "Kyrgyzstan",
]


def letter(language="en", **overrides):
    value = appeal_address_data(**overrides)
    return letter_of(value, language, MADE_AT)


def test_the_letter_is_made_from_the_block():
    made = letter(position="President", organisation="")
    assert made.address == tuple(ADDRESS)
    assert made.salutation == "Dear President"
    assert made.ask == "Release Azimjan Askarov now."


@pytest.mark.parametrize(
    ("paper", "size"), [(A4, (210, 297)), (LETTER, (215.9, 279.4))]
)
def test_the_paper_size(paper, size):
    assert paper_mm(render(letter(), paper.name)) == size


@pytest.mark.parametrize("paper", [A4, LETTER])
def test_the_address_sits_in_the_envelope_window(paper):
    positions = lines_at(render(letter(), paper.name))
    for line in ADDRESS:
        assert within(positions[line], paper.window), (line, positions[line])
    # The salutation is below the window, so it never shows through.
    assert positions["Dear President"][1] > paper.window.top + paper.window.height


def test_the_din_window_is_where_din_5008_puts_it():
    assert (A4.window.left, A4.window.top) == (20, 45)
    assert (A4.window.width, A4.window.height) == (85, 45)


def test_a_long_address_still_fits_the_window():
    lines = "\n".join(f"Line {n}" for n in range(1, 9))
    positions = lines_at(render(letter(address_lines=lines), "letter"))
    for n in range(1, 9):
        assert within(positions[f"Line {n}"], LETTER.window)


def test_chinese_is_written_with_an_embedded_cjk_subset():
    body = render(
        letter("zh-hant", salutation="總統閣下", ask="請讓人權捍衛者立刻重獲自由。"),
        "a4",
    )
    assert "總統閣下" in text(body)
    assert "請讓人權捍衛者立刻重獲自由。" in text(body)
    fonts = embedded_fonts(body)
    cjk = [name for name in fonts if "WenQuanYi" in name]
    assert cjk, fonts
    # A subset: the whole face is about 5 MB.
    assert fonts[cjk[0]] < 100_000


def test_cyrillic_and_latin_are_written_with_dejavu():
    body = render(
        letter("ru", salutation="Уважаемый президент", ask="Освободите его."), "a4"
    )
    assert "Уважаемый президент" in text(body)
    assert "Government House" in text(body)
    fonts = embedded_fonts(body)
    assert any("DejaVuSans" in name for name in fonts)
    # No CJK font is read for a letter without CJK text.
    assert not any("WenQuanYi" in name for name in fonts)


def test_the_letter_has_blanks_for_the_supporter_and_nothing_of_theirs():
    content = text(render(letter(), "a4"))
    assert "Your name and address" in content
    assert "Signature" in content
    assert "Your name" in content


def test_the_same_letter_gives_the_same_bytes():
    assert render(letter(), "a4") == render(letter(), "a4")
