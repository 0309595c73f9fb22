from django.urls import path

from . import views

app_name = "casebook_outbox"
urlpatterns = [path("", views.outbox_text, name="text")]
