"""What a search asks for, checked, and the shape both backends answer in."""

from dataclasses import dataclass, field

from django.conf import settings

from .conf import get_setting
from .registry import registry

FACETS = ("type", "country", "status", "tag")
# Elasticsearch's default index.max_result_window: offset + limit may not pass it.
MAX_WINDOW = 10_000


class InvalidQuery(ValueError):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    locale: str | None = None
    type: str | None = None
    country: str | None = None
    status: str | None = None
    tag: str | None = None
    campaign: str | None = None
    limit: int = 10
    offset: int = 0
    # Set by clean(): the public translations of the campaign asked for.
    campaign_ids: frozenset[int] = field(default=frozenset(), compare=False)

    def filters(self):
        """The facet filters that are set, such as ``{"status": "imprisoned"}``."""
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    def clean(self):
        """A copy with canonical values; raises InvalidQuery naming the field."""
        changes = {"q": self.q.strip()}
        if self.locale is not None:
            codes = {
                code.lower(): code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            }
            if self.locale.lower() not in codes:
                raise InvalidQuery(
                    "locale",
                    f"Unknown locale '{self.locale}'. Use one of: {', '.join(codes)}.",
                )
            changes["locale"] = self.locale.lower()
        if self.type is not None:
            model = registry.get_model(self.type)
            if model is None:
                labels = sorted(m._meta.label for m in registry.get_models())
                raise InvalidQuery(
                    "type",
                    f"Unknown type '{self.type}'. Use one of: {', '.join(labels)}.",
                )
            changes["type"] = model._meta.label
        if self.campaign is not None:
            changes["campaign_ids"] = frozenset(public_campaign_ids(self.campaign))
        max_limit = get_setting("MAX_LIMIT")
        if not 1 <= self.limit <= max_limit:
            raise InvalidQuery("limit", f"Give a limit from 1 to {max_limit}.")
        if self.offset < 0 or self.offset + self.limit > MAX_WINDOW:
            raise InvalidQuery("offset", f"offset + limit may be at most {MAX_WINDOW}.")
        return SearchQuery(**{**self.__dict__, **changes})


def public_campaign_ids(value):
    """The ids of the public campaign pages ``value`` (an id or slug) names."""
    from cms.api.campaigns import NO_CAMPAIGN, campaign_ids
    from cms.api.errors import BadRequest
    from cms.models import CampaignPage

    from .pages import visible_pages

    try:
        return campaign_ids(visible_pages(CampaignPage), value)
    except BadRequest:
        raise InvalidQuery("campaign", NO_CAMPAIGN) from None


def empty_facets():
    return {name: [] for name in FACETS}


def buckets(counts):
    """Facet buckets, most frequent first, then by value: a stable order."""
    return [
        {"value": value, "count": count}
        for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if count
    ]
