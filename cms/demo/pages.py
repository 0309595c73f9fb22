"""Create, translate and update the demo pages so that a second run changes nothing.

Each helper returns the page and what happened to it: ``created``, ``updated`` or
``unchanged``. Existing pages are left alone unless ``update`` is true; then they are
compared with the wanted values and get a new revision only if something differs.
"""

import json

from modelcluster.contrib.taggit import ClusterTaggableManager

from django.core.serializers.json import DjangoJSONEncoder

from wagtail.fields import StreamField

from .translate import translate_page, translation_written

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def _strip_ids(data):
    """Drop the block ids that each ``get_prep_value`` call makes up afresh."""
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    if isinstance(data, dict):
        keep = {k: v for k, v in data.items() if not (k == "id" and "type" in data)}
        return {k: _strip_ids(v) for k, v in keep.items()}
    return data


def _as_json(data):
    """Stream data as stored: a page read back holds dates as strings, not objects."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _carry_ids(old, new):
    """Give each block in ``new`` the id of the block of the same type in its place in ``old``.

    Translations are matched to their source block by block id (wagtail-localize's
    segment paths are ``body.<block id>.<child>``): a translated copy must keep the
    source's ids, and an update must keep the page's own.
    """
    if isinstance(old, list) and isinstance(new, list):
        for old_item, new_item in zip(old, new, strict=False):
            _carry_ids(old_item, new_item)
    elif isinstance(old, dict) and isinstance(new, dict):
        if "id" in old and "id" in new and old.get("type") == new.get("type"):
            new["id"] = old["id"]
        for key in new.keys() & old.keys() - {"id", "type"}:
            _carry_ids(old[key], new[key])


def apply_values(page, values):
    """Set ``values`` on ``page`` (unsaved); return True if anything changed.

    StreamField values are raw data. They are cleaned by their blocks here, because
    ``Model.full_clean`` does not validate StreamField content: this is what checks
    fax numbers and action forms as the page editor would.
    """
    changed = False
    for name, wanted in values.items():
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            block = field.stream_block
            data = _as_json(block.get_prep_value(block.clean(block.to_python(wanted))))
            current = _as_json(block.get_prep_value(getattr(page, name)))
            if _strip_ids(current) != _strip_ids(data):
                _carry_ids(current, data)
                setattr(page, name, data)
                changed = True
        elif isinstance(field, ClusterTaggableManager):
            manager = getattr(page, name)
            if sorted(tag.name for tag in manager.all()) != sorted(wanted):
                manager.set(wanted)
                changed = True
        elif field.many_to_many:
            manager = getattr(page, name)
            if {obj.pk for obj in manager.all()} != {obj.pk for obj in wanted}:
                manager.set(wanted)
                changed = True
        elif field.is_relation:
            if getattr(page, field.attname) != (wanted.pk if wanted else None):
                setattr(page, name, wanted)
                changed = True
        elif getattr(page, name) != wanted:
            setattr(page, name, wanted)
            changed = True
    return changed


def publish(page):
    """Save a revision through ``full_clean`` (so the page's ``clean`` runs) and publish it."""
    page.save_revision().publish()


def update_page(page, values, update):
    """Bring ``page`` in line with ``values`` if ``update``; else leave it as it is."""
    if not update:
        return page, UNCHANGED
    draft = page.get_latest_revision_as_object()
    if not apply_values(draft, values):
        return page, UNCHANGED
    publish(draft)
    return draft, UPDATED


def ensure_child(parent, model, slug, values, *, update=False):
    """The ``model`` page called ``slug`` below ``parent``, made if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return update_page(existing, values, update)
    page = model(slug=slug, live=False)
    apply_values(page, values)
    parent.add_child(instance=page)
    publish(page)
    return page, CREATED


def ensure_translation(source, locale, values, *, update=False):
    """The translation of ``source`` in ``locale``, made with ``translate_page`` if missing."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        page, status = update_page(existing.specific, values, update)
    else:
        page = translate_page(source, locale)
        apply_values(page, values)
        publish(page)
        status = CREATED
    if status != UNCHANGED:
        translation_written(page)
    return page, status


def ensure_untranslated(source, locale):
    """A translation of ``source`` in ``locale`` holding the source text, for translators.

    Made with ``translate_page`` but never said to be written, so a translation
    plugin shows every text as waiting. An existing translation is left alone.
    """
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, UNCHANGED
    return translate_page(source, locale), CREATED
