"""Khadija Ismayilova (Azerbaijan): a case, and a news post republished from another outlet."""

import datetime

from ..blocks import paragraphs, quote

ISMAYILOVA = {
    "slug": "khadija-ismayilova",
    "country": "AZ",
    "tags": ["journalist"],
    "fields": {"person_name": "Khadija Ismayilova", "status": "imprisoned"},
    "text": {
        "en": {
            "title": "Khadija Ismayilova",
            "summary": "An investigative journalist jailed in Baku after reporting on "
            "corruption around the president's family.",
            "sentence": "7.5 years",
            "charges": [],
            "body": [
                paragraphs(
                    "Khadija Ismayilova investigated corruption linked to the "
                    "government and to the family of President Ilham Aliev. She is "
                    "serving seven and a half years in a Baku prison for crimes she "
                    "says she never committed.",
                    "From prison she keeps writing: in 2016 she asked the President "
                    "of the United States to press for the release of Azerbaijan's "
                    "political prisoners.",
                )
            ],
        }
    },
}

ISMAYILOVA_LETTER = {
    "slug": "ismayilova-letter-to-obama",
    "countries": ["AZ"],
    "related_cases": ["khadija-ismayilova"],
    "fields": {
        "published_at": datetime.datetime(2016, 4, 1, 19, 37, tzinfo=datetime.UTC),
        "author": "Faik Medzhid",
        "source_name": "Caucasian Knot",
        # The seed names the outlet but not the article's address: link its sites.
        "source_url": "https://eng.kavkaz-uzel.eu/",
        "original_url": "https://www.kavkaz-uzel.eu/",
        "original_language": "ru",
    },
    "text": {
        "en": {
            "title": "Ismayilova asks Washington to help free Azerbaijan's political "
            "prisoners",
            "summary": "Writing from prison, the journalist urges the US President "
            "to press Baku to stop hounding the press and to free political "
            "prisoners.",
            "disclaimer": "This material was produced or distributed by MEMO LLC, "
            "which Russia lists as a foreign agent, or concerns its activities.",
            "body": [
                paragraphs(
                    "On 31 March The Washington Post printed a letter from Khadija "
                    "Ismayilova to Barack Obama, as President Ilham Aliev arrived in "
                    "Washington for the Nuclear Security Summit.",
                    "She writes from her cell in Baku, with a term of seven and a "
                    "half years to serve. Her only offence, she says, was investigating "
                    "corruption around the president's family.",
                    "A few prisoners were let go before the summit, she notes, but "
                    "they may not leave the country. She asks Obama to raise free "
                    "elections and the release of every political prisoner with "
                    "Aliev.",
                    "The full article is on the Russian-language site of Caucasian "
                    "Knot.",
                ),
                quote(
                    "an object of bargaining in his foreign policy",
                    "Khadija Ismayilova",
                    role="Journalist",
                    date="2016-03-31",
                    source="Letter to Barack Obama, The Washington Post",
                ),
            ],
        }
    },
}
