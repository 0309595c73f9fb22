from .campaigns import CampaignIndexPage, CampaignPage, pages_showing
from .cases import CampaignState, CaseIndexPage, CasePage, CaseStatus, CaseTag
from .countries import CountryIndexPage, CountryPage
from .general import GeneralPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .partners import PartnerOrganisation, partner_pages
from .settings import PrivacySettings

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignState",
    "CaseIndexPage",
    "CasePage",
    "CaseStatus",
    "CaseTag",
    "CountryIndexPage",
    "CountryPage",
    "GeneralPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PartnerOrganisation",
    "PrivacySettings",
    "pages_showing",
    "partner_pages",
]
