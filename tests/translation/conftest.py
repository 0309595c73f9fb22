import pytest

from wagtail.models import Locale

from cms.models import CasePage
from tests.factories import CasePageFactory
from tests.factories.blocks import appeal_address_data

APPEAL = appeal_address_data()


@pytest.fixture
def locales(db):
    """The content locales by language code; migrations make only English."""
    codes = ["en", "zh-hant", "it", "ru"]
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}


@pytest.fixture
def case_page(locales):
    """A live English case page with an appeal, a quote and a paragraph."""
    page = CasePageFactory(
        title="Free Azimjan Askarov",
        person_name="Azimjan Askarov",
        summary="A human rights defender serving a life sentence.",
        body=[
            ("heading", {"text": "Write an appeal", "level": "h2"}),
            ("rich_text", "<p>He documented police abuse.</p>"),
            ("appeal_address", APPEAL),
            ("quote", {"text": "Keep writing.", "speaker": "Azimjan Askarov"}),
        ],
    )
    page.save_revision().publish()
    return CasePage.objects.get(pk=page.pk)


def body_value(page, block_type):
    return next(child.value for child in page.body if child.block_type == block_type)
