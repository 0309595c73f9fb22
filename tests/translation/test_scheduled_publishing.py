"""A page and its translation, each scheduled on its own, go live by publish_scheduled."""

import datetime
from unittest import mock

import pytest

from django.core.management import call_command
from django.utils import timezone

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def schedule(page, when, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.go_live_at = when
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_scheduled_at(when):
    """Run the cron job as if the clock said ``when``."""
    with mock.patch("django.utils.timezone.now", return_value=when):
        call_command("publish_scheduled")


def test_a_page_and_a_separate_translation_go_live_on_schedule(locales):
    soon = timezone.now() + datetime.timedelta(hours=1)
    later = timezone.now() + datetime.timedelta(hours=2)
    source = CasePageFactory(title="Free Erzhan", live=False)
    italian = copy_page_for_translation(source, locales["it"])
    assert not italian.live

    schedule(source, soon)
    schedule(italian, later, title="Liberate Erzhan")

    call_command("publish_scheduled")  # nothing is due yet
    assert not CasePage.objects.get(pk=source.pk).live
    assert not CasePage.objects.get(pk=italian.pk).live

    publish_scheduled_at(soon + datetime.timedelta(minutes=1))
    assert CasePage.objects.get(pk=source.pk).live
    assert not CasePage.objects.get(
        pk=italian.pk
    ).live  # its own time, not the source's

    publish_scheduled_at(later + datetime.timedelta(minutes=1))
    italian = CasePage.objects.get(pk=italian.pk)
    assert italian.live
    assert italian.title == "Liberate Erzhan"
