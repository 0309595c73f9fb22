"""An Italian translator's editor shows Casebook's labels in Italian, none in English."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.translation.operations import copy_page_for_translation
from cms.translation.translators import setup_translators
from tests.cms.interface_strings import interface_strings
from tests.e2e.admin import ADMIN_PASSWORD, sign_in
from tests.factories import CasePageFactory, CountryPageFactory
from tests.factories.blocks import (
    action_form_data,
    appeal_address_data,
    with_target_records,
)


def english_only_labels():
    """Casebook's strings whose Italian differs from the English, in English."""
    labels = set()
    for where, value in interface_strings():
        if where.endswith("choices()"):
            continue
        with translation.override("en"):
            english = str(value)
        with translation.override("it"):
            italian = str(value)
        if english.casefold() != italian.casefold():
            labels.add(english.casefold())
    return labels


@pytest.fixture
def italian_case(transactional_db):
    for code in ("it", "ru", "zh-hant"):
        Locale.objects.get_or_create(language_code=code)
    country = CountryPageFactory(iso_code="KG", title="Kyrgyzstan")
    page = CasePageFactory(
        title="Free Azimjan Askarov",
        country=country,
        sentence="Life",
        charges=[("charge", "Incitement to ethnic hatred")],
        campaign_closed_text="This campaign is concluded.",
        body=[
            ("heading", {"text": "Write an appeal", "level": "h2"}),
            ("appeal_address", appeal_address_data()),
            ("action_form", with_target_records(action_form_data())),
            ("quote", {"text": "Keep writing.", "speaker": "Azimjan Askarov"}),
            (
                "key_facts",
                {
                    "heading": "At a glance",
                    "facts": [{"label": "Held in", "value": "Prison No. 47"}],
                },
            ),
        ],
    )
    page.save_revision().publish()
    italian = copy_page_for_translation(page, Locale.objects.get(language_code="it"))
    setup_translators()
    return italian


@pytest.fixture
def italian_translator(transactional_db):
    user = get_user_model().objects.create_user(
        username="traduttrice", password=ADMIN_PASSWORD
    )
    user.groups.add(Group.objects.get(name="Translators (Italian)"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "it"
    profile.save()
    return user


def test_italian_translators_editor_has_no_english_label_of_ours(
    page, italian_case, italian_translator
):
    sign_in(page, italian_translator)
    page.goto(f"/admin/pages/{italian_case.pk}/edit/")
    expect(page.get_by_text("Indirizzo per l'appello").first).to_be_visible()

    lines = {
        line.strip().casefold()
        for line in page.locator("body").inner_text().splitlines()
        if line.strip()
    }
    assert lines & english_only_labels() == set()
    # The labels are there, in Italian: the fields' and the blocks' own.
    for italian in ("sintesi", "condanna", "accusa", "formula di saluto", "richiesta"):
        assert italian in lines, sorted(lines)
