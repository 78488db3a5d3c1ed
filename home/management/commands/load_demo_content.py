"""Build the demo site: French pages and their English translations, images, legal pages.

Idempotent: when the French home page exists, the command says so and changes nothing."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.demo import content
from home.demo.images import illustration, pdf_document
from home.demo.translate import translate
from home.models import (
    Footer,
    FooterLink,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)
from home.workflow import ensure_review_workflow
from knowledge import demo as knowledge_demo
from members import demo as members_demo
from members import roles
from members.models import Authority

DEMO_LOGINS = [("admin", "admin", "administrateur du réseau (superuser)")]
# (username and password, role, group): the staff roles other than the superuser.
DEMO_STAFF = [
    ("equipe", "équipe éditoriale du réseau", roles.NETWORK_EDITORS),
    ("traduction", "traductrice ou traducteur", roles.TRANSLATORS),
]


class Command(BaseCommand):
    help = "Load the demo content (French, translated into English). Safe to run twice."

    def handle(self, *args, **options):
        if HomePage.objects.filter(locale__language_code="fr").exists():
            self.stdout.write("Demo content already loaded: nothing changed.")
        else:
            with transaction.atomic():
                summary = self.build()
            self.stdout.write(self.style.SUCCESS("Demo content loaded: " + ", ".join(summary)))
        logins = DEMO_LOGINS + [(name, name, role) for name, role, _group in DEMO_STAFF]
        for username, password, role in logins + members_demo.editor_logins():
            self.stdout.write(f"  Demo login: {username} / {password} — {role}")

    def step(self, message):
        self.stdout.write(f"  … {message}")

    def build(self):
        self.french = Locale.objects.get(language_code="fr")
        self.english = Locale.objects.get(language_code="en")
        self.step("accounts")
        User = get_user_model()
        for username, password, _role in DEMO_LOGINS:
            if not User.objects.filter(username=username).exists():
                User.objects.create_superuser(username, f"{username}@reseau-bp.example", password)
        groups = roles.ensure_roles()
        for username, _role, group in DEMO_STAFF:
            user = User.objects.create_user(username, f"{username}@reseau-bp.example", username)
            user.groups.add(groups[group])

        self.step("images and documents")
        self.images = [
            self.make_image(f"Illustration {n + 1}", seed=n) for n in range(len(content.NEWS) + 2)
        ]
        pdf = pdf_document(
            ["Reseau National des Budgets Participatifs", "Document d'exemple / Example document"]
        )
        self.document = get_document_model().objects.create(
            title="Présentation du réseau (exemple)",
            file=ContentFile(pdf, name="presentation-reseau.pdf"),
            file_size=len(pdf),
        )

        self.step("French pages")
        home = self.make_home()
        about = self.make_standard_page(home, content.ABOUT, "fr", show_in_menus=True)
        news_index = self.publish(
            home,
            NewsIndexPage(
                slug=content.NEWS_INDEX["slug"], show_in_menus=True, **content.NEWS_INDEX["fr"]
            ),
        )
        news_items = [
            self.make_news(news_index, item, n, "fr") for n, item in enumerate(content.NEWS)
        ]
        legal_pages = {
            role: self.make_standard_page(home, data, "fr")
            for role, data in content.LEGAL_PAGES.items()
        }
        footer = Footer(
            locale=self.french,
            text=content.FOOTER["fr"],
            links=[FooterLink(page=about), FooterLink(page=news_index)],
        )
        footer.save()

        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        for field, value in content.SITE_SETTINGS.items():
            setattr(settings, field, value)
        for role, page in legal_pages.items():
            setattr(settings, role, page)
        settings.save()

        self.step("English translations")
        translate(home, HomePage(**content.HOME["en"]), self.english)
        translate(about, self.standard_twin(content.ABOUT), self.english)
        translate(news_index, NewsIndexPage(**content.NEWS_INDEX["en"]), self.english)
        for page, item in zip(news_items, content.NEWS, strict=True):
            translate(page, self.news_twin(item), self.english)
        for role, page in legal_pages.items():
            translate(page, self.standard_twin(content.LEGAL_PAGES[role]), self.english)
        translate(footer, Footer(text=content.FOOTER["en"]), self.english)

        self.step("member profiles")
        if not Authority.objects.exists():
            call_command("load_authorities", stdout=self.stdout)
        members = members_demo.build(home, self.publish, translate, self.english, self.step)
        self.step("member editors' accounts")
        members_demo.build_editors()
        self.step("governance")
        colleges = members_demo.build_governance(
            home, self.publish, translate, self.french, self.english
        )
        self.step("knowledge base")
        knowledge = knowledge_demo.build(
            home, self.publish, translate, self.french, self.english, self.step
        )
        self.step("review workflow")
        reviewed_sections = ensure_review_workflow()

        pages = Page.objects.filter(depth__gt=1).count()
        return [
            f"{pages} pages in 2 languages",
            f"{len(news_items)} news items",
            f"{members} member profiles",
            f"{colleges} colleges",
            f"{knowledge['principles']} charter principles",
            f"{knowledge['sheets']} practice sheets",
            f"{len(self.images)} images",
            f"review workflow on {reviewed_sections} sections",
        ]

    def make_image(self, title, seed):
        return get_image_model().objects.create(
            title=title, file=ContentFile(illustration(seed), name=f"demo-{seed}.jpg")
        )

    def publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def make_home(self):
        root = Page.get_first_root_node()
        home = HomePage(
            slug="accueil", locale=self.french, hero_image=self.images[-1], **content.HOME["fr"]
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.get(is_default_site=True)
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Réseau National des Budgets Participatifs"
        site.save()
        if previous_root.pk != home.pk and not previous_root.get_children().exists():
            previous_root.delete()
        home.refresh_from_db()
        return home

    def body(self, blocks):
        value = []
        for block_type, data in blocks:
            if block_type == "paragraph":
                value.append((block_type, RichText(data)))
            elif block_type == "document":
                value.append((block_type, {**data, "document": self.document}))
            else:
                value.append((block_type, data))
        return value

    def make_standard_page(self, parent, data, language, show_in_menus=False):
        fields = dict(data[language])
        page = StandardPage(
            slug=data["slug"],
            title=fields["title"],
            intro=fields["intro"],
            body=self.body(fields["body"]),
            show_in_menus=show_in_menus,
        )
        page = self.publish(parent, page)
        if data is content.ABOUT:
            home = parent.specific
            home.hero_link = page
            home.save_revision().publish()
        return page

    def standard_twin(self, data):
        fields = data["en"]
        return StandardPage(
            title=fields["title"], intro=fields["intro"], body=self.body(fields["body"])
        )

    def news_body(self, item, language):
        _title, _intro, paragraphs = item[language]
        html = "".join(f"<p>{text}</p>" for text in paragraphs)
        blocks = [("paragraph", html)]
        if item["example"]:
            blocks.append(("paragraph", content.EXAMPLE_NOTE[language]))
        return self.body(blocks)

    def make_news(self, parent, item, number, language):
        title, intro, _paragraphs = item[language]
        page = NewsPage(
            title=title,
            intro=intro,
            date=item["date"],
            listing_image=self.images[number],
            body=self.news_body(item, language),
        )
        page.tags.add(*item["tags"])
        return self.publish(parent, page)

    def news_twin(self, item):
        title, intro, _paragraphs = item["en"]
        return NewsPage(title=title, intro=intro, body=self.news_body(item, "en"))
