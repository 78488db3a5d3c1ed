from .base import BasePage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import HomePage, StandardPage
from .settings import SiteSettings
from .snippets import Footer, FooterLink

__all__ = [
    "BasePage",
    "Footer",
    "FooterLink",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SiteSettings",
    "StandardPage",
]
