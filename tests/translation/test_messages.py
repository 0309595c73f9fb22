"""The interface speaks the content locales: catalogues in locale/."""

from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

from caseblocks.blocks import AppealAddressBlock
from caseblocks.blocks.base import normalise_fax

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


@pytest.fixture(scope="module", autouse=True)
def compiled_messages():
    """``make test`` compiles the catalogues; do it here too for a bare pytest run."""
    call_command("compilemessages", ignore_patterns=[".venv/*"], verbosity=0)
    trans_real._translations = {}
    trans_real._default = None


def fax_error():
    with pytest.raises(ValidationError) as error:
        normalise_fax("0312 625012")
    return str(error.value.messages[0])


def test_catalogues_for_each_content_language():
    assert {path.parts[-3] for path in CATALOGUES} == {"it", "ru", "zh_Hant"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_string_is_translated(path):
    catalogue = polib.pofile(str(path))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 100


@pytest.mark.parametrize(
    ("language", "start"),
    [
        ("it", "Inserisci il numero di fax"),
        ("ru", "Введите номер факса"),
        ("zh-hant", "請以國際格式輸入傳真號碼"),
    ],
)
def test_fax_validation_message(language, start):
    with translation.override(language):
        assert fax_error().startswith(start)


def test_english_stays_the_source():
    with translation.override("en"):
        assert fax_error().startswith("Enter the fax number")


def test_block_labels_and_help_texts():
    block = AppealAddressBlock()
    with translation.override("it"):
        assert str(block.meta.label) == "Indirizzo per l'appello"
        assert str(block.child_blocks["ask"].field.help_text).startswith(
            "Che cosa chiede la lettera"
        )
