from .cases import CampaignState, CaseIndexPage, CasePage, CaseStatus, CaseTag
from .countries import CountryIndexPage, CountryPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .partners import PartnerOrganisation

__all__ = [
    "CampaignState",
    "CaseIndexPage",
    "CasePage",
    "CaseStatus",
    "CaseTag",
    "CountryIndexPage",
    "CountryPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PartnerOrganisation",
]
