"""Block tests: validation, preview values and API shapes, without a database."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.blocks import StructBlockValidationError

from caseblocks.blocks import (
    ActionFormBlock,
    AppealAddressBlock,
    HeadingBlock,
    KeyFactsBlock,
    QuoteBlock,
    RichTextBlock,
    TimelineBlock,
)
from caseblocks.blocks.base import normalise_fax
from tests.factories.blocks import action_form_data, appeal_address_data

ALL_BLOCKS = [
    ActionFormBlock,
    AppealAddressBlock,
    HeadingBlock,
    KeyFactsBlock,
    QuoteBlock,
    TimelineBlock,
]


def appeal(**overrides):
    return appeal_address_data(**{"fax": "+996 312625012", **overrides})


def action(**overrides):
    return action_form_data(**overrides)


def clean(block, data):
    return block.clean(block.to_python(data))


def child_errors(excinfo):
    return {name: error.messages for name, error in excinfo.value.block_errors.items()}


@pytest.mark.parametrize("block_class", ALL_BLOCKS)
def test_every_block_describes_itself(block_class):
    block = block_class()
    assert block.meta.icon
    assert block.meta.description
    preview = block.get_preview_value()
    assert preview, "an admin preview needs a value"
    assert isinstance(
        block.get_api_representation(block.to_python(dict(preview))), dict
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+996 312625012", "+996312625012"),
        ("+996 (312) 62-50-12", "+996312625012"),
        ("00996312625012", "+996312625012"),
    ],
)
def test_fax_is_normalised_to_international_format(raw, expected):
    assert normalise_fax(raw) == expected


@pytest.mark.parametrize(
    "raw", ["12345", "312625012", "+0996312625012", "+99 6abc", "+1234"]
)
def test_fax_rejects_numbers_without_country_code(raw):
    with pytest.raises(ValidationError, match="international format"):
        normalise_fax(raw)


def test_appeal_address_reports_bad_fax_on_the_fax_field():
    with pytest.raises(ValidationError) as excinfo:
        clean(AppealAddressBlock(), appeal(fax="312625012"))
    assert list(child_errors(excinfo)) == ["fax"]


def test_appeal_address_rejects_bad_email():
    with pytest.raises(ValidationError) as excinfo:
        clean(AppealAddressBlock(), appeal(email="president at gov"))
    assert "email" in child_errors(excinfo)


def test_appeal_address_api_shape():
    block = AppealAddressBlock()
    value = clean(block, appeal())
    api = block.get_api_representation(value)
    assert api["address_lines"] == ["Government House"]
    assert api["fax"] == "+996312625012"
    assert api["email"] is None
    assert api["salutation"] == "Dear President"


@pytest.mark.django_db  # the target is a record
def test_action_form_gets_an_identifier_once():
    block = ActionFormBlock()
    value = clean(block, action())
    assert len(value["action_id"]) == 32
    again = clean(block, dict(block.get_prep_value(value)))
    assert again["action_id"] == value["action_id"]


def test_email_action_needs_targets_and_subject():
    with pytest.raises(ValidationError) as excinfo:
        clean(ActionFormBlock(), action(targets=[], subject=""))
    assert set(child_errors(excinfo)) == {"targets", "subject"}


def test_petition_needs_no_targets():
    value = clean(ActionFormBlock(), action(kind="petition", targets=[], subject=""))
    assert value["kind"] == "petition"


@pytest.mark.django_db  # the target is a record
def test_action_form_closing_must_follow_opening():
    opens = timezone.now()
    with pytest.raises(ValidationError) as excinfo:
        clean(ActionFormBlock(), action(opens_at=opens, closes_at=opens))
    assert list(child_errors(excinfo)) == ["closes_at"]


def test_action_form_reports_whether_it_is_open():
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    assert ActionFormBlock.is_open({"opens_at": None, "closes_at": None}, now)
    assert not ActionFormBlock.is_open({"opens_at": now + hour, "closes_at": None}, now)
    assert not ActionFormBlock.is_open({"opens_at": None, "closes_at": now - hour}, now)


@pytest.mark.django_db  # the target is a record
def test_action_form_api_shape():
    block = ActionFormBlock()
    api = block.get_api_representation(clean(block, action(action_id="abc")))
    assert api["action_id"] == "abc"
    [target] = api["targets"]
    assert target == {
        "id": target["id"],
        "name": "Press office",
        "position": "",
        "email": "press@akorda.kz",
        "country": "",
    }
    assert api["is_open"] is True


def test_timeline_orders_events_and_keeps_precision():
    block = TimelineBlock()
    value = block.to_python(
        {
            "heading": "",
            "events": [
                {"date": "2011-12-01", "precision": "month", "title": "Upheld"},
                {"date": "2010-06-15", "precision": "day", "title": "Detained"},
            ],
        }
    )
    events = block.get_api_representation(value)["events"]
    assert [e["title"] for e in events] == ["Detained", "Upheld"]
    assert events[1]["precision"] == "month"


def test_quote_api_shape():
    block = QuoteBlock()
    value = block.to_python(
        {
            "text": "They have destroyed us.",
            "speaker": "Azimjan Askarov",
            "date": "2011-06-01",
        }
    )
    api = block.get_api_representation(value)
    assert api["speaker"] == "Azimjan Askarov"
    assert api["date"] == "2011-06-01"


@pytest.mark.parametrize(
    "source", ['<p data-block-key="a1b2c"></p>', "<p> </p><p><br/></p>"]
)
def test_rich_text_refuses_a_block_left_blank(source):
    from wagtail.rich_text import RichText

    with pytest.raises(ValidationError, match="Write some text"):
        RichTextBlock().clean(RichText(source))


def test_rich_text_keeps_what_was_written():
    from wagtail.rich_text import RichText

    value = RichTextBlock().clean(RichText('<p data-block-key="a1">Free him.</p>'))

    assert "Free him." in value.source


@pytest.mark.parametrize(
    ("block", "value", "child", "message"),
    [
        (KeyFactsBlock(), {"heading": "", "facts": []}, "facts", "Add a fact"),
        (TimelineBlock(), {"heading": "", "events": []}, "events", "Add an event"),
    ],
)
def test_an_empty_list_says_what_to_add(block, value, child, message):
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))

    assert raised.value.block_errors[child].messages[0].startswith(message)


def test_an_e_mail_action_without_a_subject_says_what_to_do():
    block = ActionFormBlock()
    value = block.to_python({**block.meta.preview_value, "subject": ""})

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)

    assert "or choose Petition" in raised.value.block_errors["subject"].messages[0]
