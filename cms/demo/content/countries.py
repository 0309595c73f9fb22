"""The four countries of the seed documents. English is the source language."""

from ..blocks import heading, key_facts, paragraphs

REGION = "europe_central_asia"

COUNTRIES = [
    {
        "iso_code": "UZ",
        "slug": "uzbekistan",
        "text": {
            "en": {
                "title": "Uzbekistan",
                "summary": "Confessions extracted under torture still send people to "
                "prison in Uzbekistan, and critics of the state serve long terms "
                "after unfair trials.",
                "body": [
                    paragraphs(
                        "For decades the security services have used torture to obtain "
                        "confessions, to frighten whole families and to extort money. "
                        "Courts rarely question how a confession was made.",
                        "Islam Karimov ruled for 27 years until his death in 2016. "
                        "Hundreds of protesters were killed in Andizhan in May 2005 "
                        "and nobody has answered for it.",
                    ),
                    key_facts(
                        "At a glance",
                        [
                            ("Region", "Europe and Central Asia"),
                            ("Head of state 1989-2016", "Islam Karimov"),
                            ("Andizhan, May 2005", "Hundreds of protesters killed"),
                        ],
                    ),
                ],
            },
            "ru": {
                "title": "Узбекистан",
                "summary": "В Узбекистане людей по-прежнему отправляют в тюрьму на "
                "основании признаний, полученных под пытками, а критики власти "
                "получают долгие сроки после несправедливых судов.",
                "body": [
                    paragraphs(
                        "Десятилетиями спецслужбы применяют пытки, чтобы добиться "
                        "признания, запугать целые семьи или вымогать деньги. Суды "
                        "почти никогда не спрашивают, как было получено признание.",
                        "Ислам Каримов правил 27 лет, до своей смерти в 2016 году. "
                        "В мае 2005 года в Андижане были убиты сотни демонстрантов, "
                        "и никто за это не ответил.",
                    ),
                    key_facts(
                        "Коротко",
                        [
                            ("Регион", "Европа и Центральная Азия"),
                            ("Глава государства в 1989-2016 годах", "Ислам Каримов"),
                            ("Андижан, май 2005 года", "Убиты сотни демонстрантов"),
                        ],
                    ),
                ],
            },
        },
    },
    {
        "iso_code": "KG",
        "slug": "kyrgyzstan",
        "text": {
            "en": {
                "title": "Kyrgyzstan",
                "summary": "People who recorded the ethnic violence of June 2010 in "
                "the south were themselves put on trial, some for life.",
                "body": [
                    heading("After June 2010"),
                    paragraphs(
                        "Clashes between Kyrgyz and Uzbek communities in the south "
                        "were followed by arrests of those who had "
                        "documented them, and by reports of beatings in custody."
                    ),
                ],
            },
            "zh-hant": {
                "title": "吉爾吉斯",
                "summary": "記錄2010年6月南部族群暴力事件的人,反而自己被送上法庭,"
                "有人被判終身監禁。",
                "body": [
                    heading("2010年6月之後"),
                    paragraphs(
                        "南部吉爾吉斯族與烏茲別克族爆發衝突後,當局逮捕了記錄事件的人,"
                        "並傳出他們在羈押期間遭到毆打。"
                    ),
                ],
            },
        },
    },
    {
        "iso_code": "KZ",
        "slug": "kazakhstan",
        "text": {
            "en": {
                "title": "Kazakhstan",
                "summary": "Workers who ask for fair pay and jobs in the oil region "
                "of the west risk prosecution on invented charges.",
                "body": [
                    paragraphs(
                        "Zhanaozen sits in the heart of the country's richest oil "
                        "region, yet for years it has had some of the highest "
                        "unemployment in Kazakhstan. Those who organise protests "
                        "about it are prosecuted."
                    )
                ],
            },
            "it": {
                "title": "Kazakistan",
                "summary": "Chi chiede salari giusti e lavoro nella regione petrolifera "
                "dell'ovest rischia processi basati su accuse inventate.",
                "body": [
                    paragraphs(
                        "Zhanaozen sorge nella zona petrolifera più ricca del "
                        "paese, ma da anni ha uno dei tassi di "
                        "disoccupazione più alti del Kazakistan. Chi organizza "
                        "proteste per questo finisce sotto processo."
                    )
                ],
            },
        },
    },
    {
        "iso_code": "AZ",
        "slug": "azerbaijan",
        "text": {
            "en": {
                "title": "Azerbaijan",
                "summary": "Journalists who look into corruption at the top are "
                "jailed, and political prisoners are traded for diplomatic favours.",
                "body": [
                    paragraphs(
                        "Independent reporters and civil society groups work under "
                        "constant pressure. A few prisoners are let go before summits "
                        "abroad, but they are not allowed to leave the country."
                    )
                ],
            },
        },
    },
]
