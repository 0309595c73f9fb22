"""A sync never publishes a translator's unpublished work (issue 12).

Publishing a source page puts its synchronised facts live on every live
translation, kept with the translation's published text; the rest waits in the
translation's draft until someone with the right publishes it.
"""

import pytest

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from cms.translation.progress import translation_progress

from .conftest import body_value

NEW_FAX = "+996312661111"
SALUTATION = "尊敬的總統"  # the published Chinese salutation
DRAFT_SUMMARY = "一位被判終身監禁的人權捍衛者。"  # saved as a draft only
EDITOR_ASK = "立即釋放阿斯卡羅夫。"  # saved in wagtail-localize's editor only


def store_string(page, locale, source_text, text):
    """Save a translation as wagtail-localize's editor does, without publishing."""
    source = TranslationSource.objects.get_for_instance(page)
    segment = source.stringsegment_set.select_related("string", "context").get(
        string__data=source_text
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={"data": text},
    )
    return Translation.objects.get(source=source, target_locale=locale)


def publish(page, commit):
    with commit(execute=True):
        page.save_revision().publish()


def api_detail(client, page):
    detail = client.get(f"/api/v1/pages/{page.pk}/").json()
    detail["blocks"] = {block["type"]: block["value"] for block in detail["body"]}
    return detail


@pytest.fixture
def chinese(case_page, locales, django_capture_on_commit_callbacks):
    """The zh-hant translation of Askarov's page, live with a Chinese salutation."""
    zh = locales["zh-hant"]
    with django_capture_on_commit_callbacks(execute=True):
        copy_page_for_translation(case_page, zh)
        store_string(case_page, zh, "Dear President", SALUTATION).save_target(
            publish=True
        )
    return CasePage.objects.get(translation_key=case_page.translation_key, locale=zh)


@pytest.fixture
def unpublished_work(chinese, case_page, locales):
    """A translator's draft on the page and a string saved in the editor."""
    draft = chinese.get_latest_revision_as_object()
    draft.summary = DRAFT_SUMMARY
    draft.save_revision()
    store_string(
        case_page, locales["zh-hant"], "Release Azimjan Askarov now.", EDITOR_ASK
    )
    return chinese


def change_fax(case_page, commit):
    body_value(case_page, "appeal_address")["fax"] = NEW_FAX
    publish(case_page, commit)


@pytest.mark.django_db
def test_a_changed_fax_is_live_on_the_translation_with_its_salutation(
    client, case_page, chinese, django_capture_on_commit_callbacks
):
    assert api_detail(client, chinese)["blocks"]["appeal_address"]["fax"] != NEW_FAX

    change_fax(case_page, django_capture_on_commit_callbacks)

    appeal = api_detail(client, chinese)["blocks"]["appeal_address"]
    assert appeal["fax"] == NEW_FAX
    assert appeal["salutation"] == SALUTATION
    # Published, as a revision of its own, not only written to the page.
    published = CasePage.objects.get(pk=chinese.pk).live_revision.as_object()
    assert body_value(published, "appeal_address")["fax"] == NEW_FAX


@pytest.mark.django_db
def test_unpublished_work_stays_unpublished_when_the_source_is_published(
    client, case_page, unpublished_work, django_capture_on_commit_callbacks
):
    change_fax(case_page, django_capture_on_commit_callbacks)

    detail = api_detail(client, unpublished_work)
    assert detail["summary"] == case_page.summary  # the published summary
    assert detail["blocks"]["appeal_address"]["ask"] == "Release Azimjan Askarov now."
    assert detail["blocks"]["appeal_address"]["fax"] == NEW_FAX
    live = CasePage.objects.get(pk=unpublished_work.pk)
    assert live.summary == case_page.summary
    # Nothing is lost: the draft has the translator's work and the new fax.
    draft = live.get_latest_revision_as_object()
    assert draft.summary == DRAFT_SUMMARY
    appeal = body_value(draft, "appeal_address")
    assert (appeal["ask"], appeal["fax"]) == (EDITOR_ASK, NEW_FAX)
    assert live.has_unpublished_changes


@pytest.mark.django_db
def test_unpublished_work_is_live_once_the_translator_publishes_the_draft(
    client, case_page, unpublished_work, django_capture_on_commit_callbacks
):
    change_fax(case_page, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        unpublished_work.refresh_from_db()
        unpublished_work.get_latest_revision().publish()

    detail = api_detail(client, unpublished_work)
    assert detail["summary"] == DRAFT_SUMMARY
    appeal = detail["blocks"]["appeal_address"]
    assert (appeal["ask"], appeal["salutation"], appeal["fax"]) == (
        EDITOR_ASK,
        SALUTATION,
        NEW_FAX,
    )


@pytest.mark.django_db
def test_unpublished_work_is_live_once_published_in_the_translation_editor(
    admin_client,
    client,
    case_page,
    unpublished_work,
    django_capture_on_commit_callbacks,
):
    change_fax(case_page, django_capture_on_commit_callbacks)
    # wagtail-localize's editor replaces the edit view of a synced translation.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/pages/{unpublished_work.pk}/edit/", {"action": "publish"}
        )
    assert response.status_code == 302

    detail = api_detail(client, unpublished_work)
    assert detail["summary"] == DRAFT_SUMMARY
    assert detail["blocks"]["appeal_address"]["ask"] == EDITOR_ASK
    assert detail["blocks"]["appeal_address"]["fax"] == NEW_FAX


