"""How an editor builds each block type in the admin, for ``test_blocks.py``.

A recipe fills a freshly inserted block with one mistake the block refuses
(``fill``), names the message the editor then sees (``error``; None for a block
that refuses nothing an editor can type), puts the mistake right (``fix``) and
checks the published value as stored and as the delivery API serves it
(``check``). A recipe is made per test, with the test's ``request``, so one that
needs something beforehand (an image, an embed provider) makes it then.
"""

import datetime
import io
import re

from PIL import Image as PILImage
from playwright.sync_api import expect

from django.core.files.images import ImageFile

from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from caseblocks.models import PlacedAction
from tests.e2e.admin import field, fill_date
from tests.e2e.embeds import VIDEO_URL
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory

REQUIRED = "This field is required."


class Recipe:
    label = ""  # the block's name in the admin's block menu
    block_type = ""
    page_factory = CasePageFactory
    error = REQUIRED

    def __init__(self, request):
        """Make what the block needs before the editor opens the page."""


class Heading(Recipe):
    label = "Heading"
    block_type = "heading"
    page_factory = CountryPageFactory

    def fill(self, block):  # the text is left out
        field(block, "Level", "combobox").select_option(label="Level 3")

    def fix(self, block):
        field(block, "Text").fill("What happened")

    def check(self, stored, delivered):
        assert dict(stored) == {"text": "What happened", "level": "h3"}
        assert delivered == {"text": "What happened", "level": "h3"}


class RichText(Recipe):
    label = "Text"
    block_type = "rich_text"
    page_factory = CountryPageFactory
    # Nothing an editor types is refused: even an emptied text reaches the server
    # as an empty paragraph, which passes as filled in.
    error = None

    def fill(self, block):
        block.get_by_role("textbox").click()
        keyboard = block.page.keyboard
        keyboard.type("He documented ")
        keyboard.press("Control+b")
        keyboard.type("police abuse")
        keyboard.press("Control+b")
        keyboard.type(" for years.")
        # Draftail writes its content to the form a moment after the typing stops.
        expect(block.locator("input[type=hidden]")).to_have_value(
            re.compile(r'"offset":14,"length":12,"style":"BOLD"')
        )

    def fix(self, block):
        pass

    def check(self, stored, delivered):
        bold = re.compile(r">He documented <b>police abuse</b> for years\.</p>")
        assert bold.search(stored.source), stored.source
        assert bold.search(delivered), delivered


class Quote(Recipe):
    label = "Quote"
    block_type = "quote"
    page_factory = NewsPageFactory
    error = "Enter a valid URL."

    def fill(self, block):
        field(block, "Quotation").fill("Your letters kept me alive.")
        field(block, "Speaker").fill("Azimjan Askarov")
        fill_date(field(block, "Date"), "2017-08-23")
        field(block, "Source URL").fill("letter from prison")

    def fix(self, block):
        field(block, "Source URL").fill("https://example.org/letters/askarov")

    def check(self, stored, delivered):
        assert stored["speaker"] == "Azimjan Askarov"
        assert stored["date"] == datetime.date(2017, 8, 23)
        assert delivered["text"] == "Your letters kept me alive."
        assert delivered["date"] == "2017-08-23"
        assert delivered["source_url"] == "https://example.org/letters/askarov"


class KeyFacts(Recipe):
    label = "Key facts"
    block_type = "key_facts"
    page_factory = NewsPageFactory

    def fill(self, block):  # the first fact without its value
        field(block, "Heading").fill("At a glance")
        field(block, "Label").fill("Sentence")

    def fix(self, block):
        field(block, "Value").fill("Life imprisonment")
        block.get_by_role("button", name="Add", exact=True).last.click()
        field(block, "Label").last.fill("Held in")
        field(block, "Value").last.fill("Prison No. 47, Bishkek")

    def check(self, stored, delivered):
        assert [fact["label"] for fact in stored["facts"]] == ["Sentence", "Held in"]
        assert delivered == {
            "heading": "At a glance",
            "facts": [
                {"label": "Sentence", "value": "Life imprisonment"},
                {"label": "Held in", "value": "Prison No. 47, Bishkek"},
            ],
        }


class Timeline(Recipe):
    label = "Timeline"
    block_type = "timeline"

    # The date picker replaces a date that does not exist with today's, so the
    # mistake an editor can make is an event without its date.
    def fill(self, block):  # the events out of order, the second without its date
        field(block, "Heading").fill("What happened")
        fill_date(field(block, "Date"), "2011-12-01")
        field(block, "Date precision", "combobox").select_option(label="Month")
        field(block, "Title").fill("Life sentence upheld")
        block.get_by_role("button", name="Add", exact=True).last.click()
        field(block, "Title").last.fill("Detained")

    def fix(self, block):
        fill_date(field(block, "Date").last, "2010-06-15")

    def check(self, stored, delivered):
        assert [event["title"] for event in stored["events"]] == [
            "Life sentence upheld",
            "Detained",
        ]
        # Front-ends get the events oldest first, whatever order they were typed in.
        assert [
            (event["date"], event["precision"], event["title"])
            for event in delivered["events"]
        ] == [
            ("2010-06-15", "day", "Detained"),
            ("2011-12-01", "month", "Life sentence upheld"),
        ]


