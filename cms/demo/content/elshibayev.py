"""Erzhan Elshibayev (Kazakhstan): a concluded e-mail campaign, written in Italian first.

The Italian page is the source; the English page is its translation.
"""

from ..blocks import action_form, charges, event, key_facts, paragraphs, timeline

PARTNERS = [
    "Central Asia Labour Rights Monitoring Mission",
    "Confederation of Independent Trade Unions of Kazakhstan (KNPRK)",
    "Kazakhstan International Bureau for Human Rights and the Rule of Law (KIBHR)",
]

# Fixed so that reruns, and both languages, keep collecting into the same action.
ACTION_ID = "demo-free-erzhan-elshibayev"
# The seed says only that the campaign is over; any past time closes the form.
CLOSES_AT = "2022-01-01T00:00:00+00:00"
# The action's targets: managed records (caseblocks.ActionTarget), made by the
# demo builder and chosen by both language versions through their e-mails.
TARGETS = [
    {
        "name": "Prosecutor General's Office",
        "position": "Press service",
        "email": "press@prokuror.kz",
        "country": "KZ",
    },
    {
        "name": "Office of the President",
        "position": "Press service",
        "email": "press@akorda.kz",
        "country": "KZ",
    },
    {
        "name": "Ministry of Foreign Affairs",
        "position": "Press service",
        "email": "press@mfa.kz",
        "country": "KZ",
    },
    {
        "name": "Campaign monitor",
        "position": "Copy",
        "email": "zhumakovasholpan@gmail.com",
        "country": "",
    },
    {
        "name": "KNPRK campaign",
        "position": "Copy",
        "email": "knprkcampaign@gmail.com",
        "country": "KZ",
    },
]
TARGET_EMAILS = [target["email"] for target in TARGETS]


ELSHIBAYEV = {
    "slug": "erzhan-elshibayev",
    "source_locale": "it",
    "country": "KZ",
    "tags": ["human rights defender", "labour activist"],
    "partners": PARTNERS,
    "fields": {
        "person_name": "Erzhan Elshibayev",
        "status": "imprisoned",
        "campaign_state": "concluded",
    },
    "text": {
        "it": {
            "title": "Erzhan Elshibayev",
            "summary": "Un attivista per i diritti dei lavoratori, in carcere dal 2019 "
            "per aver chiesto lavoro e salari dignitosi a Zhanaozen.",
            "sentence": "5 anni, poi allungati",
            "charges": charges("Lesioni a una persona sconosciuta, anni prima"),
            "campaign_closed_text": "La campagna si è chiusa. Grazie a tutte e tutti "
            "coloro che hanno scritto.",
            "body": [
                paragraphs(
                    "Erzhan Elshibayev difende i diritti umani e quelli dei "
                    "lavoratori. Nel 2019 è stato tra gli organizzatori delle proteste "
                    "di Zhanaozen, nel Kazakistan occidentale, per salari più alti e "
                    "nuovi posti di lavoro per chi ne era privo.",
                    "Nell'ottobre 2019 un tribunale lo ha condannato a cinque anni: "
                    "secondo l'accusa, anni prima avrebbe ferito uno sconosciuto. Lui "
                    "e i difensori dei diritti umani ritengono l'accusa inventata per "
                    "punire il suo impegno civile.",
                    "In carcere le pressioni sono continuate. Per protesta si è "
                    "ferito da solo; l'amministrazione lo ha considerato un rifiuto "
                    "di obbedire e la sua pena è stata allungata.",
                ),
                key_facts(
                    "In breve",
                    [
                        ("Condanna", "5 anni (ottobre 2019), poi allungata"),
                        ("Città", "Zhanaozen"),
                    ],
                ),
                timeline(
                    "Cosa è successo",
                    [
                        event(
                            "2019-01-01", "Organizza le proteste di Zhanaozen", "year"
                        ),
                        event("2019-10-01", "Condannato a cinque anni", "month"),
                    ],
                ),
                action_form(
                    action_id=ACTION_ID,
                    kind="email",
                    targets=TARGET_EMAILS,
                    subject="Liberate Erzhan Elshibayev",
                    suggested_message="Signor Presidente, le chiedo di far cessare "
                    "la persecuzione contro Erzhan Elshibayev, di rilasciarlo e di "
                    "far cadere tutte le accuse contro di lui.",
                    consent_text="Accetto che il mio nome sia inviato insieme a "
                    "questo messaggio.",
                    closes_at=CLOSES_AT,
                    confirmation_text="Grazie: il tuo messaggio è partito.",
                    closed_text="La campagna si è chiusa e non raccoglie più messaggi.",
                ),
            ],
        },
        "en": {
            "title": "Erzhan Elshibayev",
            "summary": "A labour rights activist in prison since 2019 for demanding "
            "jobs and decent pay in Zhanaozen.",
            "sentence": "5 years, later extended",
            "charges": charges("Injuring an unknown person, years earlier"),
            "campaign_closed_text": "This campaign has ended. Thank you to everyone "
            "who wrote.",
            "body": [
                paragraphs(
                    "Erzhan Elshibayev stands up for human rights and for workers. "
                    "In 2019 he helped organise protests in Zhanaozen, in western "
                    "Kazakhstan, for higher wages and for jobs for the unemployed.",
                    "In October 2019 a court gave him five years: prosecutors said "
                    "he had hurt a stranger years before. He and human rights "
                    "defenders say the charge was made up to punish his activism.",
                    "The pressure went on in prison. He harmed himself in protest; "
                    "the administration called it refusing to obey, and his term "
                    "was made longer.",
                ),
                key_facts(
                    "At a glance",
                    [
                        ("Sentence", "5 years (October 2019), later extended"),
                        ("Town", "Zhanaozen"),
                    ],
                ),
                timeline(
                    "What happened",
                    [
                        event("2019-01-01", "Organises the Zhanaozen protests", "year"),
                        event("2019-10-01", "Sentenced to five years", "month"),
                    ],
                ),
                action_form(
                    action_id=ACTION_ID,
                    kind="email",
                    targets=TARGET_EMAILS,
                    subject="Free Erzhan Elshibayev",
                    suggested_message="Mr President, I ask you to end the "
                    "persecution of Erzhan Elshibayev, to release him and to drop "
                    "every charge against him.",
                    consent_text="I agree that my name is sent with this message.",
                    closes_at=CLOSES_AT,
                    confirmation_text="Thank you: your message is on its way.",
                    closed_text="This campaign has ended and no longer takes messages.",
                ),
            ],
        },
    },
}
