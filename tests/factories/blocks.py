"""Raw block values (as the admin form posts them) for tests. Override what matters."""

PRESS_OFFICE = ("Press office", "press@akorda.kz")


def target_ids(*targets):
    """Ids of managed targets for ``(name, email)`` pairs, made if missing.

    Action forms choose their targets among these records; needs the database.
    """
    from caseblocks.models import ActionTarget

    return [
        ActionTarget.objects.get_or_create(email=email, defaults={"name": name})[0].pk
        for name, email in targets
    ]


def appeal_address_data(**overrides):
    """Askarov's appeal, as the seed gives it."""
    return {
        "recipient": "Almazbek Atambaev",
        "position": "President",
        "organisation": "",
        "address_lines": "Government House",
        "city": "Bishkek",
        "postcode": "720003",
        "country": "Kyrgyzstan",
        "fax": "+996312625012",
        "email": "",
        "salutation": "Dear President",
        "ask": "Release Azimjan Askarov now.",
        **overrides,
    }


def action_form_data(**overrides):
    """An open e-mail action with one target; ``action_id`` empty, so one is made.

    The target is a record: without a ``targets`` override this needs the database.
    """
    if "targets" not in overrides:
        overrides["targets"] = target_ids(PRESS_OFFICE)
    return {
        "action_id": "",
        "kind": "email",
        "subject": "Free Erzhan Elshibayev",
        "suggested_message": "Release him.",
        "consent_text": "I agree.",
        "goal": 1000,
        "opens_at": None,
        "closes_at": None,
        "confirmation_text": "Thank you.",
        "closed_text": "This campaign is concluded.",
        **overrides,
    }


def with_target_records(value):
    """``value`` with its target ids replaced by the records, for a page body
    given as native ``(block type, value)`` pairs rather than stored JSON."""
    from caseblocks.models import ActionTarget

    found = ActionTarget.objects.in_bulk(value["targets"])
    return {**value, "targets": [found[pk] for pk in value["targets"]]}
