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
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.utils.translation import gettext_lazy as _

from home.queries import live_public
from members.models import MemberPage
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


def localized_terms(page):
    """The sheet's terms of each taxonomy, in its language and by their order: one query for
    the three taxonomies."""
    versions = [
        model.objects.filter(translation_key__in=translation_keys(getattr(page, field).all()))
        .annotate(taxonomy=Value(field, output_field=CharField()))
        .values("pk", "translation_key", "locale_id", "name", "slug", "sort_order", "taxonomy")
        for field, model, _param, _heading in TAXONOMIES
    ]
    rows = sorted(versions[0].union(*versions[1:], all=True), key=lambda row: row["pk"])
    terms = {}
    for field, *_rest in TAXONOMIES:
        chosen = in_locale(
            [SimpleNamespace(**row) for row in rows if row["taxonomy"] == field], page.locale_id
        )
        terms[field] = sorted(chosen, key=lambda term: (term.sort_order, term.name.casefold()))
    return terms


def related_sheets(page):
    """The sheets this one is adapted from, and those adapted from it, in its language: one
    query."""
    through = PracticeSheetPage.adapted_from.through
    adapts_this = Exists(
        through.objects.filter(
            from_practicesheetpage=OuterRef("pk"),
            to_practicesheetpage__translation_key=page.translation_key,
        )
    )
    is_source = Q(translation_key__in=translation_keys(page.adapted_from.all()))
    rows = list(
        live_public(PracticeSheetPage.objects.filter(is_source | adapts_this))
        .annotate(
            is_source=ExpressionWrapper(is_source, output_field=BooleanField()),
            is_adaptation=adapts_this,
        )
        .select_related("member")
        .order_by("pk")
    )

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


def principles_context(page, request):
    """The charter principles the sheet illustrates, with their number and their anchor
    on the charter in the page's language."""
    versions = (
        Principle.objects.filter(translation_key__in=translation_keys(page.principles.all()))
        .filter(page__live=True)
        .select_related("page")
        .order_by("pk")
    )
    principles = sorted(in_locale(versions, page.locale_id), key=lambda p: p.sort_order or 0)
    return [
        {
            "number": principle.number,
            "title": principle.title,
            "url": f"{principle.page.get_url(request)}#{principle.anchor}",
        }
        for principle in principles
    ]


def contact_context(page, member):
    """The sheet's own contact, else the member's pair."""
    if page.contact_name or page.contact_email:
        return [{"name": page.contact_name, "email": page.contact_email}]
    if member is None or member["page"] is None:
        return []
    return [
        {"name": person.name, "role": person.get_role_display(), "email": person.email}
        for person in member["page"].representatives.all()
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
    terms = localized_terms(page)
    taxonomies = [
        {"name": field, "heading": heading, "terms": terms[field], "param": param}
        for field, _model, param, heading in TAXONOMIES
        if terms[field]
    ]
    adapted_from, adaptations = related_sheets(page)
    return {
        "library_url": library_url,
        "member": member,
        "taxonomies": taxonomies,
        "illustrated_principles": principles_context(page, request),
        "documents": documents_context(page),
        "contacts": contact_context(page, member),
        "adapted_from": adapted_from,
        "adaptations": adaptations,
    }
