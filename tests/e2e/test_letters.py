"""A supporter downloads Askarov's letter in Traditional Chinese from the demo site."""

from pathlib import Path

from caseblocks.letters.layout import A4
from cms.demo.build import build_demo
from tests.caseblocks.letters import embedded_fonts, lines_at, paper_mm, text, within


def test_a_supporter_downloads_the_traditional_chinese_letter(page, settings):
    settings.CASEBOOK_FRONTEND_URL = ""
    build_demo()

    page.goto("/zh-hant/cases/azimjan-askarov/")
    with page.expect_download() as downloading:
        page.locator(".appeal .letter a[href*='size=a4']").click()
    download = downloading.value
    assert download.suggested_filename.endswith("-letter-a4.pdf")
    body = Path(download.path()).read_bytes()

    content = text(body)
    # The address as written, for the post office; the salutation translated.
    for line in ("Almazbek Atambaev", "Government House", "720003 Bishkek"):
        assert line in content
    assert "總統閣下" in content
    assert "Dear President" not in content
    assert "請讓人權捍衛者" in content
    assert any("WenQuanYi" in name for name in embedded_fonts(body))
    assert paper_mm(body) == (210, 297)
    positions = lines_at(body)
    for line in ("Almazbek Atambaev", "Government House", "Kyrgyzstan"):
        assert within(positions[line], A4.window), (line, positions[line])
