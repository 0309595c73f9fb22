"""A site with something to hide: drafts, pending changes, private pages, supporters
and staff, each marked with words that must never reach an anonymous reader."""

import re
from dataclasses import dataclass, field

import pytest
import wagtail_factories

from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache

from wagtail.models import Collection, PageViewRestriction

from tests.factories import CasePageFactory, CountryPageFactory
from tests.factories.blocks import PRESS_OFFICE, action_form_data, target_ids

LOOSE_LIMITS = {"ADDRESS": ["1000/60"], "EMAIL": ["1000/60"]}


@dataclass
class Site:
    public: object
    hidden: dict  # name → page
    public_action: str
    hidden_actions: list
    draft_image: object
    public_image: object
    # Strings that must appear in no anonymous response.
    secrets: list = field(default_factory=list)


def rich_text(words):
    return ("rich_text", f"<p>{words}</p>")


def action(action_id):
    from caseblocks.models import ActionTarget

    # A value in native form: the chosen target is the record itself.
    [target] = ActionTarget.objects.filter(pk__in=target_ids(PRESS_OFFICE))
    return ("action_form", action_form_data(action_id=action_id, targets=[target]))


def image_block(image):
    return (
        "image",
        {
            "image": image,
            "alt_text": "A portrait",
            "decorative": False,
            "caption": "",
            "credit": "",
        },
    )


def case(owner, title, slug, body=(), **fields):
    page = CasePageFactory(
        title=title,
        slug=slug,
        person_name=title,
        summary=f"{title} summary",
        owner=owner,
        live=False,
        body=list(body),
        **fields,
    )
    return page


def publish(page, user):
    page.save_revision(user=user).publish()
    page.refresh_from_db()
    return page


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, **fields
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name="Editors")])
    return page


@pytest.fixture
def site(db, settings, client, django_user_model):
    """Every kind of hidden thing next to one public case, made as editors make them."""
    settings.CASEBOOK_ACTIONS = {"RATE_LIMITS": LOOSE_LIMITS}
    admin = django_user_model.objects.create_superuser(
        "xqadminuser", "xqadmin@example.org", "pw", first_name="Xqadminfirst"
    )
    editor = django_user_model.objects.create_user(
        "xqeditoruser", "xqeditor@example.org", "pw", last_name="Xqeditorlast"
    )
    country = CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")
    public_image = wagtail_factories.ImageFactory(title="Public portrait")
    draft_image = wagtail_factories.ImageFactory(
        title="Xqdraftimage portrait",
        collection=Collection.get_first_root_node(),
    )

    public = case(
        admin,
        "Public case",
        "public-case",
        [rich_text("Public words."), image_block(public_image), action("public-1")],
        country=country,
    )
    publish(public, editor)

    draft = case(
        admin,
        "Xqdraft case",
        "xqdraft-case",
        [
            rich_text("Xqdraftbody"),
            image_block(draft_image),
            action("xqdraft-action"),
        ],
        country=country,
    )
    draft.save_revision(user=editor)

    pending = publish(
        case(admin, "Pending case", "pending-case", [rich_text("Live words.")]), editor
    )
    pending.title = "Xqpending title"
    pending.summary = "Xqpendingsummary"
    pending.body = [rich_text("Xqpendingbody"), action("xqpending-action")]
    pending.save_revision(user=editor)

    unpublished = publish(
        case(admin, "Xqunpublished case", "xqunpublished-case"), admin
    )
    unpublished.unpublish()

    hidden = {
        "draft": draft,
        "unpublished": unpublished,
        "password": restrict(
            publish(
                case(
                    admin,
                    "Xqpassword case",
                    "xqpassword-case",
                    [action("xqpassword-action")],
                    country=country,
                ),
                admin,
            ),
            PageViewRestriction.PASSWORD,
            password="xqsecretpassword",
        ),
        "login": restrict(
            publish(case(admin, "Xqlogin case", "xqlogin-case"), admin),
            PageViewRestriction.LOGIN,
        ),
        "groups": restrict(
            publish(case(admin, "Xqgroups case", "xqgroups-case"), admin),
            PageViewRestriction.GROUPS,
        ),
    }
    # Below a private page: hidden by its parent's restriction.
    hidden["private child"] = publish(
        CasePageFactory(
            parent=hidden["password"],
            title="Xqchild case",
            slug="xqchild-case",
            person_name="Xqchild case",
            live=False,
        ),
        admin,
    )
    # The page with pending changes is public; only its draft is hidden.
    hidden["pending"] = pending
    # The embedded search index, filled as `search_index --rebuild` fills it.
    if apps.is_installed("search"):
        from tests.search.conftest import index_in_database

        index_in_database()

    supporters = [
        ("Xqsupporter Anna", "xqanna@example.org", "Xqmessage free him"),
        ("Xqsupporter Ben", "xqben@example.org", ""),
    ]
    for name, email, message in supporters:
        response = client.post(
            "/api/v1/actions/public-1/submissions",
            {
                "name": name,
                "email": email,
                "country": "IT",
                "message": message,
                "consent": True,
            },
            content_type="application/json",
        )
        assert response.status_code == 202, response.content
        # The supporter follows the link of the confirmation e-mail.
        [token] = re.findall(r"token=([\w-]+)", mail.outbox[-1].body)
        confirmed = client.post(
            "/api/v1/actions/confirmations",
            {"token": token},
            content_type="application/json",
        )
        assert confirmed.status_code == 200, confirmed.content
    cache.clear()  # the submissions' rate-limit counters, and any cached response

    secrets = [
        "xqdraft",
        "xqpending",
        "xqunpublished",
        "xqpassword",
        "xqsecretpassword",
        "xqlogin",
        "xqgroups",
        "xqchild",
        "xqsupporter",
        "xqanna",
        "xqben",
        "xqmessage",
        "xqadmin",
        "xqeditor",
    ]
    return Site(
        public=public,
        hidden=hidden,
        public_action="public-1",
        hidden_actions=[
            "xqdraft-action",
            "xqpending-action",
            "xqpassword-action",
        ],
        draft_image=draft_image,
        public_image=public_image,
        secrets=secrets,
    )
