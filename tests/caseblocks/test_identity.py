"""One identity rule for storing, de-duplicating, limiting and erasing supporters."""

import io

import pytest

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

from caseblocks.actions.identity import email_fingerprint, normalise_email
from caseblocks.models import ActionCounter, OutgoingMessage, Submission

from .conftest import ACTION_ID, publish_case, supporter

OTHER_ACTION = "another-action"

pytestmark = pytest.mark.django_db

# Every spelling of one mailbox, each as a supporter might type it.
IVAN = [
    "ivan@пример.рф",
    "Ivan@ПРИМЕР.РФ",
    "ivan@xn--e1afmkfd.xn--p1ai",
    "IVAN@XN--E1AFMKFD.XN--P1AI",
    "ivan+campaign@пример.рф",
    '"ivan"@пример.рф',
    "ivan@пример.рф.",
    " ivan@пример.рф ",
]
GMAIL = [
    "anna.rossi@gmail.com",
    "AnnaRossi@GMail.com",
    "a.n.n.a.r.o.s.s.i@googlemail.com",
    "annarossi+petitions@gmail.com",
    '"anna.rossi"@gmail.com',
]
# Compatibility characters fold to their plain letters (NFKC) in the identity.
FOLDED = [
    ("\uff49\uff56\uff41\uff4e@example.org", "ivan@example.org"),  # fullwidth
    ("\u212aarl@example.org", "karl@example.org"),  # Kelvin sign
    ("\u017fam@example.org", "sam@example.org"),  # long s
    ("ivan@ｅｘａｍｐｌｅ.org", "ivan@example.org"),
]
# Django's address check refuses the trailing dot at the door; the rest are taken.
TAKEN = [spelling for spelling in IVAN if not spelling.strip().endswith(".")]
DIFFERENT = [
    "ivan@пример.рус",
    "ivan.petrov@пример.рф",
    "anna.rossi@example.org",
    "annarossi@example.org",
]


@pytest.mark.parametrize("spelling", IVAN)
def test_every_spelling_of_a_unicode_domain_is_one_identity(spelling):
    assert normalise_email(spelling) == "ivan@xn--e1afmkfd.xn--p1ai"
    assert email_fingerprint(spelling) == email_fingerprint(IVAN[0])


@pytest.mark.parametrize("spelling", GMAIL)
def test_gmail_dots_tags_case_and_quotes(spelling):
    assert normalise_email(spelling) == "annarossi@gmail.com"


@pytest.mark.parametrize(("spelling", "canonical"), FOLDED)
def test_compatibility_characters_fold(spelling, canonical):
    assert normalise_email(spelling) == canonical


def test_other_mailboxes_stay_apart():
    identities = {normalise_email(a) for a in [IVAN[0], GMAIL[0], *DIFFERENT]}
    assert len(identities) == 2 + len(DIFFERENT)


def test_storing_and_de_duplicating_use_the_rule(action_page, submit):
    for spelling in TAKEN:
        assert submit(supporter(email=spelling)).status_code == 202
    # Every later spelling is the same supporter: told so, and counted once.
    assert ActionCounter.objects.totals(ACTION_ID)["supporters"] == 1
    told = [m for m in mail.outbox if "already taken part" in m.body]
    assert len(told) == len(TAKEN) - 1
    assert Submission.objects.filter(is_first=True).count() == 1
    assert {s.email for s in Submission.objects.filter(is_first=True)} == {
        "ivan@xn--e1afmkfd.xn--p1ai"
    }


