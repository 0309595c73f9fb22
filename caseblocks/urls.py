"""Casebook's own pages for supporters (``include("caseblocks.urls")``)."""

from django.urls import path

from caseblocks.views.confirm import confirm_page

app_name = "caseblocks"

urlpatterns = [path("confirm/", confirm_page, name="confirm")]
