import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    """Put a HomePage where Wagtail's placeholder welcome page stands, once."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    placeholder = Page.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", numchild=0
    ).first()
    if placeholder is None or HomePage.objects.exists():
        return
    path, locale_id = placeholder.path, placeholder.locale_id
    placeholder.delete()

    content_type, _ = ContentType.objects.get_or_create(
        model="homepage", app_label="cms"
    )
    home = HomePage.objects.create(
        title="Casebook",
        draft_title="Casebook",
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale_id or Locale.objects.order_by("pk").first().pk,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
