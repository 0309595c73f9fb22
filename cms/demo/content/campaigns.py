"""Two campaigns from the seed documents, with the cases and news they gathered.

Each campaign is written in the languages its cases have: Write for Rights 2014
(Erkin Musaev) in English, the Worldwide Appeal of May/June 2012 (Azimjan
Askarov) in English and Traditional Chinese.
"""

import datetime

from ..blocks import key_facts, paragraphs

SECTION = (
    "campaigns",
    "campaigns",
    {
        "en": {"title": "Campaigns", "intro": "Efforts that gather many cases."},
        "zh-hant": {"title": "行動", "intro": "匯集多個個案的行動。"},
        "it": {"title": "Campagne", "intro": "Mobilitazioni che riuniscono più casi."},
        "ru": {"title": "Кампании", "intro": "Кампании, объединяющие много дел."},
    },
)

WRITE_FOR_RIGHTS_2014 = {
    "slug": "write-for-rights-2014",
    "fields": {
        "starts_on": datetime.date(2014, 12, 1),
        "ends_on": datetime.date(2014, 12, 31),
        "state": "concluded",
    },
    "cases": ["erkin-musaev"],
    "news": ["erkin-musaev-thanks-supporters"],
    "text": {
        "en": {
            "title": "Write for Rights 2014",
            "summary": "Every December supporters write letters for people whose "
            "rights are under attack. In 2014 one of them was Erkin Musaev.",
            "body": [
                paragraphs(
                    "For a few weeks each year, people around the world write to "
                    "prisoners and to the officials who hold them.",
                    "Erkin Musaev was jailed in Uzbekistan on a confession forced out "
                    "of him. He was released early in 2017 and said the letters "
                    "changed how he was treated.",
                ),
                key_facts(
                    "",
                    [("Messages for Erkin Musaev", "427,000")],
                ),
            ],
        },
    },
}

WORLDWIDE_APPEAL_2012 = {
    "slug": "worldwide-appeal-2012-may-june",
    "fields": {
        "starts_on": datetime.date(2012, 5, 1),
        "ends_on": datetime.date(2012, 6, 30),
        "state": "concluded",
    },
    "cases": ["azimjan-askarov"],
    "news": [],
    "text": {
        "en": {
            "title": "Worldwide Appeal, May/June 2012",
            "summary": "Appeals for prisoners of conscience, sent by supporters "
            "in May and June 2012.",
            "body": [
                paragraphs(
                    "Each appeal names one person and the official who can free "
                    "them, and asks supporters to write.",
                    "In May and June 2012 it asked for the release of Azimjan "
                    "Askarov, serving a life sentence in Kyrgyzstan.",
                ),
            ],
        },
        "zh-hant": {
            "title": "全球緊急行動 2012年5月/6月",
            "summary": "支持者在2012年5月和6月為良心犯寫信呼籲。",
            "body": [
                paragraphs(
                    "每一份呼籲都點名一位受害者和能夠釋放他的官員,請支持者寫信。",
                    "2012年5月和6月的呼籲要求釋放在吉爾吉斯被判無期徒刑的"
                    "Azimjan Askarov。",
                ),
            ],
        },
    },
}

CAMPAIGNS = [WRITE_FOR_RIGHTS_2014, WORLDWIDE_APPEAL_2012]


def campaigns_of(kind, slug):
    """Slugs of the campaigns that list the case or news post ``slug``."""
    return [c["slug"] for c in CAMPAIGNS if slug in c[kind]]


# Pages for everything else, in every demo language, below each home page.
PRIVACY_POLICY = {
    "slug": "privacy",
    "text": {
        "en": {
            "title": "Privacy policy",
            "summary": "What we keep when you take part in an action, and why.",
            "body": [
                paragraphs(
                    "When you sign an action we keep your name, e-mail address and "
                    "country to send your message and count supporters.",
                    "We never publish your e-mail address, and we delete it when the "
                    "action has been delivered, unless you asked for our newsletter.",
                )
            ],
        },
        "zh-hant": {
            "title": "隱私權政策",
            "summary": "你參與行動時我們保存哪些資料,以及原因。",
            "body": [
                paragraphs(
                    "你簽署行動時,我們保存你的姓名、電子郵件地址和國家,"
                    "以便寄出你的訊息並計算支持人數。",
                    "我們絕不公開你的電子郵件地址,行動送達後即刪除,除非你訂閱了電子報。",
                )
            ],
        },
        "it": {
            "title": "Informativa sulla privacy",
            "summary": "Che cosa conserviamo quando partecipi a un'azione, e perché.",
            "body": [
                paragraphs(
                    "Quando firmi un'azione conserviamo nome, indirizzo e-mail e "
                    "paese per inviare il tuo messaggio e contare le adesioni.",
                    "Non pubblichiamo mai il tuo indirizzo e-mail e lo cancelliamo "
                    "dopo la consegna, salvo che tu abbia chiesto la newsletter.",
                )
            ],
        },
        "ru": {
            "title": "Политика конфиденциальности",
            "summary": "Что мы храним, когда вы участвуете в акции, и зачем.",
            "body": [
                paragraphs(
                    "Когда вы подписываете акцию, мы храним имя, адрес электронной "
                    "почты и страну, чтобы отправить ваше письмо и посчитать "
                    "участников.",
                    "Мы не публикуем ваш адрес и удаляем его после доставки, если "
                    "вы не подписались на рассылку.",
                )
            ],
        },
    },
}

ABOUT = {
    "slug": "about",
    "text": {
        "en": {
            "title": "About us",
            "summary": "Who writes these pages and what we ask of supporters.",
            "body": [
                paragraphs(
                    "We publish the cases of people jailed or threatened for their "
                    "work, and ask supporters to write on their behalf."
                )
            ],
        },
        "zh-hant": {
            "title": "關於我們",
            "summary": "誰撰寫這些頁面,以及我們請支持者做什麼。",
            "body": [
                paragraphs(
                    "我們公布因工作而被監禁或威脅的人的個案,並請支持者為他們寫信。"
                )
            ],
        },
        "it": {
            "title": "Chi siamo",
            "summary": "Chi scrive queste pagine e che cosa chiediamo a chi ci sostiene.",
            "body": [
                paragraphs(
                    "Pubblichiamo i casi di persone incarcerate o minacciate per il "
                    "loro lavoro e chiediamo di scrivere per loro."
                )
            ],
        },
        "ru": {
            "title": "О нас",
            "summary": "Кто пишет эти страницы и о чём мы просим сторонников.",
            "body": [
                paragraphs(
                    "Мы публикуем дела людей, которых преследуют за их работу, и "
                    "просим сторонников писать в их защиту."
                )
            ],
        },
    },
}

GENERAL_PAGES = [ABOUT, PRIVACY_POLICY]
