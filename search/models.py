from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexingFailure(models.Model):
    """A page that could not be written to or removed from the search index.

    Kept until the page is synced successfully, so editors can see that search is
    behind and ``manage.py search_index --retry-failed`` knows what to catch up.
    """

    app_label = models.CharField(max_length=100)
    model_name = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=16, default="sync")
    error = models.TextField()
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField(auto_now_add=True)
    last_failed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search indexing failure")
        ordering = ["-last_failed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["app_label", "model_name", "object_id", "action"],
                name="search_indexingfailure_unique_object",
            )
        ]

    def __str__(self):
        return f"{self.app_label}.{self.model_name} {self.object_id}: {self.error[:80]}"


class TermsField(models.TextField):
    """Analysed text: a ``tsvector`` on PostgreSQL, space-separated terms elsewhere.

    Written only through ``search.backends.database.store``, which builds the value
    for the database in use.
    """

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "tsvector"
        return super().db_type(connection)


class PageText(models.Model):
    """A live, public page's searchable text in the embedded (database) index.

    ``title`` holds the title and the fields boosted like it (a case's person
    name); ``body`` every other declared search field. Both are analysed with the
    rules of the page's language (search/backends/database/text.py).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    language = models.CharField(max_length=16)
    title = TermsField()
    body = TermsField()

    class Meta:
        verbose_name = _("searchable page text")
        indexes = [models.Index(fields=["language"], name="search_pagetext_language")]

    def __str__(self):
        return f"{self.language} page {self.page_id}"
