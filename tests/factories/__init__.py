from .pages import (
    CaseIndexPageFactory,
    CasePageFactory,
    CountryIndexPageFactory,
    CountryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerOrganisationFactory,
)

__all__ = [
    "CaseIndexPageFactory",
    "CasePageFactory",
    "CountryIndexPageFactory",
    "CountryPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PartnerOrganisationFactory",
]
