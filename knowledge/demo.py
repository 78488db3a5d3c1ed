"""Demo knowledge base: the taxonomies, the charter with the principle titles that public
sources quote (statements and explanations are paraphrases, said so on the page), the
practice library and the founders' practice sheets (example text, said so on each)."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.demo.images import pdf_document
from knowledge.demo_sheets import SHEETS
from knowledge.models import (
    Audience,
    CharterPage,
    Phase,
    PracticeDocument,
    PracticeLibraryPage,
    PracticeSheetPage,
    Principle,
    Theme,
)
from members.models import MemberPage

# (slug, French name, English name), in the order of an edition.
PHASES = [
    ("conception-reglement", "Conception du règlement", "Designing the rules"),
    ("depot-idees", "Dépôt des idées", "Call for ideas"),
    ("co-construction", "Co-construction", "Co-construction"),
    (
        "analyse-faisabilite",
        "Analyse de recevabilité et de faisabilité",
        "Eligibility and feasibility study",
    ),
    ("campagne", "Campagne", "Campaign"),
    ("vote", "Vote", "Vote"),
    ("annonce-resultats", "Annonce des résultats", "Announcement of the results"),
    ("realisation", "Réalisation", "Delivery"),
    ("evaluation", "Évaluation", "Evaluation"),
]
THEMES = [
    ("inclusion", "Inclusion des publics éloignés", "Including people far from participation"),
    ("jeunesse-ecoles", "Jeunesse et écoles", "Youth and schools"),
    ("quartiers", "Quartiers", "Neighbourhoods"),
    ("transition-ecologique", "Transition écologique", "Ecological transition"),
    (
        "vote-numerique-presentiel",
        "Vote numérique et en présentiel",
        "Digital and in-person voting",
    ),
    ("communication", "Communication", "Communication"),
    ("comites-citoyens", "Comités citoyens", "Citizens' committees"),
]
AUDIENCES = [
    ("jeunes", "Jeunes", "Young people"),
    ("personnes-agees", "Personnes âgées", "Older people"),
    (
        "quartiers-prioritaires",
        "Habitants des quartiers prioritaires",
        "Residents of priority neighbourhoods",
    ),
    ("situation-handicap", "Personnes en situation de handicap", "People with disabilities"),
    ("associations", "Associations", "Associations"),
]
TAXONOMIES = [(Phase, PHASES), (Theme, THEMES), (Audience, AUDIENCES)]

EXAMPLE_PRINCIPLE = {
    "fr": (
        "Texte d'exemple : cet énoncé et cette explication paraphrasent l'esprit de la "
        "charte pour le site de démonstration ; seul le titre du principe est cité."
    ),
    "en": (
        "Example text: this statement and explanation paraphrase the spirit of the charter "
        "for the demonstration site; only the title of the principle is quoted."
    ),
}
CHARTER = {
    "slug": "charte",
    "fr": {
        "title": "La charte des budgets participatifs",
        "intro": (
            "Les principes fondamentaux des budgets participatifs en France, que partagent "
            "les collectivités du réseau."
        ),
        "preamble": (
            "<p>La charte des principes fondamentaux des budgets participatifs en France a "
            "été élaborée collectivement à Paris, lors des rencontres nationales des 7 et "
            "8 novembre 2019 : elle reprend leur déclaration finale. Les villes fondatrices "
            "du réseau l'ont adoptée en créant le Réseau National des Budgets Participatifs, "
            "le 8 novembre 2022 à Amiens.</p>"
            "<p>Deux finalités la guident : la confiance entre les habitants et leurs "
            "institutions, et l'émancipation de chacune et chacun par la participation.</p>"
            "<p><i>Texte d'exemple : les titres des principes sont ceux que citent les "
            "sources publiques ; leurs énoncés et leurs explications sont des paraphrases "
            "rédigées pour le site de démonstration, en attendant le texte intégral.</i></p>"
        ),
    },
    "en": {
        "title": "The participatory budgeting charter",
        "intro": (
            "The fundamental principles of participatory budgets in France, shared by the "
            "network's member authorities."
        ),
        "preamble": (
            "<p>The charter of fundamental principles of participatory budgets in France was "
            "worked out collectively in Paris, at the national meeting of 7 and 8 November "
            "2019: it takes up its closing declaration. The network's founding cities "
            "adopted it when they created the National Network of Participatory Budgets, on "
            "8 November 2022 in Amiens.</p>"
            "<p>Two aims guide it: trust between residents and their institutions, and the "
            "emancipation of each and every one through participation.</p>"
            "<p><i>Example text: the titles of the principles are those quoted by public "
            "sources; their statements and explanations are paraphrases written for the "
            "demonstration site, pending the full text.</i></p>"
        ),
    },
}
# (French title, statement, explanation), (English …): titles are quoted, the rest is not.
PRINCIPLES = [
    (
        (
            "Donner du pouvoir d'agir aux citoyens",
            "Les habitantes et les habitants proposent, choisissent et suivent des projets "
            "financés par une part réelle du budget de leur collectivité.",
            "<p>Un budget participatif n'est pas une consultation : ce sont les habitants "
            "qui décident de l'usage d'une enveloppe connue à l'avance, et la collectivité "
            "s'engage à réaliser les projets qu'ils ont choisis.</p>",
        ),
        (
            "Empowering citizens",
            "Residents propose, choose and follow projects funded by a real share of their "
            "authority's budget.",
            "<p>A participatory budget is not a consultation: residents decide how an amount "
            "known in advance is used, and the authority commits to delivering the projects "
            "they chose.</p>",
        ),
    ),
    (
        (
            "Continuité et régularité",
            "Le budget participatif revient à dates régulières, avec des règles stables et "
            "un montant annoncé à l'avance.",
            "<p>La confiance se construit dans la durée : un calendrier connu, des règles "
            "qui ne changent qu'après un bilan partagé, et un engagement qui survit aux "
            "changements de majorité.</p>",
        ),
        (
            "Continuity and regularity",
            "The participatory budget comes back at regular intervals, with stable rules and "
            "an amount announced in advance.",
            "<p>Trust is built over time: a known calendar, rules that change only after a "
            "shared review, and a commitment that outlasts changes of majority.</p>",
        ),
    ),
    (
        (
            "Égalité d'accès et inclusion",
            "Chacune et chacun peut proposer et voter, et la collectivité va au-devant de "
            "celles et ceux qui participent le moins.",
            "<p>Les règles ouvrent la participation au plus grand nombre, sans condition de "
            "nationalité, et les moyens suivent : vote en ligne et en présentiel, documents "
            "faciles à lire, accompagnement dans les quartiers.</p>",
        ),
        (
            "Equal access and inclusion",
            "Everyone can propose and vote, and the authority reaches out to those who take "
            "part least.",
            "<p>The rules open participation to as many people as possible, regardless of "
            "nationality, and the means follow: online and in-person voting, easy-to-read "
            "documents, support in the neighbourhoods.</p>",
        ),
    ),
    (
        (
            "Transparence et sincérité",
            "Les règles, l'analyse des projets, les résultats du vote et l'avancement des "
            "réalisations sont publics et compréhensibles.",
            "<p>Chaque décision de la collectivité est expliquée : pourquoi une idée est "
            "écartée, combien de voix chaque projet a obtenues, où en sont les travaux et "
            "ce qu'ils ont coûté.</p>",
        ),
        (
            "Transparency and sincerity",
            "The rules, the study of projects, the results of the vote and the progress of "
            "delivery are public and understandable.",
            "<p>Every decision of the authority is explained: why an idea is turned down, "
            "how many votes each project received, how the works are progressing and what "
            "they cost.</p>",
        ),
    ),
]
LIBRARY = {
    "slug": "fiches-pratiques",
    "fr": {
        "title": "Fiches pratiques",
        "intro": (
            "Comment les collectivités membres mènent leur budget participatif : des "
            "pratiques racontées par celles et ceux qui les ont menées, à reprendre et à "
            "adapter chez soi."
        ),
    },
    "en": {
        "title": "Practice sheets",
        "intro": (
            "How member authorities run their participatory budget: practices told by those "
            "who ran them, to take up and adapt at home."
        ),
    },
}
EXAMPLE_SHEET = {
    "fr": "Fiche d'exemple rédigée pour le site de démonstration.",
    "en": "Example sheet written for the demonstration site.",
}
LIST_SECTIONS = {"lessons", "resources"}
SECTIONS = ["context", "method", "results", "lessons", "resources"]


def build_taxonomies(translate, french, english):
    """The terms in French, translated into English; terms that exist are kept."""
    terms = {}
    for model, rows in TAXONOMIES:
        for order, (slug, french_name, english_name) in enumerate(rows):
            term, created = model.objects.get_or_create(
                slug=slug, locale=french, defaults={"name": french_name, "sort_order": order}
            )
            if created or not term.has_translation(english):
                translate(term, model(name=english_name), english)
            terms[model, slug] = term
    return terms


def principle(texts, language, number, locale=None):
    title, statement, explanation = texts
    return Principle(
        title=title,
        statement=statement,
        explanation=explanation + f"<p><i>{EXAMPLE_PRINCIPLE[language]}</i></p>",
        sort_order=number,
        locale=locale,
    )


def build_charter(home, publish, translate, french, english):
    charter = publish(
        home,
        CharterPage(
            slug=CHARTER["slug"],
            show_in_menus=True,
            principles=[principle(fr, "fr", n, french) for n, (fr, _en) in enumerate(PRINCIPLES)],
            **CHARTER["fr"],
        ),
    )
    twin = CharterPage(
        principles=[principle(en, "en", n) for n, (_fr, en) in enumerate(PRINCIPLES)],
        **CHARTER["en"],
    )
    translate(charter, twin, english)
    return charter


def sheet_texts(texts, language):
    fields = {
        "title": texts["title"],
        "summary": f"{texts['summary']} {EXAMPLE_SHEET[language]}",
        "easy_read_summary": texts["easy_read"],
    }
    for name in SECTIONS:
        items = texts[name]
        if name in LIST_SECTIONS:
            fields[name] = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
        else:
            fields[name] = "".join(f"<p>{item}</p>" for item in items)
    return fields


def attached_document(data, slug):
    pdf = pdf_document(data["lines"])
    document = get_document_model().objects.create(
        title=data["title"][0], file=ContentFile(pdf, name=f"{slug}.pdf"), file_size=len(pdf)
    )
    return [PracticeDocument(document=document, title=data["title"][0])]


def build_sheets(library, publish, translate, english, terms, principles, step):
    members = {
        member.authority.code: member
        for member in MemberPage.objects.filter(
            locale=library.locale, alias_of__isnull=True
        ).select_related("authority")
    }
    sheets = {}
    for number, data in enumerate(SHEETS, start=1):
        step(f"practice sheet {number}/{len(SHEETS)}")
        member = members[data["member"]]
        contact_name, contact_email = data.get("contact") or ("", "")
        staff_effort = data["staff_effort"] or ("", "")
        year_start, year_end = data["years"]
        page = PracticeSheetPage(
            slug=data["slug"],
            member=member,
            year_start=year_start,
            year_end=year_end,
            cost=data["cost"],
            staff_effort=staff_effort[0],
            contact_name=contact_name,
            contact_email=contact_email,
            phases=[terms[Phase, slug] for slug in data["phases"]],
            themes=[terms[Theme, slug] for slug in data["themes"]],
            audiences=[terms[Audience, slug] for slug in data["audiences"]],
            principles=[principles[n - 1] for n in data["principles"]],
            adapted_from=[sheets[slug] for slug in data.get("adapted_from", [])],
            documents=attached_document(data["document"], data["slug"])
            if data.get("document")
            else [],
            **sheet_texts(data["fr"], "fr"),
        )
        publish(library, page)
        twin = PracticeSheetPage(
            member=member, staff_effort=staff_effort[1], **sheet_texts(data["en"], "en")
        )
        translate(page, twin, english)
        sheets[data["slug"]] = page
    return sheets


def build(home, publish, translate, french, english, step):
    """Create the taxonomies, the charter, the library and its sheets, then translate them.
    Member profiles must exist (members.demo.build)."""
    step("taxonomies")
    terms = build_taxonomies(translate, french, english)
    step("charter")
    charter = build_charter(home, publish, translate, french, english)
    step("practice library")
    library = publish(
        home, PracticeLibraryPage(slug=LIBRARY["slug"], show_in_menus=True, **LIBRARY["fr"])
    )
    translate(library, PracticeLibraryPage(**LIBRARY["en"]), english)
    principles = list(charter.principles.order_by("sort_order"))
    sheets = build_sheets(library, publish, translate, english, terms, principles, step)
    return {"terms": len(terms), "principles": len(principles), "sheets": len(sheets)}
