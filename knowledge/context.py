"""What the practice-sheet page shows, computed in a number of queries that does not grow
with the number of terms, principles, links or documents of the sheet.

A translated sheet keeps its relations in sync with the French original: its member, its
taxonomy terms, its principles and its "adapted from" links point to French objects. Each
of them is shown in the page's language (its translation with the same translation key),
else as it is."""

from types import SimpleNamespace

from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    UUIDField,
    Value,
)
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from home.chrome import chrome
from home.page_urls import url_of
from home.queries import live_public
from members.models import MemberPage, Representative
from members.models.directory import POPULATION_BRACKETS
from members.referential import region_name

from .models.charter import Principle
from .models.practices import PracticeSheetPage
from .models.taxonomy import Audience, Phase, Theme

# (field of the sheet, taxonomy, filter parameter of the library, heading)
TAXONOMIES = [
    ("phases", Phase, "phase", _("Phases du budget")),
    ("themes", Theme, "theme", _("Thèmes")),
    ("audiences", Audience, "audience", _("Publics visés")),
]


def translation_keys(related):
    """The translation keys of related objects: a subquery, or a list in a preview (where
    relations are in memory)."""
    if isinstance(related, QuerySet):
        return related.values("translation_key")
    return [obj.translation_key for obj in related]


def in_locale(versions, locale_id):
    """One object per translation key out of `versions` (every language version of some
    objects): the one in `locale_id`, else the first other, in the order of `versions`."""
    chosen = {}
    for version in versions:
        current = chosen.get(version.translation_key)
        if current is None or (version.locale_id == locale_id and current.locale_id != locale_id):
            chosen[version.translation_key] = version
    return list(chosen.values())


def relation_rows(page, member):
    """Every language version of the sheet's taxonomy terms and charter principles (of a
    live charter), and the representatives of every language version of its member: one
    UNION query. Rows of `kind` (a field of the sheet, "principles" or "representatives"),
    pk, translation key, locale, name, slug (a representative's role), order, page (of a
    principle or representative) and email (a representative's)."""
    text, number, uuid = CharField(), IntegerField(), UUIDField()

    def part(queryset, kind, **columns):
        columns = {
            "kind": Value(kind, output_field=text),
            "pk": F("pk"),
            "key": columns.get("key", F("translation_key")),
            "locale": columns.get("locale", F("locale_id")),
            "name": columns.get("name", F("name")),
            "slug": columns.get("slug", F("slug")),
            "order": F("sort_order"),
            # Typed: PostgreSQL would take a NULL in the first parts of the union for text.
            "page": columns.get("page", Cast(Value(None), output_field=number)),
            "email": columns.get("email", Value("", output_field=text)),
        }
        # Annotations only, named apart from the fields, so that every part of the union
        # has the same columns in the same order.
        annotated = queryset.annotate(**{f"r_{name}": value for name, value in columns.items()})
        return annotated.values(*[f"r_{name}" for name in columns]).order_by()

    parts = [
        part(
            model.objects.filter(translation_key__in=translation_keys(getattr(page, name).all())),
            name,
        )
        for name, model, _param, _heading in TAXONOMIES
    ]
    principles = Principle.objects.filter(
        translation_key__in=translation_keys(page.principles.all()), page__live=True
    )
    parts.append(
        part(
            principles,
            "principles",
            name=F("title"),
            slug=Value("", output_field=text),
            page=F("page_id"),
        )
    )
    if member is not None:
        key = member.translation_key
        representatives = Representative.objects.filter(page__translation_key=key)
        parts.append(
            part(
                representatives,
                "representatives",
                key=Value(None, output_field=uuid),
                locale=F("page__locale_id"),
                slug=F("role"),
                page=F("page_id"),
                email=F("email"),
            )
        )
    names = {
        "key": "translation_key",
        "locale": "locale_id",
        "order": "sort_order",
        "page": "page_id",
    }
    rows = [
        SimpleNamespace(**{names.get(name[2:], name[2:]): value for name, value in row.items()})
        for row in parts[0].union(*parts[1:], all=True)
    ]
    return sorted(rows, key=lambda row: (row.kind, row.pk))


def localized_terms(page, rows):
    """The sheet's terms of each taxonomy, in its language and by their order."""
    terms = {}
    for field, *_rest in TAXONOMIES:
        chosen = in_locale([row for row in rows if row.kind == field], page.locale_id)
        terms[field] = sorted(chosen, key=lambda term: (term.sort_order, term.name.casefold()))
    return terms


