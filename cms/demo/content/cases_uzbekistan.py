"""The people in the Uzbekistan seed documents, in English."""

import datetime

from ..blocks import charges, event, key_facts, paragraphs, quote, timeline

KRIVOSHEEV = ("Denis Krivosheev", "Deputy Director for Europe and Central Asia")

MUSAEV = {
    "slug": "erkin-musaev",
    "country": "UZ",
    "tags": ["former UN employee", "torture survivor"],
    "fields": {"person_name": "Erkin Musaev", "status": "released"},
    "text": {
        "en": {
            "title": "Erkin Musaev",
            "summary": "A former government official and UN staff member, jailed for "
            "20 years on a confession signed under threats, freed early in 2017.",
            "sentence": "20 years",
            "charges": charges(
                "Espionage for a NATO country that was never named",
                "Misusing United Nations funds",
            ),
            "body": [
                paragraphs(
                    "Erkin Musaev had worked for the Uzbekistani government and later "
                    "for the United Nations. After several trials that fell far short "
                    "of fair-trial standards he was given 20 years in 2007.",
                    "The only real evidence was a confession. Security officers got "
                    "it by threatening his family, and he was tortured.",
                    "Supporters wrote to him and to the authorities during Write for "
                    "Rights 2014. He was let out in August 2017, some eleven years "
                    "after his arrest, and wrote to thank them.",
                ),
                key_facts(
                    "At a glance",
                    [
                        ("Sentence", "20 years, handed down in 2007"),
                        ("Time served", "About 11 years"),
                        ("Messages from supporters", "427,000 (Write for Rights 2014)"),
                    ],
                ),
                timeline(
                    "What happened",
                    [
                        event("2007-01-01", "Sentenced to 20 years", "year"),
                        event(
                            "2014-01-01",
                            "Write for Rights campaign",
                            "year",
                            "Supporters send 427,000 messages.",
                        ),
                        event("2017-08-01", "Released early", "month"),
                        event("2017-08-23", "Letter of thanks to supporters"),
                    ],
                ),
                quote(
                    "This is not only my victory",
                    "Erkin Musaev",
                    date="2017-08-23",
                    source="Letter of thanks",
                ),
            ],
        }
    },
}

ALI_FERUZ = {
    "slug": "ali-feruz",
    "country": "UZ",
    "tags": ["journalist", "human rights defender", "asylum seeker"],
    "fields": {"person_name": "Ali Feruz", "status": "facing_deportation"},
    "text": {
        "en": {
            "title": "Ali Feruz",
            "summary": "A Novaya Gazeta reporter who escaped torture in Uzbekistan "
            "and now faces being sent back there from Russia.",
            "sentence": "",
            "charges": charges("Breaching Russia's residence rules for foreigners"),
            "body": [
                paragraphs(
                    "Ali Feruz is the name under which Khudoberdi Nurmatov writes. "
                    "He reports for the independent newspaper Novaya Gazeta, defends "
                    "human rights and is openly gay, which puts him at grave risk in "
                    "Uzbekistan, where sex between men is a crime.",
                    "Security forces arrested and tortured him before he fled in "
                    "2009. He reached Russia in 2011 and has asked for asylum there "
                    "again and again without success.",
                    "At a hearing late on 1 August 2017 a judge ruled that he had "
                    "broken Russia's residence rules and ordered him deported.",
                ),
                timeline(
                    "What happened",
                    [
                        event("2009-01-01", "Flees Uzbekistan after torture", "year"),
                        event("2011-01-01", "Arrives in Russia", "year"),
                        event("2017-08-01", "Court orders his deportation"),
                    ],
                ),
                quote(
                    "a near-lethal combination",
                    KRIVOSHEEV[0],
                    role=KRIVOSHEEV[1],
                    date="2017-08-02",
                ),
            ],
        }
    },
}

BEKZHANOV = {
    "slug": "muhammad-bekzhanov",
    "country": "UZ",
    "tags": ["journalist"],
    "fields": {
        "person_name": "Muhammad Bekzhanov",
        "status": "released",
        "released_on": datetime.date(2017, 2, 22),
    },
    "text": {
        "en": {
            "title": "Muhammad Bekzhanov",
            "summary": "An opposition newspaper editor held for 17 years after a "
            "trial marred by torture, one of the longest-jailed journalists.",
            "sentence": "Extended while he served it; 17 years in all",
            "charges": charges("Involvement in the Tashkent bombings of February 1999"),
            "body": [
                paragraphs(
                    "Muhammad Bekzhanov edited Erk, an opposition paper the "
                    "authorities banned, and his brother Muhammad Salih led the "
                    "opposition People's Movement of Uzbekistan.",
                    "He was arrested in 1999 and accused of taking part in bombings "
                    "in Tashkent that February. He was tortured, tried unfairly, and "
                    "his term was lengthened again and again.",
                    "He walked free on 22 February 2017.",
                ),
                key_facts(
                    "At a glance",
                    [
                        ("Years in prison", "17"),
                        ("Newspaper", "Erk (banned)"),
                    ],
                ),
                timeline(
                    "What happened",
                    [
                        event(
                            "1999-01-01",
                            "Arrested over the Tashkent bombings of that February",
                            "year",
                        ),
                        event("2017-02-22", "Released"),
                    ],
                ),
            ],
        }
    },
}

ABDUKADIROVA = {
    "slug": "dilorom-abdukadirova",
    "country": "UZ",
    "tags": ["refugee", "protester"],
    "fields": {"person_name": "Dilorom Abdukadirova", "status": "imprisoned"},
    "text": {
        "en": {
            "title": "Dilorom Abdukadirova",
            "summary": "A refugee who came home on official assurances of safety and "
            "was given 18 years after an unfair trial.",
            "sentence": "18 years",
            "charges": charges("Leaving Uzbekistan illegally"),
            "body": [
                paragraphs(
                    "Dilorom Abdukadirova was in the crowd in Babur Square, "
                    "Andizhan, in May 2005, hoping the president would hear their worries "
                    "about the economy. Security forces fired on the square and "
                    "hundreds died. She escaped on foot to Kyrgyzstan with about 500 "
                    "others, and Australia gave her asylum in 2006.",
                    "Told that she had nothing to fear, she flew back in January 2010 "
                    "to join her husband and children. She was held at Tashkent "
                    "airport for lacking an exit permit, questioned for four days and "
                    "charged with leaving the country illegally.",
                    "She was ill-treated before trial and is held in the women's "
                    "prison in Tashkent. Her family worries for her safety.",
                ),
                key_facts(
                    "At a glance",
                    [("Sentence", "18 years"), ("Held in", "Tashkent Women's Prison")],
                ),
                timeline(
                    "What happened",
                    [
                        event("2005-05-01", "Escapes the Andizhan killings", "month"),
                        event("2006-01-01", "Granted asylum in Australia", "year"),
                        event("2010-01-01", "Detained on return to Tashkent", "month"),
                    ],
                ),
            ],
        }
    },
}

CASES = [MUSAEV, ALI_FERUZ, BEKZHANOV, ABDUKADIROVA]
