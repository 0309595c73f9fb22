"""The home page and the three section pages, in every demo language."""

HOME = {
    "en": {
        "title": "Casebook",
        "intro": "People who are jailed, threatened or silenced for their work, "
        "and what supporters can do for them.",
    },
    "zh-hant": {
        "title": "個案簿",
        "intro": "因工作而被監禁、威脅或噤聲的人,以及支持者可以為他們做的事。",
    },
    "it": {
        "title": "Casebook",
        "intro": "Persone incarcerate, minacciate o ridotte al silenzio per il loro "
        "lavoro, e ciò che chi le sostiene può fare per loro.",
    },
    "ru": {
        "title": "Casebook",
        "intro": "Люди, которых сажают в тюрьму, преследуют или заставляют молчать "
        "за их работу, и то, чем им могут помочь сторонники.",
    },
}

# (section key, slug, text per language)
SECTIONS = [
    (
        "countries",
        "countries",
        {
            "en": {"title": "Countries", "intro": "Cases and news by country."},
            "zh-hant": {"title": "國家", "intro": "依國家瀏覽個案與新聞。"},
            "it": {"title": "Paesi", "intro": "Casi e notizie, paese per paese."},
            "ru": {"title": "Страны", "intro": "Дела и новости по странам."},
        },
    ),
    (
        "cases",
        "cases",
        {
            "en": {"title": "Cases", "intro": "The people we campaign for."},
            "zh-hant": {"title": "個案", "intro": "我們為之行動的人。"},
            "it": {"title": "Casi", "intro": "Le persone per cui ci mobilitiamo."},
            "ru": {"title": "Дела", "intro": "Люди, за которых мы выступаем."},
        },
    ),
    (
        "news",
        "news",
        {
            "en": {"title": "News", "intro": "Updates on the cases, newest first."},
            "zh-hant": {"title": "新聞", "intro": "個案的最新消息。"},
            "it": {"title": "Notizie", "intro": "Aggiornamenti sui casi."},
            "ru": {"title": "Новости", "intro": "Новости о делах, сначала свежие."},
        },
    ),
]
