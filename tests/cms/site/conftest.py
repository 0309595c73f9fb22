"""The API tests' pages (a country, a case with one of each block, a news post)."""

from tests.cms.api.conftest import body_of, case_page, country, image, news_page

__all__ = ["body_of", "case_page", "country", "image", "news_page"]
