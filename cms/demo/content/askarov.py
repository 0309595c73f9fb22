"""Azimjan Askarov (Kyrgyzstan), in English and Traditional Chinese.

The appeal address is the same in both: post offices read the envelope as written.
Only the salutation and the ask are translated. It is a real office's address, so
the appeal is shown as concluded (the 2012 worldwide appeal): the demo's open
actions write to example addresses only (``open_actions``).
"""

import datetime

from ..blocks import (
    appeal_address,
    charges,
    event,
    key_facts,
    paragraphs,
    quote,
    timeline,
)

POSTAL = {
    "recipient": "Almazbek Atambaev",
    "position": "President of Kyrgyzstan",
    "address_lines": "Government House",
    "city": "Bishkek",
    "postcode": "720003",
    "country": "Kyrgyzstan",
    "fax": "+996 312625012",
}

ASKAROV = {
    "slug": "azimjan-askarov",
    "country": "KG",
    "tags": ["human rights defender", "prisoner of conscience"],
    "fields": {
        "person_name": "Azimjan Askarov",
        "status": "imprisoned",
        "detained_on": datetime.date(2010, 6, 15),
        "campaign_state": "concluded",
    },
    "text": {
        "en": {
            "title": "Azimjan Askarov",
            "summary": "The head of the rights group Vozdukh, serving life in "
            "Kyrgyzstan for documenting police abuse and the violence of June 2010.",
            "sentence": "Life imprisonment",
            "campaign_closed_text": "The worldwide appeal of 2012 has closed. Thank "
            "you to everyone who wrote.",
            "charges": charges("Storing ammunition", "Complicity in murder"),
            "body": [
                paragraphs(
                    "Azimjan Askarov leads Vozdukh (Air), a rights group that answers "
                    "to nobody in government. For years he recorded how police treated people in the "
                    "Jalal-Abad region of southern Kyrgyzstan.",
                    "He was arrested on 15 June 2010 while documenting clashes "
                    "between Kyrgyz and Uzbek communities. He says officers beat "
                    "him hard for three days to make him admit to killing a police "
                    "officer and to name others.",
                    "The beatings went on while he awaited trial. Charges followed "
                    "in August 2010, among them keeping ammunition and helping to "
                    "commit murder; he rejects every charge. In "
                    "November 2010 he collapsed and was taken to hospital.",
                    "The Supreme Court confirmed his life sentence in December 2011. "
                    "His health is poor and he is not getting proper medical care. "
                    "We consider him a prisoner of conscience, held only for his "
                    "human rights work. His case was part of our worldwide appeal "
                    "of May and June 2012.",
                ),
                key_facts(
                    "At a glance",
                    [
                        ("Sentence", "Life imprisonment"),
                        ("Held in", "Prison No. 47, Bishkek, alone in a basement cell"),
                        ("Organisation", "Vozdukh (Air)"),
                    ],
                ),
                timeline(
                    "What happened",
                    [
                        event("2010-06-15", "Arrested"),
                        event("2010-08-01", "Charged", "month"),
                        event("2010-11-01", "Taken to hospital", "month"),
                        event("2011-12-01", "Life sentence upheld", "month"),
                    ],
                ),
                quote(
                    "They have destroyed us",
                    "Azimjan Askarov",
                    source="Prison visit by Amnesty International, June 2011",
                ),
                appeal_address(
                    **POSTAL,
                    salutation="Dear President",
                    ask="Please free Azimjan Askarov at once and without conditions: "
                    "he is a human rights defender and a prisoner of conscience.",
                ),
            ],
        },
        "zh-hant": {
            "title": "Azimjan Askarov",
            "summary": "人權組織Vozdukh的負責人,因記錄警察暴力與2010年6月的族群衝突,"
            "在吉爾吉斯被判終身監禁。",
            "sentence": "無期徒刑",
            "campaign_closed_text": "2012年的全球呼籲行動已經結束。感謝所有寫信的人。",
            "charges": charges("私藏彈藥", "共謀殺人"),
            "body": [
                paragraphs(
                    "Azimjan Askarov主持獨立人權組織Vozdukh(意為「空氣」)。"
                    "多年來,他記錄吉國南方Jalal-Abad地區警方對民眾的所作所為。",
                    "2010年6月15日,他在記錄吉爾吉斯族與烏茲別克族之間的衝突時被捕。"
                    "他表示,警方連續三天重打他,逼他承認殺害一名警員並指認他人。",
                    "候審期間毆打並未停止。2010年8月,他被控多項罪名,包括持有彈藥及協助殺人,"
                    "他否認所有指控。2010年11月,他在獄中昏倒,被送往醫院。",
                    "最高法院於2011年12月維持終身監禁判決。他健康不佳,也未得到應有的醫療。"
                    "我們視他為良心犯:他被關押,只因為他的人權工作。"
                    "他的個案曾列入2012年5月至6月的全球呼籲行動。",
                ),
                key_facts(
                    "重點",
                    [
                        ("刑期", "無期徒刑"),
                        ("關押地點", "Bishkek第47號監獄,單獨囚禁於地下囚室"),
                        ("所屬組織", "Vozdukh(空氣)"),
                    ],
                ),
                timeline(
                    "事件經過",
                    [
                        event("2010-06-15", "被捕"),
                        event("2010-08-01", "遭到起訴", "month"),
                        event("2010-11-01", "被送醫", "month"),
                        event("2011-12-01", "終身監禁判決定讞", "month"),
                    ],
                ),
                quote(
                    "他們毀了我們",
                    "Azimjan Askarov",
                    source="2011年6月國際特赦組織探監時所說",
                ),
                appeal_address(
                    **POSTAL,
                    salutation="總統閣下",
                    ask="請讓人權捍衛者Azimjan Askarov立刻重獲自由,不附任何條件:他是良心犯。",
                ),
            ],
        },
    },
}
