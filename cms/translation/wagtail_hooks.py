from wagtail import hooks

from .operations import copy_page_for_translation

hooks.register("copy_page_for_translation", copy_page_for_translation)
