"""`{% asset %}` (home/templatetags/site_tags.py): the URL `{% static %}` gives, remembered."""

from django.template import engines
from django.templatetags.static import static

from home.templatetags.site_tags import asset


def test_asset_gives_the_url_of_static(settings):
    assert asset("css/site.css") == static("css/site.css")
    html = engines["django"].from_string("{% load site_tags %}{% asset 'img/logo.svg' %}")
    assert html.render() == static("img/logo.svg")


def test_asset_follows_a_change_of_static_url(settings):
    asset("css/site.css")
    settings.STATIC_URL = "/elsewhere/"
    assert asset("css/site.css").startswith("/elsewhere/")
