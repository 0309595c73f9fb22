"""Open actions to try, in English and Chinese: an e-mail to targets, a petition, and
a letter to print and post, with the pledge that says it was sent.

They sit on a news post about the forced returns from Russia to Uzbekistan that the
seeds report (the 2016 briefing "Fast-track to Torture"). Every target, and the
appeal's address, is on the reserved example domain (``example.org``, RFC 2606) with
an example street, so even a misconfigured mail server reaches no real office: the
seeds' real offices appear only on concluded actions (Elshibayev's campaign).

The Italian version is made but left untranslated: it is what the demo's Italian
translator finds waiting (``UNTRANSLATED``).
"""

import datetime

from ..blocks import action_form, appeal_address, paragraphs

# Fixed so that reruns, and every language, keep collecting into the same actions.
EMAIL_ACTION_ID = "demo-stop-forced-returns"
PETITION_ACTION_ID = "demo-petition-forced-returns"
LETTER_ACTION_ID = "demo-letter-forced-returns"
SLUG = "act-now-stop-forced-returns"
UNTRANSLATED = [(SLUG, "it")]

TARGETS = [
    {
        "name": "Ministry of Internal Affairs (example)",
        "position": "Migration department",
        "email": "migration@example.org",
        "country": "RU",
    },
    {
        "name": "Prosecutor General's Office (example)",
        "position": "Reception",
        "email": "prosecutor@example.org",
        "country": "RU",
    },
]
TARGET_EMAILS = [target["email"] for target in TARGETS]

POSTAL = {
    "recipient": "The Minister of Internal Affairs",
    "organisation": "Example Ministry of Internal Affairs",
    "address_lines": "1 Example Street",
    "city": "Example City",
    "postcode": "00000",
    "country": "Exampleland",
    "email": "minister@example.org",
}

OPEN_ACTIONS = {
    "slug": SLUG,
    # Uzbekistan's country page has no Chinese version to link to.
    "countries": [],
    "related_cases": [],
    "fields": {
        "published_at": datetime.datetime(2016, 4, 22, tzinfo=datetime.UTC),
    },
    "text": {
        "en": {
            "title": "Act now: stop the forced returns to Uzbekistan",
            "summary": "Write to the authorities, sign the petition, or send a "
            "letter: people sent back to Uzbekistan face torture.",
            "body": [
                paragraphs(
                    "Hundreds of asylum seekers, refugees and migrant workers have "
                    "been deported, and some abducted, from Russia to Uzbekistan, "
                    "where many were tortured.",
                    "Ask the authorities to stop every forced return to Uzbekistan "
                    "and to hear each asylum claim fairly.",
                ),
                action_form(
                    action_id=EMAIL_ACTION_ID,
                    kind="email",
                    targets=TARGET_EMAILS,
                    subject="Stop the forced returns to Uzbekistan",
                    suggested_message="I ask you to stop sending people back to "
                    "Uzbekistan, where they face torture, and to hear every asylum "
                    "claim fairly.",
                    consent_text="I agree that my name is sent with this message.",
                    goal=1000,
                    confirmation_text="Thank you. Look for our e-mail and follow "
                    "its link: your message goes out once you confirm.",
                    closed_text="This action has ended.",
                ),
                action_form(
                    action_id=PETITION_ACTION_ID,
                    kind="petition",
                    targets=[],
                    subject="",
                    suggested_message="We call for an end to forced returns to "
                    "Uzbekistan.",
                    consent_text="I agree that my name is added to the petition.",
                    goal=5000,
                    confirmation_text="Thank you. Look for our e-mail and follow "
                    "its link: your name counts once you confirm.",
                    closed_text="The petition has closed.",
                ),
                appeal_address(
                    **POSTAL,
                    salutation="Dear Minister",
                    ask="Please stop every forced return to Uzbekistan.",
                ),
                action_form(
                    action_id=LETTER_ACTION_ID,
                    kind="letter",
                    targets=[],
                    subject="",
                    suggested_message="I have printed, signed and posted the letter "
                    "to the Minister.",
                    consent_text="I agree that my name is counted among those who "
                    "posted the letter.",
                    goal=500,
                    confirmation_text="Thank you. Look for our e-mail and follow "
                    "its link: your letter counts once you confirm.",
                    closed_text="This action has ended.",
                ),
            ],
        },
        "zh-hant": {
            "title": "立即行動:停止將人強制遣返烏茲別克",
            "summary": "寫信給當局、連署請願,或寄出信件:被遣返烏茲別克的人面臨酷刑。",
            "body": [
                paragraphs(
                    "數以百計的尋求庇護者、難民和移工從俄羅斯被驅逐,甚至被綁架送回"
                    "烏茲別克,其中許多人遭受酷刑。",
                    "請當局停止一切強制遣返烏茲別克的行動,並公平審理每一件庇護申請。",
                ),
                action_form(
                    action_id=EMAIL_ACTION_ID,
                    kind="email",
                    targets=TARGET_EMAILS,
                    subject="停止強制遣返烏茲別克",
                    suggested_message="我請求您停止將人送回可能遭受酷刑的烏茲別克,"
                    "並公平審理每一件庇護申請。",
                    consent_text="我同意我的姓名隨這封信一起寄出。",
                    goal=1000,
                    confirmation_text="謝謝你。請查看我們寄給你的電子郵件並點選連結:"
                    "確認後你的信才會寄出。",
                    closed_text="這項行動已經結束。",
                ),
                action_form(
                    action_id=PETITION_ACTION_ID,
                    kind="petition",
                    targets=[],
                    subject="",
                    suggested_message="我們呼籲停止強制遣返烏茲別克。",
                    consent_text="我同意將我的姓名加入連署。",
                    goal=5000,
                    confirmation_text="謝謝你。請查看我們寄給你的電子郵件並點選連結:"
                    "確認後你的連署才會計入。",
                    closed_text="連署已經結束。",
                ),
                appeal_address(
                    **POSTAL,
                    salutation="部長閣下",
                    ask="請停止一切強制遣返烏茲別克的行動。",
                ),
                action_form(
                    action_id=LETTER_ACTION_ID,
                    kind="letter",
                    targets=[],
                    subject="",
                    suggested_message="我已經列印、簽名並寄出給部長的信。",
                    consent_text="我同意將我的姓名計入寄出信件的人數。",
                    goal=500,
                    confirmation_text="謝謝你。請查看我們寄給你的電子郵件並點選連結:"
                    "確認後你寄出的信才會計入。",
                    closed_text="這項行動已經結束。",
                ),
            ],
        },
    },
}
