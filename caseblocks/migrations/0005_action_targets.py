
import json

import django_countries.fields
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models
from wagtail.fields import StreamField


# Targets were typed into each action form as {"name", "email"}: every language
# version held its own copy. They become records, one per address (named as the
# first page that used it, the oldest, names it), and every stored copy of an
# action form's value (page bodies, revisions, placements and wagtail-localize's
# sources) refers to the records instead.


def _as_data(raw):
    if isinstance(raw, (bytes, bytearray, memoryview)):
        raw = bytes(raw).decode()
    if isinstance(raw, str):
        try:
            return json.loads(raw), True
        except ValueError:
            return None, True
    return raw, False


class _Converter:
    def __init__(self, ActionTarget):
        self.ActionTarget = ActionTarget
        self.records = {}

    def record_for(self, target):
        email = str(target.get("email") or "").strip()
        if not email:
            return None
        key = email.lower()
        if key not in self.records:
            record = (
                self.ActionTarget.objects.filter(email__iexact=email)
                .order_by("pk")
                .first()
            )
            if record is None:
                name = str(target.get("name") or email)[:255]
                record = self.ActionTarget.objects.create(name=name, email=email)
            self.records[key] = record.pk
        return self.records[key]

    def targets(self, items):
        converted = []
        for item in items:
            wrapped = isinstance(item, dict) and item.get("type") == "item"
            inner = item.get("value") if wrapped else item
            if isinstance(inner, dict):
                inner = self.record_for(inner)
                if inner is None:
                    continue
            converted.append({**item, "value": inner} if wrapped else inner)
        return converted

    def convert(self, data):
        """``data`` with every legacy target replaced; strings holding JSON too."""
        if isinstance(data, list):
            return [self.convert(item) for item in data]
        if isinstance(data, str) and data[:1] in "[{" and "targets" in data:
            parsed, _text = _as_data(data)
            if parsed is not None:
                return json.dumps(self.convert(parsed), cls=DjangoJSONEncoder)
            return data
        if not isinstance(data, dict):
            return data
        data = {key: self.convert(value) for key, value in data.items()}
        value = data.get("value")
        if (
            data.get("type") == "action_form"
            and isinstance(value, dict)
            and isinstance(value.get("targets"), list)
        ):
            data["value"] = {**value, "targets": self.targets(value["targets"])}
        elif isinstance(data.get("targets"), list) and "action_id" in data:
            # A bare action form value, as PlacedAction stores it.
            data["targets"] = self.targets(data["targets"])
        return data


def _columns(apps):
    """(model, column) pairs that may hold an action form's value."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, StreamField):
                yield model, field
    extra = [
        ("wagtailcore", "Revision", "content"),
        ("caseblocks", "PlacedAction", "value"),
        ("wagtail_localize", "TranslationSource", "content_json"),
    ]
    for app_label, model_name, field_name in extra:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        yield model, model._meta.get_field(field_name)


# Delivery errors were stored with the exception's text, which can quote a
# supporter's name and address; keep only the kind of error.
KEPT_ERRORS = {
    "Waiting: the target's hourly cap is reached.",
    "Withdrawn: data erased.",
}


def errors_without_personal_data(apps, schema_editor):
    OutgoingMessage = apps.get_model("caseblocks", "OutgoingMessage")
    failed = OutgoingMessage.objects.exclude(last_error="").exclude(
        last_error__in=KEPT_ERRORS
    )
    for message in failed.only("pk", "last_error").iterator():
        words = message.last_error.split(":", 1)[0].split()
        kind = words[0][:100] if words else "Error"
        OutgoingMessage.objects.filter(pk=message.pk).update(last_error=kind)


def targets_to_records(apps, schema_editor):
    connection = schema_editor.connection
    converter = _Converter(apps.get_model("caseblocks", "ActionTarget"))
    json_field = models.JSONField(encoder=DjangoJSONEncoder)
    quote = connection.ops.quote_name
    for model, field in _columns(apps):
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        column = quote(field.column)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {pk}, {column} FROM {table} ORDER BY {pk}")  # noqa: S608
            rows = cursor.fetchall()
        for row_pk, raw in rows:
            data, _text = _as_data(raw)
            if data is None:
                continue
            new = converter.convert(data)
            if new == data:
                continue
            if isinstance(field, models.TextField):
                stored = json.dumps(new, cls=DjangoJSONEncoder)
            else:
                stored = json_field.get_db_prep_value(new, connection)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {column} = %s WHERE {pk} = %s",  # noqa: S608
                    [stored, row_pk],
                )


class Migration(migrations.Migration):

    dependencies = [
        ('caseblocks', '0004_counter_shards'),
        ('wagtailcore', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ActionTarget',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='Person or office, as addressed.', max_length=255, verbose_name='name')),
                ('position', models.CharField(blank=True, max_length=255, verbose_name='position')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                ('country', django_countries.fields.CountryField(blank=True, max_length=2, verbose_name='country')),
            ],
            options={
                'verbose_name': 'action target',
                'verbose_name_plural': 'action targets',
                'ordering': ['name', 'pk'],
                'permissions': [('change_actiontarget', 'Can change action targets')],
                'default_permissions': (),
            },
        ),
        migrations.RunPython(targets_to_records, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name='submission',
            options={'default_permissions': (), 'permissions': [('view_submission', "Can view supporters' submissions and export them"), ('erase_supporter', "Can erase a supporter's personal data")], 'verbose_name': 'submission'},
        ),
        migrations.RunPython(errors_without_personal_data, migrations.RunPython.noop),
    ]
