"""Shorthands that write StreamField blocks as raw data, the form stored in the database.

Raw data goes through ``to_python`` and the block's own ``clean`` when a page is saved
(see ``cms.demo.pages``), so the demo passes the same validation as an editor's input.
"""

from django.utils.html import escape


def paragraphs(*texts):
    """One rich text block with a paragraph per argument (plain text, escaped)."""
    html = "".join(f"<p>{escape(text)}</p>" for text in texts)
    return {"type": "rich_text", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, speaker, role="", date=None, source="", source_url=""):
    return {
        "type": "quote",
        "value": {
            "text": text,
            "speaker": speaker,
            "speaker_role": role,
            "date": date,
            "source": source,
            "source_url": source_url,
        },
    }


def key_facts(heading, facts):
    """``facts``: (label, value) pairs."""
    return {
        "type": "key_facts",
        "value": {
            "heading": heading,
            "facts": [{"label": label, "value": value} for label, value in facts],
        },
    }


def event(date, title, precision="day", description=""):
    """A timeline event. ``date`` is ISO; with month or year precision, use day 1."""
    return {
        "date": date,
        "precision": precision,
        "title": title,
        "description": description,
    }


def timeline(heading, events):
    return {"type": "timeline", "value": {"heading": heading, "events": events}}


def appeal_address(*, salutation, ask, **postal):
    """``postal``: recipient, position, address_lines, city, postcode, country, fax."""
    value = {
        "recipient": "",
        "position": "",
        "organisation": "",
        "address_lines": "",
        "city": "",
        "postcode": "",
        "country": "",
        "fax": "",
        "email": "",
        **postal,
        "salutation": salutation,
        "ask": ask,
    }
    return {"type": "appeal_address", "value": value}


def action_form(**value):
    """An action form; pass a fixed ``action_id`` so reruns keep the same action."""
    value.setdefault("goal", None)
    value.setdefault("opens_at", None)
    value.setdefault("closes_at", None)
    return {"type": "action_form", "value": value}


def charges(*texts):
    return [{"type": "charge", "value": text} for text in texts]


def with_target_ids(data, ids):
    """``data`` with each action form's targets, given by e-mail, as record ids.

    Targets are managed records (``caseblocks.ActionTarget``) that the builder
    makes first; ``ids`` maps their e-mails to their ids.
    """
    if isinstance(data, list):
        return [with_target_ids(item, ids) for item in data]
    if not isinstance(data, dict):
        return data
    if data.get("type") == "action_form":
        value = data["value"]
        targets = [ids[email] for email in value.get("targets", ())]
        return {**data, "value": {**value, "targets": targets}}
    return {key: with_target_ids(value, ids) for key, value in data.items()}
