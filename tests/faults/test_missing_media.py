"""A file missing from the media storage (lost disk, partial restore): the pages that use
it still render, and its document link answers 404, not 500."""

import os

from wagtail.rich_text import RichText

import pytest

from home.factories import DocumentFactory, ImageFactory, NewsPageFactory
from tests.home.helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def news_with_lost_files(news_index):
    """A news item whose listing image, body image and body document have lost their file."""
    image = ImageFactory()
    figure = ImageFactory()
    document = DocumentFactory(title="Règlement du budget participatif")
    news = NewsPageFactory(
        parent=news_index,
        slug="nouveau-reglement",
        listing_image=image,
        body=[
            ("paragraph", RichText("<p>Le règlement change cette année.</p>")),
            ("image", {"image": {"image": figure, "decorative": True, "alt_text": ""}}),
            ("document", {"document": document, "title": ""}),
        ],
    )
    for lost in (image, figure, document):
        os.remove(lost.file.path)
    return news, document


def test_news_page_renders_when_its_image_and_document_files_are_missing(
    client, news_with_lost_files
):
    news, document = news_with_lost_files
    response = client.get(news.url)
    assert response.status_code == 200
    article = parse(response).select_one("main")
    assert "Le règlement change cette année." in article.get_text()
    link = article.select_one(".document-link a")
    assert link["href"] == document.url
    assert link.get_text(" ", strip=True).startswith("Règlement du budget participatif")


def test_news_list_renders_when_a_listing_image_file_is_missing(
    client, news_index, news_with_lost_files
):
    news, _ = news_with_lost_files
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert parse(response).find("a", href=news.url) is not None


def test_document_whose_file_is_missing_answers_404(client, news_with_lost_files):
    _, document = news_with_lost_files
    response = client.get(document.url)
    assert response.status_code == 404


def test_document_whose_file_is_present_is_served(client, home):
    document = DocumentFactory()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == document.file.open("rb").read()
