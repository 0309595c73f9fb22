"""Every page type says, field by field, what is translated and what is kept."""

from django.core import checks

from wagtail.models import get_page_models

from .fields import get_declared_fields, get_own_field_names


@checks.register(checks.Tags.models)
def check_page_translation_declarations(app_configs=None, **kwargs):
    messages = []
    for model in get_page_models():
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        translated, synchronised = get_declared_fields(model)
        declared = set(translated) | set(synchronised)
        known = {field.name for field in model._meta.get_fields()}
        for name in sorted(declared - known):
            messages.append(
                checks.Error(
                    f"{model.__name__} declares '{name}' for translation, but has "
                    "no such field.",
                    obj=model,
                    id="casebook_translation.E001",
                )
            )
        for name in sorted(set(translated) & set(synchronised)):
            messages.append(
                checks.Error(
                    f"{model.__name__} declares '{name}' both translated and "
                    "synchronised.",
                    obj=model,
                    id="casebook_translation.E002",
                )
            )
        for name in sorted(get_own_field_names(model) - declared):
            messages.append(
                checks.Warning(
                    f"{model.__name__}.{name} is in neither translated_fields nor "
                    "synchronised_fields.",
                    hint="Add it to one of them, so translators know what is theirs.",
                    obj=model,
                    id="casebook_translation.W001",
                )
            )
    return messages
