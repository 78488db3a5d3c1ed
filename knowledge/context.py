"""What the practice-sheet page shows, computed in a number of queries that does not grow
with the number of terms, principles, links or documents of the sheet.

A translated sheet keeps its relations in sync with the French original: its member, its
taxonomy terms, its principles and its "adapted from" links point to French objects. Each
of them is shown in the page's language (its translation with the same translation key),
else as it is."""

from types import SimpleNamespace

from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from home.chrome import chrome
from home.page_urls import url_of
from members.models import MemberPage, Representative
from members.models.directory import POPULATION_BRACKETS
from members.referential import region_name

from .models.practices import PracticeSheetPage
from .models.taxonomy import Audience, Phase, Theme

# (field of the sheet, taxonomy, filter parameter of the library, heading)
TAXONOMIES = [
    ("phases", Phase, "phase", _("Phases du budget")),
    ("themes", Theme, "theme", _("Thèmes")),
    ("audiences", Audience, "audience", _("Publics visés")),
]


def in_locale(versions, locale_id):
    """One object per translation key out of `versions` (every language version of some
    objects): the one in `locale_id`, else the first other, in the order of `versions`."""
    chosen = {}
    for version in versions:
        current = chosen.get(version.translation_key)
        if current is None or (version.locale_id == locale_id and current.locale_id != locale_id):
            chosen[version.translation_key] = version
    return list(chosen.values())


def related_ids(page, field):
    """SQL giving the ids of the objects the sheet's `field` relates it to, with its
    parameters: a read of the link table, or the ids themselves where the relation is in
    memory (a preview, whose relations are unsaved)."""
    related = getattr(page, field).all()
    if isinstance(related, QuerySet):
        link = PracticeSheetPage._meta.get_field(field)
        sql = (
            f"SELECT {link.m2m_reverse_name()} FROM {link.m2m_db_table()}"
            f" WHERE {link.m2m_column_name()} = %(sheet)s"
        )
        return sql, {}
    ids = {f"{field}_{number}": obj.pk for number, obj in enumerate(related)}
    return ", ".join(f"%({name})s" for name in ids) or "NULL", ids


# What the page shows of the objects the sheet relates to, in every language: its
# principles (of a live charter), its taxonomy terms, the representatives of its member and
# the live public sheets related to it (every version of those it is adapted from, those
# adapted from one of its versions but its own versions), with their member's title. In SQL:
# the ORM took 10 ms of Python (on a slow machine) to build the same union, for a query that
# runs in under a millisecond. {principles} and the like are `related_ids`. Principles come
# first: the union's columns take their names from its first part, and PostgreSQL their
# types from its first parts (where a NULL would be text).
RELATIONS = """
SELECT 'principles' AS kind, p.id AS pk, p.translation_key, p.locale_id, p.title AS name,
    '' AS slug, p.sort_order, p.page_id, '' AS email
FROM knowledge_principle p JOIN wagtailcore_page charter ON charter.id = p.page_id
WHERE charter.live AND p.translation_key IN (
    SELECT translation_key FROM knowledge_principle WHERE id IN ({principles}))
{taxonomies}
UNION ALL
SELECT 'representatives', r.id, member.translation_key, member.locale_id, r.name, r.role,
    r.sort_order, r.page_id, r.email
FROM members_representative r JOIN wagtailcore_page member ON member.id = r.page_id
WHERE member.translation_key = (SELECT translation_key FROM wagtailcore_page WHERE id = %(member)s)
UNION ALL
SELECT related.kind, sheet.id, sheet.translation_key, sheet.locale_id, sheet.title,
    sheet.url_path, NULL, NULL, member.title
FROM (
    SELECT 'adapted_from' AS kind, id FROM wagtailcore_page WHERE translation_key IN (
        SELECT translation_key FROM wagtailcore_page WHERE id IN ({adapted_from}))
    UNION ALL
    SELECT 'adaptations', link.from_practicesheetpage_id
    FROM knowledge_practicesheetpage_adapted_from link
    JOIN wagtailcore_page adapted ON adapted.id = link.to_practicesheetpage_id
    JOIN wagtailcore_page adapter ON adapter.id = link.from_practicesheetpage_id
    WHERE adapted.translation_key = (
        SELECT translation_key FROM wagtailcore_page WHERE id = %(sheet)s
    ) AND adapter.translation_key <> adapted.translation_key
) related
JOIN wagtailcore_page sheet ON sheet.id = related.id
JOIN knowledge_practicesheetpage practice ON practice.page_ptr_id = sheet.id
JOIN wagtailcore_page member ON member.id = practice.member_id
WHERE sheet.live AND NOT EXISTS (
    -- A view restriction on the sheet or an ancestor, as home.queries.restricted_section.
    SELECT 1 FROM wagtailcore_pageviewrestriction restriction
    JOIN wagtailcore_page restricted ON restricted.id = restriction.page_id
    WHERE restricted.path = SUBSTR(sheet.path, 1, LENGTH(restricted.path))
)
"""

