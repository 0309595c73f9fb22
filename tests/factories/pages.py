"""Page factories. Give ``parent=`` to place a page; the section index is made if needed."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from cms.models import (
    CampaignIndexPage,
    CampaignPage,
    CaseIndexPage,
    CasePage,
    CaseStatus,
    CountryIndexPage,
    CountryPage,
    GeneralPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
)


def home_page():
    return HomePage.objects.order_by("pk").first()


class CountryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Countries"
    slug = "countries"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CountryIndexPage


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Cases"
    slug = "cases"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CaseIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = NewsIndexPage


def section(factory_class):
    """The section index under the first home page, made once."""
    model = factory_class._meta.model
    return model.objects.child_of(home_page()).first() or factory_class()


class CountryPageFactory(wagtail_factories.PageFactory):
    title = "Uzbekistan"
    slug = factory.Sequence(lambda n: f"country-{n}")
    iso_code = "UZ"
    region = "europe_central_asia"
    summary = "Torture is endemic and dissent is crushed."
    parent = factory.LazyFunction(lambda: section(CountryIndexPageFactory))

    class Meta:
        model = CountryPage


class CasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Free prisoner {n}")
    slug = factory.Sequence(lambda n: f"case-{n}")
    person_name = "Azimjan Askarov"
    status = CaseStatus.IMPRISONED
    summary = "A human rights defender serving a life sentence."
    detained_on = datetime.date(2010, 6, 15)
    parent = factory.LazyFunction(lambda: section(CaseIndexPageFactory))

    class Meta:
        model = CasePage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    summary = "A prisoner writes from jail."
    published_at = factory.LazyFunction(timezone.now)
    parent = factory.LazyFunction(lambda: section(NewsIndexPageFactory))

    class Meta:
        model = NewsPage


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")
    url = "https://partner.example.org/"

    class Meta:
        model = PartnerOrganisation


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campaigns"
    slug = "campaigns"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Write for Rights {2014 + n}")
    slug = factory.Sequence(lambda n: f"write-for-rights-{2014 + n}")
    summary = "Letters for people at risk, written in December."
    starts_on = datetime.date(2014, 12, 1)
    ends_on = datetime.date(2014, 12, 31)
    parent = factory.LazyFunction(lambda: section(CampaignIndexPageFactory))

    class Meta:
        model = CampaignPage


class GeneralPageFactory(wagtail_factories.PageFactory):
    title = "Privacy policy"
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "What we do with the data you give us."
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = GeneralPage
