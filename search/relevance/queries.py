"""Judged queries over the demo content (``manage.py load_demo``), per language.

Each entry is ``(kind, query, expected front-end paths)``. Kinds: ``word``,
``inflected`` (a form that the page does not use), ``phrase``, ``name``,
``cjk`` (a Chinese word inside a sentence) and ``misspelling``. The expected
pages are what a reader looking for the query would want to see, judged from
the content, not from what any backend returns.
"""

EN_CASE = "/en/cases/{}/"
EN_NEWS = "/en/news/{}/"
ASKAROV = EN_CASE.format("azimjan-askarov")
ISMAYILOVA = EN_CASE.format("khadija-ismayilova")
LETTER = EN_NEWS.format("ismayilova-letter-to-obama")
UZBEKISTAN = "/en/countries/uzbekistan/"
KAZAKHSTAN = "/en/countries/kazakhstan/"
ELSHIBAYEV = EN_CASE.format("erzhan-elshibayev")
FERUZ = EN_CASE.format("ali-feruz")
DILOROM = EN_CASE.format("dilorom-abdukadirova")

IT_CASE = "/it/cases/erzhan-elshibayev/"
IT_COUNTRY = "/it/countries/kazakhstan/"
RU_COUNTRY = "/ru/countries/uzbekistan/"
ZH_CASE = "/zh-hant/cases/azimjan-askarov/"
ZH_COUNTRY = "/zh-hant/countries/kyrgyzstan/"

JUDGED = {
    "en": [
        ("name", "Askarov", [ASKAROV]),
        ("name", "Vozdukh", [ASKAROV]),
        ("name", "Khadija Ismayilova", [ISMAYILOVA, LETTER]),
        ("name", "Zhanaozen", [KAZAKHSTAN, ELSHIBAYEV]),
        ("name", "Novaya Gazeta", [FERUZ]),
        ("name", "Ban Ki-moon", [EN_NEWS.format("ban-ki-moon-visit")]),
        (
            "inflected",
            "deported",
            [
                FERUZ,
                EN_NEWS.format("ali-feruz-deportation-order"),
                EN_NEWS.format("fast-track-to-torture"),
            ],
        ),
        (
            "inflected",
            "refugees",
            [DILOROM, EN_NEWS.format("ali-feruz-deportation-order")],
        ),
        ("inflected", "editors of newspapers", [EN_CASE.format("muhammad-bekzhanov")]),
        ("word", "Karimov", [EN_NEWS.format("islam-karimov-death"), UZBEKISTAN]),
        ("word", "oil", [KAZAKHSTAN]),
        ("word", "corruption", [ISMAYILOVA, LETTER, "/en/countries/azerbaijan/"]),
        ("phrase", "prisoner of conscience", [ASKAROV]),
        (
            "phrase",
            "confessions under torture",
            [EN_NEWS.format("secrets-and-lies"), UZBEKISTAN],
        ),
        ("phrase", "Supreme Court", [ASKAROV]),
        (
            "phrase",
            "letters from supporters",
            [
                EN_NEWS.format("erkin-musaev-thanks-supporters"),
                EN_CASE.format("erkin-musaev"),
            ],
        ),
        ("misspelling", "Ismailova", [ISMAYILOVA, LETTER]),
        ("misspelling", "Askarow", [ASKAROV]),
    ],
    "it": [
        ("name", "Elshibayev", [IT_CASE]),
        ("name", "Zhanaozen", [IT_CASE, IT_COUNTRY]),
        ("name", "Kazakistan", [IT_COUNTRY, IT_CASE]),
        ("word", "lavoratori", [IT_CASE]),
        ("word", "tribunale", [IT_CASE]),
        ("word", "disoccupazione", [IT_COUNTRY]),
        ("word", "carcere", [IT_CASE]),
        ("word", "notizie", ["/it/news/"]),
        ("inflected", "salario", [IT_CASE, IT_COUNTRY]),
        ("inflected", "condanne", [IT_CASE]),
        ("inflected", "protesta", [IT_CASE, IT_COUNTRY]),
        ("inflected", "incarcerati", ["/it/"]),
        ("phrase", "accuse inventate", [IT_COUNTRY, IT_CASE]),
        ("phrase", "diritti umani", [IT_CASE]),
        ("phrase", "regione petrolifera", [IT_COUNTRY]),
        ("phrase", "pena allungata", [IT_CASE]),
        ("misspelling", "Elshibaev", [IT_CASE]),
        ("misspelling", "Kazakhistan", [IT_COUNTRY, IT_CASE]),
    ],
    "ru": [
        ("name", "Узбекистан", [RU_COUNTRY]),
        ("name", "Каримов", [RU_COUNTRY]),
        ("name", "Андижан", [RU_COUNTRY]),
        ("word", "пытки", [RU_COUNTRY]),
        ("word", "спецслужбы", [RU_COUNTRY]),
        ("word", "новости", ["/ru/news/"]),
        ("word", "сторонники", ["/ru/"]),
        ("inflected", "суд", [RU_COUNTRY]),
        ("inflected", "пытках", [RU_COUNTRY]),
        ("inflected", "признание", [RU_COUNTRY]),
        ("inflected", "тюрьма", [RU_COUNTRY, "/ru/"]),
        ("inflected", "демонстранты", [RU_COUNTRY]),
        ("inflected", "Каримова", [RU_COUNTRY]),
        ("phrase", "несправедливый суд", [RU_COUNTRY]),
        ("phrase", "Центральная Азия", [RU_COUNTRY]),
        ("phrase", "дела и новости", ["/ru/countries/"]),
        ("misspelling", "Узбекистон", [RU_COUNTRY]),
        ("misspelling", "Каримав", [RU_COUNTRY]),
    ],
    "zh-hant": [
        ("cjk", "良心犯", [ZH_CASE]),
        ("cjk", "人權", [ZH_CASE]),
        ("cjk", "終身監禁", [ZH_CASE, ZH_COUNTRY]),
        ("cjk", "彈藥", [ZH_CASE]),
        ("cjk", "最高法院", [ZH_CASE]),
        ("cjk", "醫院", [ZH_CASE]),
        ("cjk", "監獄", [ZH_CASE]),
        ("cjk", "毆打", [ZH_CASE, ZH_COUNTRY]),
        ("cjk", "衝突", [ZH_CASE, ZH_COUNTRY]),
        ("cjk", "族群暴力", [ZH_COUNTRY]),
        ("cjk", "支持者", ["/zh-hant/"]),
        ("name", "吉爾吉斯", [ZH_COUNTRY, ZH_CASE]),
        ("name", "烏茲別克族", [ZH_COUNTRY, ZH_CASE]),
        ("name", "Askarov", [ZH_CASE]),
        ("name", "Vozdukh", [ZH_CASE]),
        ("phrase", "無期徒刑", [ZH_CASE]),
        ("misspelling", "终身监禁", [ZH_CASE, ZH_COUNTRY]),  # Simplified characters
        ("misspelling", "良心反", [ZH_CASE]),
    ],
}