TAXONOMY = """UNION ALL
SELECT '{field}', t.id, t.translation_key, t.locale_id, t.name, t.slug, t.sort_order, NULL, ''
FROM {table} t
WHERE t.translation_key IN (SELECT translation_key FROM {table} WHERE id IN ({ids}))"""


def relation_rows(page):
    """The rows of `RELATIONS`, one query, by kind (a field of the sheet, "adaptations" or
    "representatives") and pk. A representative's role is its slug; a sheet's title, url
    path and member's title are its name, slug and email."""
    params = {"sheet": page.pk, "member": page.member_id}
    fields = {}
    for field in ["principles", "adapted_from", *(name for name, *_rest in TAXONOMIES)]:
        fields[field], ids = related_ids(page, field)
        params.update(ids)
    taxonomies = "\n".join(
        TAXONOMY.format(field=field, table=model._meta.db_table, ids=fields[field])
        for field, model, _param, _heading in TAXONOMIES
    )
    with connection.cursor() as cursor:
        cursor.execute(RELATIONS.format(taxonomies=taxonomies, **fields), params)
        columns = [column[0] for column in cursor.description]
        rows = [SimpleNamespace(**dict(zip(columns, row, strict=True))) for row in cursor]
    return sorted(rows, key=lambda row: (row.kind, row.pk))


def localized_terms(page, rows):
    """The sheet's terms of each taxonomy, in its language and by their order."""
    terms = {}
    for field, *_rest in TAXONOMIES:
        chosen = in_locale([row for row in rows if row.kind == field], page.locale_id)
        terms[field] = sorted(chosen, key=lambda term: (term.sort_order, term.name.casefold()))
    return terms


def related_sheets(page, rows, request):
    """The sheets this one is adapted from, and those adapted from it, in its language, as
    links (title, url, member's name)."""

    def localized(kind):
        versions = [
            SimpleNamespace(
                title=row.name,
                url=url_of(row.slug, request),
                translation_key=row.translation_key,
                locale_id=row.locale_id,
                member_title=row.email,
            )
            for row in rows
            if row.kind == kind
        ]
        return sorted(in_locale(versions, page.locale_id), key=lambda sheet: sheet.title.casefold())

    return localized("adapted_from"), localized("adaptations")


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


def principles_context(principles, shell):
    """Each principle with its number and its anchor on the charter in the page's language
    (found by the site's shell, see `PracticeSheetPage.linked_page_ids`)."""
    illustrated = []
    for principle in principles:
        charter = shell.localized_pages.get(principle.page_id)
        number = (principle.sort_order or 0) + 1
        url = f"{charter.link}#principe-{number}" if charter else None
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
    library_url = url_of(library.url_path, request) if library else None
    member = member_context(page)
    rows = relation_rows(page)
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
    adapted_from, adaptations = related_sheets(page, rows, request)
    return {
        "library_url": library_url,
        "member": member,
        "taxonomies": taxonomies,
        "illustrated_principles": principles_context(principles, shell),
        "documents": documents_context(page),
        "contacts": contact_context(page, member, rows),
        "adapted_from": adapted_from,
        "adaptations": adaptations,
    }