def related_sheets(page, request):
    """The sheets this one is adapted from, and those adapted from it, in its language, as
    links (title, url, member's name): one query, of titles and paths rather than pages."""
    through = PracticeSheetPage.adapted_from.through
    adapts_this = Exists(
        through.objects.filter(
            from_practicesheetpage=OuterRef("pk"),
            to_practicesheetpage__translation_key=page.translation_key,
        )
    )
    is_source = Q(translation_key__in=translation_keys(page.adapted_from.all()))
    # Ids of the two kinds, as a union of indexed reads: ORing the two conditions would
    # check every sheet (a second at 100,000 sheets).
    sheet_ids = PracticeSheetPage.objects.order_by().values("pk")
    adaptation_ids = through.objects.filter(
        to_practicesheetpage__translation_key=page.translation_key
    ).values("from_practicesheetpage")
    rows = [
        SimpleNamespace(**row, url=url_of(row["url_path"], request))
        for row in live_public(
            PracticeSheetPage.objects.filter(
                pk__in=sheet_ids.filter(is_source).union(adaptation_ids)
            )
        )
        .annotate(
            is_source=ExpressionWrapper(is_source, output_field=BooleanField()),
            is_adaptation=adapts_this,
            member_title=F("member__title"),
        )
        .order_by("pk")
        .values(
            "title",
            "url_path",
            "translation_key",
            "locale_id",
            "member_title",
            "is_source",
            "is_adaptation",
        )
    ]

    def localized(sheets):
        chosen = in_locale(sheets, page.locale_id)
        return sorted(chosen, key=lambda sheet: sheet.title.casefold())

    adaptations = localized([row for row in rows if row.is_adaptation])
    return (
        localized([row for row in rows if row.is_source]),
        [sheet for sheet in adaptations if sheet.translation_key != page.translation_key],
    )


def population_bracket(population):
    """(key, label) of the directory's population bracket, or None when unknown."""
    if population is None:
        return None
    for key, (label, low, high) in POPULATION_BRACKETS.items():
        if population >= low and (high is None or population < high):
            return key, label
    return None


def member_context(page):
    """The contributing member in the page's language, with what its authority tells."""
    if page.member_id is None:
        return None
    if page.member.locale_id == page.locale_id and page.member.live:
        # The sheet points to its own language's profile (a French sheet), loaded with it.
        versions = [page.member]
    else:
        versions = list(
            MemberPage.objects.filter(translation_key=page.member.translation_key)
            .select_related("authority")
            .order_by("pk")
        )
    live = [member for member in versions if member.live]
    members = in_locale(live, page.locale_id) or [m for m in versions if m.pk == page.member_id]
    if not members:
        return None
    member = members[0]
    authority = member.authority
    facts = []
    if authority.region:
        facts.append(
            {
                "label": _("Région"),
                "value": region_name(authority.region) or authority.region,
                "param": ("region", authority.region),
            }
        )
    facts.append(
        {"label": _("Type"), "value": authority.kind_label, "param": ("kind", authority.kind)}
    )
    bracket = population_bracket(authority.population)
    if bracket:
        facts.append(
            {"label": _("Population"), "value": bracket[1], "param": ("population", bracket[0])}
        )
    return {"page": member if member.live else None, "title": member.title, "facts": facts}


def localized_principles(page, rows):
    """The charter principles the sheet illustrates, in its language, by their order."""
    principles = in_locale([row for row in rows if row.kind == "principles"], page.locale_id)
    return sorted(principles, key=lambda principle: principle.sort_order or 0)


def principles_context(principles, shell, request):
    """Each principle with its number and its anchor on the charter in the page's language
    (found by the site's shell, see `PracticeSheetPage.linked_page_ids`)."""
    illustrated = []
    for principle in principles:
        charter = shell.localized_pages.get(principle.page_id)
        number = (principle.sort_order or 0) + 1
        url = f"{charter.get_url(request)}#principe-{number}" if charter else None
        illustrated.append({"number": number, "title": principle.name, "url": url})
    return illustrated


def contact_context(page, member, rows):
    """The sheet's own contact, else the member's pair."""
    if page.contact_name or page.contact_email:
        return [{"name": page.contact_name, "email": page.contact_email}]
    if member is None or member["page"] is None:
        return []
    representatives = sorted(
        (row for row in rows if row.kind == "representatives" and row.page_id == member["page"].pk),
        key=lambda row: (row.sort_order is None, row.sort_order or 0, row.pk),
    )
    return [
        {"name": person.name, "role": Representative.Role(person.slug).label, "email": person.email}
        for person in representatives
    ]


def documents_context(page):
    """The attached documents with their type and size (measured when the upload did not
    record it)."""
    documents = []
    for item in page.documents.select_related("document"):
        document = item.document
        size = document.file_size
        if size is None:
            try:
                size = document.file.size
            except (OSError, ValueError):
                size = None
        documents.append(
            {
                "url": document.url,
                "title": item.title or document.title,
                "type": document.file_extension.upper(),
                "size": size,
            }
        )
    return documents


def sheet_context(page, request):
    library = page.get_parent()
    library_url = library.get_url(request) if library else None
    member = member_context(page)
    rows = relation_rows(page, page.member if page.member_id else None)
    principles = localized_principles(page, rows)
    # Before the site's shell is computed (once per request), which finds the charter in
    # the page's language with the pages it links to.
    page.principle_charter_ids = [principle.page_id for principle in principles]
    shell = chrome(request, page)
    terms = localized_terms(page, rows)
    taxonomies = [
        {"name": field, "heading": heading, "terms": terms[field], "param": param}
        for field, _model, param, heading in TAXONOMIES
        if terms[field]
    ]
    adapted_from, adaptations = related_sheets(page, request)
    return {
        "library_url": library_url,
        "member": member,
        "taxonomies": taxonomies,
        "illustrated_principles": principles_context(principles, shell, request),
        "documents": documents_context(page),
        "contacts": contact_context(page, member, rows),
        "adapted_from": adapted_from,
        "adaptations": adaptations,
    }
