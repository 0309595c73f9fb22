"""A page's translation goes out as a PO file and comes back translated."""

import polib
import pytest

from wagtail_localize.models import Translation

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation

from .conftest import body_value

ITALIAN = {
    "Free Azimjan Askarov": "Libertà per Azimjan Askarov",
    "A human rights defender serving a life sentence.": (
        "Un difensore dei diritti umani condannato all'ergastolo."
    ),
    "Write an appeal": "Scrivi un appello",
    "He documented police abuse.": "Ha documentato gli abusi della polizia.",
    "Dear President": "Egregio Presidente",
    "Release Azimjan Askarov now.": "Liberate subito Azimjan Askarov.",
    "Keep writing.": "Continuate a scrivere.",
}


@pytest.mark.django_db
def test_po_round_trip(case_page, locales, django_capture_on_commit_callbacks):
    translated = copy_page_for_translation(case_page, locales["it"])
    translation = Translation.objects.get(
        source__object_id=case_page.translation_key, target_locale=locales["it"]
    )

    exported = polib.pofile(str(translation.export_po()))
    contexts = {entry.msgctxt for entry in exported}
    assert any(context.endswith(".salutation") for context in contexts)
    assert not any(
        context.endswith((".fax", ".city", ".speaker")) for context in contexts
    )

    for entry in exported:  # filled in outside the admin, by a translator's tool
        entry.msgstr = ITALIAN.get(entry.msgid, "")
    assert translation.import_po(polib.pofile(str(exported))) == []
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = CasePage.objects.get(pk=translated.pk)
    assert translated.title == "Libertà per Azimjan Askarov"
    assert (
        translated.summary
        == ITALIAN["A human rights defender serving a life sentence."]
    )
    assert body_value(translated, "heading")["text"] == "Scrivi un appello"
    assert body_value(translated, "rich_text").source == (
        "<p>Ha documentato gli abusi della polizia.</p>"
    )
    appeal = body_value(translated, "appeal_address")
    assert appeal["salutation"] == "Egregio Presidente"
    assert appeal["city"] == "Bishkek"
    assert body_value(translated, "quote")["speaker"] == "Azimjan Askarov"
    assert translated.person_name == "Azimjan Askarov"
    assert translated.live
