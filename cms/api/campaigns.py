"""The ``campaign=`` filter: a campaign named by id or slug, in any language.

A case or news post links to whichever language version of a campaign it
chose (its own where there is one), so a campaign stands for all its public
translations. Unknown, unpublished and private campaigns answer alike.
"""

from django.db.models import Q

from cms.api.errors import BadRequest

NO_CAMPAIGN = "No public campaign with this id or slug."


def campaign_lookup(value):
    """Filter arguments that find a campaign page by id or slug."""
    value = value.strip()
    if is_id(value):
        return {"pk": int(value)} if int(value) < 2**31 else {"pk__in": []}
    return {"slug": value}


def is_id(value):
    # ASCII only: str.isdigit() accepts "²", which int() refuses.
    return value.isascii() and value.isdigit()


def campaign_ids(public_campaigns, value, field="campaign"):
    """Ids of the public translations of the campaign ``value`` names, or 400."""
    keys = public_campaigns.filter(**campaign_lookup(value)).values("translation_key")
    ids = set(
        public_campaigns.filter(translation_key__in=keys).values_list("pk", flat=True)
    )
    if not ids:
        raise BadRequest(field, NO_CAMPAIGN)
    return ids


def in_campaign(page_types, ids):
    """A condition on pages: of a type that has campaigns, and in one of ``ids``."""
    condition = Q(pk__in=[])
    for page_type in page_types:
        if page_type.has_campaigns:
            pages = page_type.model.objects.filter(
                **{f"{page_type.campaigns_field}__in": ids}
            )
            condition |= Q(pk__in=pages.values("pk"))
    return condition
