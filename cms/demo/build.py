"""Build the demo site from ``cms.demo.content``. Running it again changes nothing."""

from collections import Counter

from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Locale, Site

from caseblocks.models import ActionTarget
from cms.models import (
    CampaignIndexPage,
    CampaignPage,
    CaseIndexPage,
    CasePage,
    CountryIndexPage,
    CountryPage,
    GeneralPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    PrivacySettings,
)

from .blocks import with_target_ids
from .content import (
    askarov,
    campaigns,
    cases_uzbekistan,
    countries,
    elshibayev,
    ismayilova,
    news_uzbekistan,
    open_actions,
    sections,
)
from .illustrations import illustration, image_block
from .pages import ensure_child, ensure_translation, ensure_untranslated, update_page

LANGUAGES = ["en", "zh-hant", "it", "ru"]
SOURCE_LANGUAGE = "en"
SECTION_MODELS = {
    "countries": CountryIndexPage,
    "cases": CaseIndexPage,
    "news": NewsIndexPage,
    "campaigns": CampaignIndexPage,
}
CASES = [
    *cases_uzbekistan.CASES,
    askarov.ASKAROV,
    ismayilova.ISMAYILOVA,
    elshibayev.ELSHIBAYEV,
]
# The page types whose demo pages show an illustration.
ILLUSTRATED = (CasePage, CountryPage)
NEWS = [*news_uzbekistan.NEWS, ismayilova.ISMAYILOVA_LETTER, open_actions.OPEN_ACTIONS]
# Action targets are managed records, made before the pages that choose them.
TARGETS = [*elshibayev.TARGETS, *open_actions.TARGETS]
# (news slug, language): translations made but left for the demo's translators.
UNTRANSLATED_NEWS = open_actions.UNTRANSLATED