@pytest.mark.django_db
def test_a_changed_paragraph_waits_in_the_draft_and_shows_as_to_do(
    client, case_page, chinese, locales, django_capture_on_commit_callbacks
):
    zh = locales["zh-hant"]
    with django_capture_on_commit_callbacks(execute=True):
        store_string(
            case_page, zh, "He documented police abuse.", "他記錄了警察的暴行。"
        )
        Translation.objects.get(
            source__object_id=case_page.translation_key, target_locale=zh
        ).save_target(publish=True)
    (before,) = translation_progress(case_page)

    for child in case_page.body:
        if child.block_type == "rich_text":
            child.value = type(child.value)("<p>He documented torture in Osh.</p>")
    publish(case_page, django_capture_on_commit_callbacks)

    body = {b["type"]: b["value"] for b in api_detail(client, chinese)["body"]}
    assert "他記錄了警察的暴行。" in str(body["rich_text"])
    assert "torture" not in str(body["rich_text"])
    draft = CasePage.objects.get(pk=chinese.pk).get_latest_revision_as_object()
    assert "He documented torture in Osh." in body_value(draft, "rich_text").source
    (after,) = translation_progress(case_page)
    assert after["translated"] == before["translated"] - 1
    assert after["total"] == before["total"]


@pytest.mark.django_db
def test_a_new_block_waits_in_the_draft_and_a_removed_one_leaves(
    client, case_page, chinese, django_capture_on_commit_callbacks
):
    quote = next(
        i for i, child in enumerate(case_page.body) if child.block_type == "quote"
    )
    del case_page.body[quote]
    case_page.body.append(("heading", {"text": "Sign the petition", "level": "h2"}))
    publish(case_page, django_capture_on_commit_callbacks)

    types = [block["type"] for block in api_detail(client, chinese)["body"]]
    assert types == ["heading", "rich_text", "appeal_address"]
    draft = CasePage.objects.get(pk=chinese.pk).get_latest_revision_as_object()
    assert [child.block_type for child in draft.body][-1] == "heading"


@pytest.mark.django_db
def test_a_draft_translation_gets_a_draft(
    case_page, chinese, django_capture_on_commit_callbacks
):
    chinese.unpublish()
    change_fax(case_page, django_capture_on_commit_callbacks)

    chinese = CasePage.objects.get(pk=chinese.pk)
    assert not chinese.live
    draft = chinese.get_latest_revision_as_object()
    assert body_value(draft, "appeal_address")["fax"] == NEW_FAX
    assert body_value(draft, "appeal_address")["salutation"] == SALUTATION


@pytest.mark.django_db
def test_a_translation_in_moderation_stays_in_moderation(
    admin_user, case_page, unpublished_work, django_capture_on_commit_callbacks
):
    workflow = Workflow.objects.create(name="Translation review")
    task = GroupApprovalTask.objects.create(name="Reviewer approves")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=unpublished_work)
    unpublished_work.refresh_from_db()
    workflow.start(unpublished_work, admin_user)
    assert CasePage.objects.get(pk=unpublished_work.pk).workflow_in_progress

    change_fax(case_page, django_capture_on_commit_callbacks)

    chinese = CasePage.objects.get(pk=unpublished_work.pk)
    assert chinese.workflow_in_progress
    assert chinese.summary == case_page.summary
    assert body_value(chinese, "appeal_address")["fax"] == NEW_FAX


@pytest.mark.django_db
def test_sync_translated_pages_with_publish_publishes_only_the_facts(
    admin_client,
    client,
    settings,
    case_page,
    unpublished_work,
    django_capture_on_commit_callbacks,
):
    settings.CASEBOOK_TRANSLATION = {"SYNC_ON_PUBLISH": False}
    change_fax(case_page, django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get_for_instance(case_page)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}
        )
    assert response.status_code == 302

    detail = api_detail(client, unpublished_work)
    assert detail["summary"] == case_page.summary
    appeal = detail["blocks"]["appeal_address"]
    assert (appeal["fax"], appeal["salutation"]) == (NEW_FAX, SALUTATION)
    assert appeal["ask"] == "Release Azimjan Askarov now."
    draft = CasePage.objects.get(pk=unpublished_work.pk).get_latest_revision_as_object()
    assert draft.summary == DRAFT_SUMMARY
    assert body_value(draft, "appeal_address")["ask"] == EDITOR_ASK
