"""The member directory: every member authority, with filters, sorting and totals."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from home.memo import per_generation
from home.models import BasePage
from home.queries import live_public
from members.columns import EDITION_COLUMNS, MEMBER_COLUMNS
from members.figures import member_rows, totals, with_figures
from members.templatetags.member_tags import MISSING, Figures

from .authority import Authority

POPULATION_BRACKETS = {
    "lt10k": (_("moins de 10 000 habitants"), 0, 10_000),
    "10k-50k": (_("de 10 000 à 50 000 habitants"), 10_000, 50_000),
    "50k-200k": (_("de 50 000 à 200 000 habitants"), 50_000, 200_000),
    "gt200k": (_("plus de 200 000 habitants"), 200_000, None),
}
# By name means in French alphabetical order ("Échirolles" before "Grenoble"): the
# referential's accent-free name, as the databases' collation would put "É" after "Z".
# Every order ends by name, so that pages never share or skip a member.
BY_NAME = [F("authority__search_name").asc(), F("title").asc(), F("pk").asc()]
SORTS = {
    "name": (_("nom"), BY_NAME),
    "population": (_("population"), [F("authority__population").desc(nulls_last=True), *BY_NAME]),
    "per_inhabitant": (
        _("euros par habitant"),
        [F("amount_per_inhabitant").desc(nulls_last=True), *BY_NAME],
    ),
}


# What a member's card shows, read as plain rows rather than pages.
CARD_FIELDS = (
    "title",
    "url_path",
    "authority__kind",
    "authority__epci_type",
    "authority__region",
    "authority__population",
    "latest_amount",
    "latest_year",
    "amount_per_inhabitant",
)


def member_card(row, request, figures):
    """A member's card from its row (CARD_FIELDS), formatted here once rather than by a
    template tag and filters per card (`figures`: a `member_tags.Figures`)."""
    from home.page_urls import url_of
    from members.referential import region_name

    region, population = row["authority__region"], row["authority__population"]
    return {
        "title": row["title"],
        "url": url_of(row["url_path"], request),
        "kind": Authority.label_of(row["authority__kind"], row["authority__epci_type"]),
        "region": (region_name(region) or region) if region else "",
        "population": (
            MISSING if population is None else figures.number(population, force_grouping=True)
        ),
        "latest_amount": figures.euros(row["latest_amount"]),
        "latest_year": row["latest_year"],
        "amount_per_inhabitant": figures.euros(row["amount_per_inhabitant"], 2),
    }


def column_list(columns):
    """The `<dt>`/`<dd>` pairs documenting a file's columns, joined here rather than by a
    template loop over some thirty columns."""
    return format_html_join("", "<dt><code>{}</code></dt><dd>{}</dd>", columns.items())


class MemberIndexPage(BasePage):
    """The member directory under the home page; member profiles are its children."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MemberPage"]
    max_count_per_parent = 1
    template = "pages/members/member_index_page.html"

    class Meta:
        verbose_name = _("annuaire des membres")
        verbose_name_plural = _("annuaires des membres")

    def members(self):
        from .profile import MemberPage

        return live_public(MemberPage.objects.child_of(self)).select_related("authority")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = self.members()
        # The figures of every member, for the totals and the filters' values: the same for
        # every request until a member, an authority or an edition changes (a new
        # generation of the page cache).
        rows = per_generation(request, ("member rows", self.pk), lambda: member_rows(members))
        context["totals"] = totals(rows)
        choices = self.filter_choices(rows)
        selected = self.selected_filters(request, choices)
        members = self.apply_filters(with_figures(members), selected)
        sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "name"
        paginator = Paginator(
            members.order_by(*SORTS[sort][1]).values(*CARD_FIELDS), settings.MEMBERS_PER_PAGE
        )
        if not selected:
            # Every member is listed: the rows already tell how many (Paginator.count is a
            # cached property; set, it spares a COUNT of the annotated query, 3 ms).
            paginator.count = len(rows)
        members_page = paginator.get_page(request.GET.get("page"))
        query = {**selected, "sort": sort} if sort != "name" else dict(selected)
        figures = Figures()
        context.update(
            members_page=members_page,
            member_cards=[member_card(row, request, figures) for row in members_page],
            page_range=paginator.get_elided_page_range(members_page.number),
            choices=choices,
            selected=selected,
            sort=sort,
            sorts={key: label for key, (label, _order) in SORTS.items()},
            filter_query=urlencode(query) + "&" if query else "",
            open_data_columns=[
                {"name": "membres.csv", "columns": column_list(MEMBER_COLUMNS)},
                {"name": "editions.csv", "columns": column_list(EDITION_COLUMNS)},
            ],
        )
        return context

    def filter_choices(self, rows):
        """The values each filter offers, from the rows of `member_rows()`."""
        from members.referential import region_name

        regions = sorted(
            {row.authority__region for row in rows if row.authority__region},
            key=lambda code: region_name(code) or code,
        )
        first_years = [row.first_year for row in rows]
        return {
            "kind": dict(Authority.Kind.choices),
            "region": {code: region_name(code) or code for code in regions},
            "population": {key: label for key, (label, _low, _high) in POPULATION_BRACKETS.items()},
            "start": {str(year): year for year in sorted({y for y in first_years if y})},
        }

    def selected_filters(self, request, choices):
        """Known values only: anything else in the URL is ignored, never an error."""
        return {
            name: request.GET[name] for name in choices if request.GET.get(name) in choices[name]
        }

    def apply_filters(self, members, selected):
        if "kind" in selected:
            members = members.filter(authority__kind=selected["kind"])
        if "region" in selected:
            members = members.filter(authority__region=selected["region"])
        if "population" in selected:
            _label, low, high = POPULATION_BRACKETS[selected["population"]]
            members = members.filter(authority__population__gte=low)
            if high is not None:
                members = members.filter(authority__population__lt=high)
        if "start" in selected:
            members = members.filter(first_year=int(selected["start"]))
        return members