class DemoBuilder:
    """Makes what is missing; with ``update=True`` also rewrites what differs.

    Pages are found again by slug under their parent (sources) or by translation key
    and locale (translations), so a second run finds everything and saves nothing.
    """

    def __init__(self, *, update=False):
        self.update = update
        self.stats = Counter()
        self.locales = {}
        self.sections = {}  # (language, section key) -> index page
        self.countries = {}  # (language, ISO code) -> CountryPage
        self.cases = {}  # (language, slug) -> CasePage
        self.campaigns = {}  # (language, slug) -> CampaignPage
        self.partners = {}  # name -> PartnerOrganisation
        self.targets = {}  # e-mail -> ActionTarget id

    def build(self):
        for language in LANGUAGES:
            self.locales[language], _ = Locale.objects.get_or_create(
                language_code=language
            )
        for name in elshibayev.PARTNERS:
            partner, created = PartnerOrganisation.objects.get_or_create(name=name)
            self.partners[name] = partner
            self.stats["partners created" if created else "partners unchanged"] += 1
        for target in TARGETS:
            record, created = ActionTarget.objects.get_or_create(
                email=target["email"], defaults=target
            )
            self.targets[record.email] = record.pk
            self.stats["targets created" if created else "targets unchanged"] += 1
        self.build_homes()
        for page in campaigns.GENERAL_PAGES:
            self._build(GeneralPage, "home", page, lambda language: {})
        self.choose_privacy_policy()
        for country in countries.COUNTRIES:
            self.build_country(country)
        for campaign in campaigns.CAMPAIGNS:
            self.build_campaign(campaign)
        for case in CASES:
            self.build_case(case)
        for post in NEWS:
            self.build_news(post)
        for slug, language in UNTRANSLATED_NEWS:
            source = NewsPage.objects.get(
                slug=slug, locale=self.locales[SOURCE_LANGUAGE]
            )
            self._count(ensure_untranslated(source, self.locales[language]))
        return self.stats

    def _count(self, result):
        page, status = result
        self.stats[f"pages {status}"] += 1
        return page

    def build_homes(self):
        home = english_home()
        # The home page exists before the demo: fill it in once, then leave it be.
        self._count(
            update_page(home, sections.HOME["en"], self.update or not home.intro)
        )
        homes = {SOURCE_LANGUAGE: home}
        for language in LANGUAGES[1:]:
            homes[language] = self._translate(home, language, sections.HOME[language])
        for language, page in homes.items():
            self.sections[(language, "home")] = page
        for key, slug, text in [*sections.SECTIONS, campaigns.SECTION]:
            source = self._count(
                ensure_child(
                    home, SECTION_MODELS[key], slug, text["en"], update=self.update
                )
            )
            self.sections[(SOURCE_LANGUAGE, key)] = source
            for language in LANGUAGES[1:]:
                self.sections[(language, key)] = self._translate(
                    source, language, text[language]
                )

    def build_country(self, data):
        facts = {"iso_code": data["iso_code"], "region": countries.REGION}
        page = self._build(CountryPage, "countries", data, lambda language: facts)
        for language, translation in page.items():
            self.countries[(language, data["iso_code"])] = translation

    def choose_privacy_policy(self):
        policy = (
            self.sections[(SOURCE_LANGUAGE, "home")]
            .get_children()
            .get(slug=campaigns.PRIVACY_POLICY["slug"])
        )
        chosen = PrivacySettings.for_site(Site.objects.get(is_default_site=True))
        if chosen.privacy_policy_id != policy.pk:
            chosen.privacy_policy = policy
            chosen.save()

    def build_campaign(self, data):
        def facts(language):
            return data["fields"]

        for language, page in self._build(
            CampaignPage, "campaigns", data, facts
        ).items():
            self.campaigns[(language, data["slug"])] = page

    def campaigns_in(self, language, kind, slug):
        """The campaigns of a case or news post, in ``language`` where translated."""
        return [
            self.campaigns.get((language, campaign))
            or self.campaigns[(SOURCE_LANGUAGE, campaign)]
            for campaign in campaigns.campaigns_of(kind, slug)
        ]

    def build_case(self, data):
        photo = illustration(data["slug"])

        def facts(language):
            return {
                **data["fields"],
                "photo": photo,
                "country": self.countries.get((language, data["country"])),
                "tags": data["tags"],
                "partners": [self.partners[n] for n in data.get("partners", ())],
                "campaigns": self.campaigns_in(language, "cases", data["slug"]),
            }

        for language, page in self._build(CasePage, "cases", data, facts).items():
            self.cases[(language, data["slug"])] = page

    def build_news(self, data):
        def facts(language):
            return {
                **data["fields"],
                "countries": [self.countries[(language, c)] for c in data["countries"]],
                "related_cases": [
                    self.cases[(language, slug)] for slug in data["related_cases"]
                ],
                "campaigns": self.campaigns_in(language, "news", data["slug"]),
            }

        self._build(NewsPage, "news", data, facts)

    def _build(self, model, section, data, facts):
        """Make the page in its source language, then its translations.

        ``facts(language)`` gives the language-neutral values, with references
        resolved to pages of that language's tree. Returns {language: page}.
        """
        source_language = data.get("source_locale", SOURCE_LANGUAGE)
        text = with_target_ids(data["text"], self.targets)
        if model in ILLUSTRATED:
            text = with_illustration(text, data["slug"])
        source = self._count(
            ensure_child(
                self.sections[(source_language, section)],
                model,
                data["slug"],
                {**facts(source_language), **text[source_language]},
                update=self.update,
            )
        )
        pages = {source_language: source}
        for language in text.keys() - {source_language}:
            values = {**facts(language), **text[language]}
            pages[language] = self._translate(source, language, values)
        return pages

    def _translate(self, source, language, values):
        return self._count(
            ensure_translation(
                source, self.locales[language], values, update=self.update
            )
        )


def with_illustration(text, name):
    """``text`` with the page's illustration at the top of each language's body."""
    image = illustration(name)
    return {
        language: {
            **values,
            "body": [image_block(image, name, language), *values.get("body", [])],
        }
        for language, values in text.items()
    }


def english_home():
    """The HomePage at the root of the default site, which the cms migrations make."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    if not isinstance(root, HomePage):
        raise ImproperlyConfigured(
            "The default site's root page is not a HomePage: run the migrations on "
            "a fresh database before loading the demo."
        )
    return root


def build_demo(*, update=False):
    """Build the demo content; return a Counter of what was created or updated."""
    return DemoBuilder(update=update).build()
