"""Raw block values (as the admin form posts them) for tests. Override what matters."""


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
    """An open e-mail action with one target; ``action_id`` empty, so one is made."""
    return {
        "action_id": "",
        "kind": "email",
        "targets": [{"name": "Press office", "email": "press@akorda.kz"}],
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
