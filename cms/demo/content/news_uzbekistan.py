"""News posts from the Uzbekistan country page, in English."""

import datetime

from ..blocks import paragraphs, quote

KRIVOSHEEV = ("Denis Krivosheev", "Deputy Director for Europe and Central Asia")
DALHUISEN = ("John Dalhuisen", "Director for Europe and Central Asia")


def _at(*parts):
    """A UTC time; the seeds give a day alone for most posts, read as midnight UTC."""
    return datetime.datetime(*parts, tzinfo=datetime.UTC)


def _post(slug, published_at, title, summary, body, cases=()):
    return {
        "slug": slug,
        "countries": ["UZ"],
        "related_cases": list(cases),
        "fields": {"published_at": published_at},
        "text": {"en": {"title": title, "summary": summary, "body": body}},
    }


NEWS = [
    _post(
        "erkin-musaev-thanks-supporters",
        _at(2017, 8, 23, 9, 39, 7),
        "Erkin Musaev thanks the people who wrote for him",
        "Freed last week after eleven years, the former official says supporters' "
        "letters changed how he was treated in prison.",
        [
            paragraphs(
                "Erkin Musaev, once a government official and a UN employee, was "
                "tortured and jailed on a forced confession. He has now sent a letter "
                "of thanks after his early release.",
                "He writes that guards became more careful with him once letters "
                "started to arrive, and that he was moved to lighter work. He hopes "
                "his release gives heart to other prisoners and their families.",
            ),
            quote(
                "the beginning of the victory",
                "Erkin Musaev",
                date="2017-08-23",
                source="Letter of thanks",
            ),
        ],
        cases=["erkin-musaev"],
    ),
    _post(
        "ali-feruz-deportation-order",
        _at(2017, 8, 2),
        "Russia must not send Ali Feruz back to Uzbekistan",
        "A court has ordered the deportation of the journalist and asylum seeker, "
        "who would face torture on return.",
        [
            paragraphs(
                "Late yesterday a judge ruled that Ali Feruz had broken Russia's "
                "residence rules and ordered him out of the country. He fled "
                "Uzbekistan in 2009 after being tortured and has been refused "
                "refugee status in Russia.",
            ),
            quote(
                "a near-lethal combination",
                KRIVOSHEEV[0],
                role=KRIVOSHEEV[1],
                date="2017-08-02",
            ),
        ],
        cases=["ali-feruz"],
    ),
    _post(
        "muhammad-bekzhanov-released",
        _at(2017, 2, 22),
        "Muhammad Bekzhanov is free after 17 years",
        "The editor of the banned paper Erk, jailed after torture and an unfair "
        "trial, has been released.",
        [
            paragraphs(
                "Muhammad Bekzhanov left prison on 22 February. His sentence had "
                "been stretched again and again, as punishment for his politics.",
            ),
            quote(
                "17 long years",
                KRIVOSHEEV[0],
                role=KRIVOSHEEV[1],
                date="2017-02-22",
            ),
        ],
        cases=["muhammad-bekzhanov"],
    ),
    _post(
        "islam-karimov-death",
        _at(2016, 9, 2),
        "After Karimov, little hope of change in Uzbekistan",
        "With reports that President Islam Karimov has died, the repression he built "
        "is likely to outlast him.",
        [
            paragraphs(
                "In 27 years in power Islam Karimov crushed dissent; torture and "
                "arbitrary detention became part of the justice system. Whoever "
                "follows him will probably be drawn from his inner circle.",
            ),
            quote(
                "the end of an era",
                KRIVOSHEEV[0],
                role=KRIVOSHEEV[1],
                date="2016-09-02",
            ),
        ],
    ),
    _post(
        "fast-track-to-torture",
        _at(2016, 4, 21, 0, 1),
        "Fast-track to Torture: Russia sends people back to Uzbekistan",
        "Russia has deported hundreds of people to Uzbekistan, or let them be "
        "abducted, though torture awaited them there.",
        [
            paragraphs(
                "Our briefing Fast-track to Torture shows how Russia cooperated in "
                "hundreds of deportations despite the risk of torture, and how "
                "Uzbekistani agents seized people on Russian soil when extradition "
                "was refused.",
            ),
            quote(
                "lending a helping hand",
                DALHUISEN[0],
                role=DALHUISEN[1],
                date="2016-04-21",
            ),
        ],
    ),
    _post(
        "ban-ki-moon-visit",
        _at(2015, 6, 9),
        "Ban Ki-moon must raise torture on his Uzbekistan visit",
        "The UN Secretary-General, in Central Asia from 9 to 12 June, should press "
        "Tashkent to end torture and let UN experts in.",
        [
            paragraphs(
                "A human rights defender was sexually assaulted last week, the latest "
                "in a long run of abuses. The authorities have ignored UN calls for "
                "years; they should commit to reform now.",
            ),
        ],
    ),
    _post(
        "secrets-and-lies",
        _at(2015, 4, 15),
        "Secrets and Lies: confessions under torture in Uzbekistan",
        "A new report finds torture at the centre of the justice system, while "
        "Uzbekistan's partners look away.",
        [
            paragraphs(
                "Police and security forces torture people to obtain confessions, to "
                "scare families and to extort bribes. The USA, Germany and other EU "
                "states keep looking away for strategic and business reasons. The "
                "report was launched in Berlin.",
            ),
            quote("an open secret", DALHUISEN[0], role=DALHUISEN[1], date="2015-04-15"),
        ],
    ),
    _post(
        "dilorom-abdukadirova",
        _at(2014, 5, 9),
        "Dilorom Abdukadirova: jailed after coming home",
        "She survived Andizhan and found refuge in Australia; on her return she was "
        "arrested and later sentenced to 18 years.",
        [
            paragraphs(
                "Dilorom Abdukadirova came back in 2010 on official assurances that "
                "she would be safe. She was tortured before trial and is serving 18 "
                "years in the women's prison in Tashkent.",
            ),
        ],
        cases=["dilorom-abdukadirova"],
    ),
]
