from .pages import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CaseIndexPageFactory,
    CasePageFactory,
    CountryIndexPageFactory,
    CountryPageFactory,
    GeneralPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerOrganisationFactory,
)

__all__ = [
    "CampaignIndexPageFactory",
    "CampaignPageFactory",
    "CaseIndexPageFactory",
    "CasePageFactory",
    "CountryIndexPageFactory",
    "CountryPageFactory",
    "GeneralPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PartnerOrganisationFactory",
]