class AppealAddress(Recipe):
    label = "Appeal address"
    block_type = "appeal_address"
    page_factory = NewsPageFactory
    error = "Enter the fax number in international format"

    def fill(self, block):
        field(block, "Recipient").fill("Almazbek Atambaev")
        field(block, "Address").fill("Government House\n205 Chui Avenue")
        field(block, "City").fill("Bishkek")
        field(block, "Country").fill("Kyrgyzstan")
        field(block, "Fax").fill("312 625012")
        field(block, "Salutation").fill("Dear President")
        field(block, "Ask").fill("Release Azimjan Askarov now.")

    def fix(self, block):
        field(block, "Fax").fill("00 996 312 625012")

    def check(self, stored, delivered):
        assert stored["fax"] == "+996312625012"
        assert delivered["address_lines"] == ["Government House", "205 Chui Avenue"]
        assert delivered["fax"] == "+996312625012"
        assert delivered["salutation"] == "Dear President"


class ActionForm(Recipe):
    label = "Action form"
    block_type = "action_form"
    error = "The closing time must come after the opening time."

    def fill(self, block):  # no target to e-mail, and closing before opening
        field(block, "Subject").fill("Free Erzhan Elshibayev")
        field(block, "Suggested message").fill("Release Erzhan Elshibayev.")
        field(block, "Consent wording").fill("I agree that my name is sent.")
        field(block, "Goal", "spinbutton").fill("500")
        fill_date(field(block, "Opens at"), "2020-01-01 09:00")
        fill_date(field(block, "Closes at"), "2019-12-01 09:00")
        field(block, "Thank-you text").fill("Thank you.")
        field(block, "Closed text").fill("This campaign is concluded.")

    def __init__(self, request):
        super().__init__(request)
        from caseblocks.models import ActionTarget

        self.target = ActionTarget.objects.create(
            name="Press office", email="press@akorda.kz"
        )

    def fix(self, block):
        expect(block.get_by_text("Add at least one target to e-mail.")).to_be_visible()
        block.get_by_role("button", name="Add", exact=True).first.click()
        # Targets are records, chosen: an editor cannot type an address.
        block.get_by_role("button", name=re.compile("Choose", re.I)).first.click()
        chooser = block.page.get_by_role("dialog")
        chooser.get_by_role("link", name=re.compile("Press office")).click()
        expect(chooser).to_be_hidden()
        fill_date(field(block, "Closes at"), "2099-12-31 18:00")

    def check(self, stored, delivered):
        action_id = stored["action_id"]
        assert re.fullmatch(r"[0-9a-f]{32}", action_id), action_id
        assert delivered["action_id"] == action_id
        assert delivered["targets"] == [
            {
                "id": self.target.pk,
                "name": "Press office",
                "position": "",
                "email": "press@akorda.kz",
                "country": "",
            }
        ]
        assert delivered["goal"] == 500
        assert delivered["opens_at"].startswith("2020-01-01T09:00")
        assert delivered["is_open"] is True
        # Publishing placed the action, so supporters can take it.
        assert PlacedAction.objects.filter(action_id=action_id).count() == 1


class CaptionedImage(Recipe):
    label = "Image"
    block_type = "image"
    page_factory = CountryPageFactory
    error = "Describe the picture, or mark it as decorative."

    def __init__(self, request):
        super().__init__(request)
        settings = request.getfixturevalue("settings")
        settings.MEDIA_ROOT = request.getfixturevalue("tmp_path")
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 480), "#7a3b2e").save(buffer, "PNG")
        self.image = get_image_model().objects.create(
            title="Azimjan Askarov in court",
            file=ImageFile(buffer, name="askarov-in-court.png"),
        )

    def fill(self, block):  # no alternative text, and not marked decorative
        block.get_by_role("button", name="Choose an image").click()
        chooser = block.page.get_by_role("dialog")
        chooser.get_by_role("link", name=re.compile(self.image.title)).click()
        expect(chooser).to_be_hidden()
        field(block, "Caption").fill("Askarov at his appeal hearing")

    def fix(self, block):
        field(block, "Alternative text").fill(
            "Azimjan Askarov behind bars in a courtroom"
        )

    def check(self, stored, delivered):
        assert stored["image"] == self.image
        assert delivered["image"]["id"] == self.image.pk
        assert delivered["image"]["width"] == 640
        assert set(delivered["image"]["renditions"]) == {"thumbnail", "medium", "large"}
        assert delivered["alt_text"] == "Azimjan Askarov behind bars in a courtroom"
        assert delivered["caption"] == "Askarov at his appeal hearing"


class CaptionedEmbed(Recipe):
    label = "Embed"
    block_type = "embed"
    page_factory = NewsPageFactory
    error = "Cannot find an embed for this URL."

    def __init__(self, request):
        super().__init__(request)
        settings = request.getfixturevalue("settings")
        settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.e2e.embeds"}]
        get_finders.cache_clear()
        request.addfinalizer(get_finders.cache_clear)

    def fill(self, block):  # a URL no provider knows
        field(block, "Embed URL").fill("https://video.example.org/watch/unknown")
        field(block, "Caption").fill("Askarov's lawyer on the appeal")

    def fix(self, block):
        field(block, "Embed URL").fill(VIDEO_URL)

    def check(self, stored, delivered):
        assert stored["embed"].url == VIDEO_URL
        assert Embed.objects.get(url=VIDEO_URL).provider_name == "Example Video"
        # The provider's answer, stored at save; its iframe is from a host not
        # allowed to play in front-ends, so no HTML.
        assert delivered == {
            "url": VIDEO_URL,
            "caption": "Askarov's lawyer on the appeal",
            "html": None,
            "title": "Appeal for Azimjan Askarov",
            "provider_name": "Example Video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
        }


RECIPES = [
    Heading,
    RichText,
    Quote,
    KeyFacts,
    Timeline,
    AppealAddress,
    ActionForm,
    CaptionedImage,
    CaptionedEmbed,
]
