"""Each change to what a visitor may read becomes one after-commit content event."""

import pytest

from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.models import PrivacySettings
from tests.factories import CasePageFactory, PartnerOrganisationFactory
from tests.factories.pages import CaseIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    index = CaseIndexPageFactory(parent=home_page, title="Cases", slug="cases")
    case = CasePageFactory(parent=index, title="Erzhan", slug="erzhan")
    return index, case


def test_a_publish_is_heard_after_the_commit(
    heard, heard_before_commit, committing, section
):
    _index, case = section
    heard_before_commit.clear()  # the section's own pages, added live
    with committing():
        case.save_revision().publish()
        assert heard == []  # not before the commit
        assert heard_before_commit == [("published", {case.pk})]
    assert heard.kinds() == ["published"]
    assert heard.of("published").models == {case.pk: "cms.casepage"}


def test_a_draft_save_is_not_heard(heard, heard_before_commit, committing, section):
    _index, case = section
    case.title = "A draft title"
    heard_before_commit.clear()  # the section's own pages, added live
    with committing():
        case.save_revision()
        case.save()  # post_save on a page is no content change
    assert heard == []
    assert heard_before_commit == []


def test_an_unpublish_is_heard(heard, committing, section):
    _index, case = section
    with committing():
        case.unpublish()
    assert heard.kinds() == ["unpublished"]
    assert heard.of("unpublished").page_ids == {case.pk}


def test_a_move_names_the_subtree_and_its_old_paths(
    heard, committing, home_page, section
):
    index, case = section
    other = CaseIndexPageFactory(parent=home_page, title="Archive", slug="archive")
    with committing():
        Page.objects.get(pk=index.pk).move(other, pos="last-child")
    change = heard.of("moved")
    assert change.page_ids == {index.pk, case.pk}
    assert change.roots == {index.pk}
    assert change.paths == {index.pk: "/en/cases/", case.pk: "/en/cases/erzhan/"}


def test_a_deletion_names_the_descendants_and_their_public_paths(
    heard, committing, section
):
    index, case = section
    hidden = CasePageFactory(parent=index, title="Draft", slug="draft", live=False)
    with committing():
        Page.objects.get(pk=index.pk).delete()
    change = heard.of("deleted")
    assert change.page_ids == {index.pk, case.pk, hidden.pk}
    # A page that was not public has no public path to tell anyone.
    assert change.paths == {index.pk: "/en/cases/", case.pk: "/en/cases/erzhan/"}


def test_a_restriction_added_and_removed_names_the_pages_under_it(
    heard, committing, section
):
    index, case = section
    with committing():
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        )
    assert heard.of("restricted").page_ids == {index.pk, case.pk}
    heard.clear()
    with committing():
        restriction.delete()
    assert heard.of("unrestricted").page_ids == {index.pk, case.pk}


def test_a_site_change_names_the_pages_of_the_site(heard, committing, section):
    index, case = section
    site = Site.objects.get(is_default_site=True)
    site.hostname = "cases.example.org"
    with committing():
        site.save()
    assert {index.pk, case.pk, site.root_page_id} <= heard.of("site").page_ids


def test_the_privacy_settings_are_a_site_change(heard, committing, section):
    site = Site.objects.get(is_default_site=True)
    with committing():
        PrivacySettings.for_site(site).save()
    assert section[1].pk in heard.of("site").page_ids


def test_a_locale_change_names_its_pages(heard, committing, section):
    locale = Locale.objects.get(language_code="en")
    with committing():
        locale.save()
    assert section[1].pk in heard.of("locale").page_ids


def test_a_partner_change_names_the_cases_showing_it(heard, committing, section):
    _index, case = section
    partner = PartnerOrganisationFactory(name="Freedom Now")
    case.partners.set([partner])
    case.save_revision().publish()
    heard.clear()
    partner.name = "Freedom Now!"
    with committing():
        partner.save()
    change = heard.of("snippet")
    assert (change.snippet, change.page_ids) == ("cms.PartnerOrganisation", {case.pk})


def test_an_action_target_change_names_the_pages_choosing_it(
    heard, committing, home_page
):
    from caseblocks.models import ActionTarget
    from tests.caseblocks.conftest import publish_case

    case = publish_case()
    other = CasePageFactory(title="Unrelated")
    target = ActionTarget.objects.get(email="press@akorda.kz")
    heard.clear()
    target.name = "The press office"
    with committing():
        target.save()
    change = heard.of("snippet")
    assert change.snippet == "caseblocks.ActionTarget"
    assert change.page_ids == {case.pk}
    assert other.pk not in change.page_ids
