"""The admin speaks the staff member's language: nothing of Casebook's own stays English.

The strings are found from the models and blocks themselves (``interface_strings``)
and, for templates, messages and e-mails, by running ``makemessages`` on a copy of
the source: a string added anywhere without a translation fails here.
"""

import shutil
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.functional import Promise

from tests.cms.interface_strings import interface_strings, unmarked

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["it", "ru", "zh_Hant"]
SOURCES = ["cms", "caseblocks", "search"]  # as `make catalogues` reads them


def catalogue(language, locale_dir=LOCALE_DIR):
    return polib.pofile(str(locale_dir / language / "LC_MESSAGES" / "django.po"))


def msgid(value):
    """The source text of a lazy gettext: its last argument (after any context)."""
    return value._args[-1]


def test_every_label_help_text_choice_and_heading_is_marked():
    assert unmarked() == []


def test_the_walk_finds_the_strings_it_should():
    found = {where for where, _value in interface_strings()}
    assert "CasePage.photo.verbose_name" in found
    assert "CasePage.body.appeal_address.salutation.label" in found
    assert "CasePage.body.action_form.kind.choices[petition]" in found
    assert "CasePage.body.key_facts.facts[].label.help_text" in found
    assert "CasePage.content_panels[MultiFieldPanel].heading" in found
    assert "PartnerOrganisation.verbose_name_plural" in found


@pytest.mark.parametrize("language", ["it", "ru", "zh-hant"])
def test_choices_made_per_request_speak_the_language(language):
    for where, choices in interface_strings():
        if not where.endswith("choices()"):
            continue
        with translation.override("en"):
            english = dict(choices())
        with translation.override(language):
            translated = dict(choices())
        differ = [code for code in english if english[code] != translated[code]]
        assert len(differ) > len(english) / 2, where


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    entries = catalogue(language)
    translated = {entry.msgid for entry in entries.translated_entries()}
    missing = sorted(
        {
            f"{where}: {msgid(value)!r}"
            for where, value in interface_strings()
            if isinstance(value, Promise) and msgid(value) not in translated
        }
    )
    assert missing == []


@pytest.fixture(scope="module")
def refreshed_catalogues(tmp_path_factory):
    """The catalogues as `make catalogues` would leave them, made on a copy."""
    root = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        shutil.copytree(
            BASE_DIR / name, root / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copytree(LOCALE_DIR, root / "locale")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setattr(settings, "LOCALE_PATHS", [root / "locale"])
        call_command(
            "makemessages",
            locale=LANGUAGES,
            no_obsolete=True,
            no_location=True,
            verbosity=0,
        )
    return root / "locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogues_hold_every_string_of_the_source(refreshed_catalogues, language):
    entries = catalogue(language, refreshed_catalogues)
    assert [e.msgid for e in entries.untranslated_entries()] == []
    assert [e.msgid for e in entries.fuzzy_entries()] == []
    current = {e.msgid for e in catalogue(language)}
    assert {e.msgid for e in entries} <= current  # `make catalogues` was run