def test_the_per_address_limit_uses_the_rule(action_page, submit, settings):
    settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["1000/60"], "EMAIL": ["2/3600"]}
    }
    for spelling in IVAN[:4]:
        assert submit(supporter(email=spelling), confirm=False).status_code == 202
    # Over the address's limit after two, in whatever spelling: nothing is sent.
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("typed", ["ivan@пример.рф", "IVAN+x@xn--e1afmkfd.xn--p1ai"])
def test_erase_supporter_finds_every_spelling(action_page, submit, typed):
    # Two actions, so both spellings are stored (one action keeps one per person).
    publish_case({"slug": "another-case"}, action_id=OTHER_ACTION)
    submit(supporter(email="ivan+2@xn--e1afmkfd.xn--p1ai"))
    submit(supporter(email="Ivan@Пример.рф"), action_id=OTHER_ACTION)
    submit(supporter(email="other@пример.рф"))
    out = io.StringIO()
    call_command("erase_supporter", typed, stdout=out)
    assert "Erased the data of 2 submissions." in out.getvalue()
    left = Submission.objects.with_personal_data()
    assert list(left.values_list("email", flat=True)) == ["other@xn--e1afmkfd.xn--p1ai"]
    assert Submission.objects.filter(fingerprint__isnull=True).count() == 2


def test_erasure_also_forgets_the_fingerprint_of_purged_rows(action_page, submit):
    submit(supporter(email="ivan@пример.рф"))
    Submission.objects.all().anonymise(
        Submission.objects.get().created_at, keep_fingerprint=True
    )
    call_command("erase_supporter", "IVAN@пример.рф", stdout=io.StringIO())
    assert Submission.objects.get().fingerprint is None


@pytest.fixture
def eraser(django_user_model):
    user = django_user_model.objects.create_user("eraser", password="pw")
    group = Group.objects.create(name="Data protection")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="erase_supporter"),
    )
    user.groups.add(group)
    return user


ERASE = "/admin/supporters/erase/"


def test_staff_erase_a_supporter_from_the_admin_after_confirming(
    action_page, submit, client, eraser
):
    submit(supporter(name="Ivan Petrov", email="ivan@пример.рф"))
    submit(supporter(name="Ben", email="ben@example.org"))
    client.force_login(eraser)
    assert client.get(ERASE).status_code == 200

    asked = client.post(ERASE, {"email": "IVAN@xn--e1afmkfd.xn--p1ai"})
    assert asked.status_code == 200
    assert b'data-found="1"' in asked.content
    assert Submission.objects.with_personal_data().count() == 2  # not yet

    done = client.post(
        ERASE, {"email": "IVAN@xn--e1afmkfd.xn--p1ai", "confirmed": "True"}
    )
    assert done.status_code == 302
    assert list(
        Submission.objects.with_personal_data().values_list("name", flat=True)
    ) == ["Ben"]
    erased = Submission.objects.get(anonymised_at__isnull=False)
    assert set(
        OutgoingMessage.objects.filter(submission=erased).values_list(
            "body", "reply_to"
        )
    ) == {("", "")}

    [entry] = ModelLogEntry.objects.filter(action="caseblocks.erase_supporter")
    assert entry.user == eraser
    assert entry.object_id == str(erased.pk)
    logged = f"{entry.label} {entry.data}"
    for personal in ("ivan", "Ivan", "xn--", "пример", "Petrov"):
        assert personal not in logged


def test_erasing_needs_its_own_permission(
    action_page, submit, client, django_user_model
):
    submit(supporter(email="ivan@пример.рф"))
    user = django_user_model.objects.create_user("viewer", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_submission"),
    )
    client.force_login(user)
    home = reverse("wagtailadmin_home")
    for response in (
        client.get(ERASE),
        client.post(ERASE, {"email": "ivan@пример.рф", "confirmed": "True"}),
    ):
        # Wagtail answers a missing permission by sending back to the dashboard.
        assert response.status_code == 403 or response.url == home
    assert Submission.objects.with_personal_data().count() == 1


def test_erasure_refuses_what_is_no_address(client, eraser):
    client.force_login(eraser)
    response = client.post(ERASE, {"email": "not-an-address", "confirmed": "True"})
    assert response.status_code == 200
    assert b"Enter an e-mail address." in response.content
