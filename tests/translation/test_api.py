"""The plugin's API: translation progress for editors, and translations served publicly."""

import polib
import pytest

from django.contrib.auth.models import Group

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.translation.operations import copy_page_for_translation
from cms.translation.translators import group_name, setup_translators

from .test_po import ITALIAN


def progress(client, page):
    return client.get(f"/api/v1/translation/progress/{page.pk}/")


@pytest.fixture
def user_client(client, django_user_model):
    """A client signed in as ``user_client.user``, who has no admin access yet."""
    client.user = django_user_model.objects.create_user("lena", password="x")
    client.force_login(client.user)
    return client


@pytest.mark.django_db
def test_anonymous_readers_are_refused(client, case_page):
    response = progress(client, case_page)
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "Unauthorized"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_users_without_admin_access_are_refused(user_client, case_page):
    response = progress(user_client, case_page)
    assert response.status_code == 403
    assert "editors" in response.json()["errors"][0]["message"]


@pytest.mark.django_db
def test_translators_see_only_pages_they_may_edit(user_client, case_page, locales):
    italian = copy_page_for_translation(case_page, locales["it"])
    setup_translators()
    user_client.user.groups.add(Group.objects.get(name=group_name("it")))

    assert progress(user_client, case_page).status_code == 403
    response = progress(user_client, italian)
    assert response.status_code == 200, response.content
    assert [row["locale"] for row in response.json()["locales"]] == ["it"]


@pytest.mark.django_db
def test_editors_see_progress_change(admin_client, case_page, locales):
    copy_page_for_translation(case_page, locales["it"])
    source = TranslationSource.objects.get_for_instance(case_page)
    total = source.stringsegment_set.exclude(context__path="slug").count()

    response = progress(admin_client, case_page)
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    assert response.json() == {
        "page": case_page.pk,
        "source_locale": "en",
        "locales": [
            {
                "locale": "it",
                "translated": 0,
                "total": total,
                "share": 0.0,
                "enabled": True,
            }
        ],
    }

    segment = source.stringsegment_set.select_related("string").get(
        string__data="Dear President"
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["it"],
        context=segment.context,
        data="Egregio Presidente",
    )
    (italian,) = progress(admin_client, case_page).json()["locales"]
    assert italian["translated"] == 1
    assert italian["share"] == round(1 / total, 2)


@pytest.mark.django_db
def test_unknown_page_is_a_json_404(admin_client):
    response = admin_client.get("/api/v1/translation/progress/987654/")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"]


@pytest.mark.django_db
def test_progress_is_typed_and_signed_in(client):
    openapi = client.get("/api/v1/openapi.json").json()
    operation = openapi["paths"]["/api/v1/translation/progress/{page_id}/"]["get"]
    assert operation["security"]
    assert set(operation["responses"]) == {"200", "400", "401", "403", "404"}
    schemas = openapi["components"]["schemas"]
    assert set(schemas["LocaleProgress"]["properties"]) >= {
        "locale",
        "translated",
        "total",
        "share",
    }


@pytest.mark.django_db
def test_po_file_comes_back_through_the_api(
    client, case_page, locales, django_capture_on_commit_callbacks
):
    italian = copy_page_for_translation(case_page, locales["it"])
    translation = Translation.objects.get(
        source__object_id=case_page.translation_key, target_locale=locales["it"]
    )
    po = polib.pofile(str(translation.export_po()))
    for entry in po:  # filled in by a translator's own tool
        entry.msgstr = ITALIAN.get(entry.msgid, "")
    assert translation.import_po(polib.pofile(str(po))) == []
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    by_id = client.get(f"/api/v1/pages/{italian.pk}/").json()
    by_path = client.get(f"/api/v1/pages/find/?path={by_id['path']}").json()
    by_locale = client.get(f"/api/v1/pages/{case_page.pk}/?locale=it").json()
    assert by_id["path"].startswith("/it/")
    for detail in (by_id, by_path, by_locale):
        assert detail["id"] == italian.pk
        assert detail["title"] == "Libertà per Azimjan Askarov"
        assert detail["summary"] == ITALIAN[case_page.summary]
        blocks = {block["type"]: block["value"] for block in detail["body"]}
        assert blocks["heading"]["text"] == "Scrivi un appello"
        assert blocks["appeal_address"]["salutation"] == "Egregio Presidente"
        assert blocks["appeal_address"]["city"] == "Bishkek"
