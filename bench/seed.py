"""Seed the benchmark database with N practice sheets of varied French text.

    python -m bench.seed 10000              # from scratch: drop, create, migrate, demo, sheets
    python -m bench.seed --base             # only the base database: migrated, demo content,
                                            # library, taxonomies, about 200 more members
    python -m bench.seed 10000 --from-base  # a copy of the base database, then the sheets

Sheets are written in bulk (see bench/pages.py), then the practice search is rebuilt with
`manage.py rebuild_practice_search` when the project has that command; Wagtail's own index
(`update_index`) only with `--update-index`, as it takes minutes at 100,000 sheets. A
summary is written to bench/.results/seed-<N>.json for bench/run.py."""

import argparse
import datetime
import io
import json
import random
import sys
import time

import psycopg
from psycopg import sql

from bench import corpus, env

BENCH_MEMBERS = {"commune": 150, "epci": 25, "departement": 15, "region": 10}
# Communes drawn per population bracket, so that every bracket has members.
COMMUNE_BRACKETS = [(2_000, 10_000, 45), (10_000, 50_000, 60), (50_000, 200_000, 35)]
CHUNK = 5_000
FIRST_PUBLISHED = datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC)
PUBLISHED_SPAN = int(datetime.timedelta(days=7 * 365).total_seconds())
EPCI_PREFIXES = {
    "CA ": "la communauté d'agglomération ",
    "CC ": "la communauté de communes ",
    "CU ": "la communauté urbaine ",
}
QUERY_WORDS = [corpus.FREQUENT, corpus.RARE, corpus.NO_MATCH, *corpus.PHRASE.split()]


def log(message):
    print(f"  … {message}", flush=True)


def recreate_database(name, template=None):
    """Drop `name` (closing its connections) and create it empty, or as a copy."""
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create = sql.SQL("{} TEMPLATE {}").format(create, sql.Identifier(template))
    with psycopg.connect(env.database_url("postgres"), autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(create)


def database_exists(name):
    with psycopg.connect(env.database_url("postgres"), autocommit=True) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        return connection.execute(query, [name]).fetchone() is not None


def vacuum_analyze(name):
    """Fresh statistics and visibility map, as a database in service has."""
    with psycopg.connect(env.database_url(name), autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")


def place_name(authority):
    """The name as sheets write it: "la communauté d'agglomération du Libournais"."""
    for prefix, words in EPCI_PREFIXES.items():
        if authority.name.startswith(prefix):
            return words + authority.name[len(prefix) :]
    return authority.name


def build_base():
    """Migrate, load the demo content, and add what the demo lacks for the benchmark."""
    from django.core.management import call_command
    from django.db import transaction

    from knowledge.models import Audience, Phase, Theme

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated ({time.monotonic() - started:.1f} s)")
    started = time.monotonic()
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    summary = [line for line in output.getvalue().splitlines() if "Demo content" in line]
    log(f"{summary[0].strip() if summary else 'demo content'} ({time.monotonic() - started:.1f} s)")
    with transaction.atomic():
        home = home_page()
        library = ensure_library(home)
        principles = ensure_principles(home)
        for model, terms in (
            (Phase, corpus.PHASES),
            (Theme, corpus.THEMES),
            (Audience, corpus.AUDIENCES),
        ):
            ensure_terms(model, terms, home.locale)
        members = add_members(home)
    log(
        f"practice library {library.url}, {len(principles)} principles, "
        f"{members} more member profiles"
    )


def home_page():
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="fr")


def ensure_library(home):
    """The demo's practice library, or a new one at /fiches-pratiques/."""
    from knowledge.models import PracticeLibraryPage

    library = PracticeLibraryPage.objects.filter(locale=home.locale).first()
    if library is None:
        library = PracticeLibraryPage(
            title="Fiches pratiques",
            slug="fiches-pratiques",
            intro="Les pratiques des collectivités membres, racontées par elles-mêmes.",
        )
        home.add_child(instance=library)
        library.save_revision().publish()
    return library


def ensure_principles(home):
    """The charter's principles, with a charter when the demo has none."""
    from knowledge.models import CharterPage, Principle

    charter = CharterPage.objects.filter(locale=home.locale).first()
    if charter is None:
        charter = CharterPage(
            title="La charte des budgets participatifs",
            slug="charte",
            intro="Texte d'exemple : les principes de la charte, résumés.",
            principles=[
                Principle(locale=home.locale, title=title, statement=statement, sort_order=n)
                for n, (title, statement) in enumerate(corpus.PRINCIPLES)
            ],
        )
        home.add_child(instance=charter)
        charter.save_revision().publish()
    return list(charter.principles.order_by("sort_order").values_list("pk", flat=True))


def ensure_terms(model, terms, locale):
    """Taxonomy terms by slug, created when missing; returns {slug: id}."""
    existing = dict(model.objects.filter(locale=locale).values_list("slug", "pk"))
    for order, (slug, name) in enumerate(terms):
        if slug not in existing:
            existing[slug] = model.objects.create(
                locale=locale, slug=slug, name=name, sort_order=order
            ).pk
    return existing


def add_members(home, seed=2019):
    """Member profiles for authorities of every kind, région and size, so that the
    library's facets have many values."""
    from django.db.models import Q
    from django.utils.text import slugify

    from bench.pages import PageWriter
    from members.models import Authority, MemberIndexPage, MemberPage
    from members.referential import normalize

    rng = random.Random(seed)
    used = set(MemberPage.objects.values_list("authority_id", flat=True))
    candidates = Authority.objects.exclude(pk__in=used).order_by("kind", "code")
    for word in QUERY_WORDS:
        candidates = candidates.exclude(search_name__contains=normalize(word))
    chosen = []
    for low, high, count in COMMUNE_BRACKETS:
        pool = list(candidates.filter(kind="commune", population__gte=low, population__lt=high))
        chosen += rng.sample(pool, count)
    chosen += list(candidates.filter(kind="commune", population__gte=200_000))
    for kind in ("epci", "departement", "region"):
        pool = list(candidates.filter(Q(kind=kind), ~Q(region="")))
        chosen += rng.sample(pool, min(len(pool), BENCH_MEMBERS[kind]))

    index = MemberIndexPage.objects.get(locale=home.locale)
    writer = PageWriter(MemberPage, index)
    rows = []
    for authority in chosen:
        year = rng.randint(2014, 2024)
        joined = datetime.date(2022, 11, 8) + datetime.timedelta(days=rng.randint(0, 1000))
        rows.append(
            {
                "title": authority.name,
                "slug": slugify(authority.name) or authority.code,
                "first_published_at": datetime.datetime.combine(
                    joined, datetime.time(9), datetime.UTC
                ),
                "authority_id": authority.pk,
                "membership_date": joined,
                "charter_adopted_on": joined if rng.random() < 0.7 else None,
                "platform": rng.choice([choice for choice, _label in MemberPage.Platform.choices]),
                "presentation": (
                    f"{authority.name} mène un budget participatif depuis {year}. "
                    "Profil d'exemple créé pour les mesures de performance."
                ),
            }
        )
    writer.add(rows)
    writer.finish()
    return len(rows)


def add_sheets(count, seed=2019):
    """Write `count` practice sheets under the library, with their taxonomy links.
    Returns the number of rows written per table."""
    from django.db import transaction
    from django.utils.text import slugify

    from bench.pages import PageWriter, write_rows
    from knowledge.models import (
        Audience,
        Phase,
        PracticeLibraryPage,
        PracticeSheetPage,
        Principle,
        Theme,
    )
    from members.models import MemberPage

    home = home_page()
    library = PracticeLibraryPage.objects.get(locale=home.locale)
    members = [
        (member.pk, place_name(member.authority))
        for member in MemberPage.objects.filter(locale=home.locale)
        .select_related("authority")
        .order_by("pk")
    ]
    links = {
        "phases": dict(Phase.objects.filter(locale=home.locale).values_list("slug", "pk")),
        "themes": dict(Theme.objects.filter(locale=home.locale).values_list("slug", "pk")),
        "audiences": dict(Audience.objects.filter(locale=home.locale).values_list("slug", "pk")),
        "principles": dict(
            enumerate(
                Principle.objects.filter(page__locale=home.locale)
                .order_by("page_id", "sort_order")
                .values_list("pk", flat=True)
            )
        ),
    }
    tables = {}
    for name in links:
        field = PracticeSheetPage._meta.get_field(name)
        tables[name] = (
            field.remote_field.through._meta.db_table,
            [field.m2m_column_name(), field.m2m_reverse_name()],
        )
    rows_written = {"pages": 0, **{table: 0 for table, _columns in tables.values()}}
    generator = corpus.SheetGenerator(seed)
    started = time.monotonic()
    with transaction.atomic():
        writer = PageWriter(PracticeSheetPage, library)
        for chunk_start in range(1, count + 1, CHUNK):
            indexes = range(chunk_start, min(chunk_start + CHUNK, count + 1))
            rows, texts = [], []
            for index in indexes:
                rng = random.Random(f"{seed}:{index}:member")
                member_id, place = rng.choice(members)
                text = generator.generate(index, place)
                texts.append(text)
                rows.append(
                    {
                        "title": text.title,
                        "slug": slugify(text.title)[:80].rstrip("-"),
                        "first_published_at": FIRST_PUBLISHED
                        + datetime.timedelta(seconds=rng.randrange(PUBLISHED_SPAN)),
                        "member_id": member_id,
                        "summary": text.summary,
                        "easy_read_summary": text.easy_read_summary,
                        "year_start": text.year_start,
                        "year_end": text.year_end,
                        "cost": text.cost,
                        "staff_effort": text.staff_effort,
                        "context": text.context,
                        "method": text.method,
                        "results": text.results,
                        "lessons": text.lessons,
                        "resources": text.resources,
                    }
                )
            ids = writer.add(rows)
            rows_written["pages"] += len(ids)
            for name, (table, columns) in tables.items():
                terms = links[name]
                pairs = [
                    (page_id, terms[key])
                    for page_id, text in zip(ids, texts, strict=True)
                    for key in getattr(text, name)
                    if key in terms
                ]
                write_rows(table, columns, pairs)
                rows_written[table] += len(pairs)
            done = indexes[-1]
            elapsed = time.monotonic() - started
            log(f"sheets {done:,}/{count:,} ({elapsed:.1f} s, {done / elapsed:,.0f}/s)")
        writer.finish()
    return rows_written


def rebuild_search(update_index):
    """The project's practice search table, and Wagtail's index when asked for."""
    from django.core.management import call_command, get_commands

    done = {}
    for command, wanted in (("rebuild_practice_search", True), ("update_index", update_index)):
        if not wanted:
            continue
        if command not in get_commands():
            log(f"{command}: not available in this version of the project, skipped")
            done[command] = None
            continue
        started = time.monotonic()
        # The table's rebuild shows its progress (minutes at 100,000 sheets); Wagtail's
        # index prints a line per model, kept out of the benchmark's output.
        shown = command == "rebuild_practice_search"
        call_command(command, stdout=sys.stdout if shown else io.StringIO())
        done[command] = round(time.monotonic() - started, 1)
        log(f"{command} ({done[command]} s)")
    return done


def describe(count):
    """What bench/run.py needs to know: URLs of the library and of sample sheets, and
    filter values that match frequent-word sheets."""
    from django.db.models import Count

    from knowledge.models import PracticeLibraryPage, PracticeSheetPage

    home = home_page()
    library = PracticeLibraryPage.objects.get(locale=home.locale)
    sheets = PracticeSheetPage.objects.child_of(library).live().order_by("pk")
    total = sheets.count()
    step = max(1, total // 50)
    sample_ids = list(sheets.values_list("pk", flat=True)[::step][:50])
    sample = PracticeSheetPage.objects.filter(pk__in=sample_ids).order_by("pk")
    region = (
        sheets.exclude(member__authority__region="")
        .values("member__authority__region")
        .annotate(sheets=Count("pk"))
        .order_by("-sheets", "member__authority__region")
        .first()
    )
    return {
        "n": count,
        "sheets": total,
        "library_url": library.url,
        "sheet_urls": [sheet.url for sheet in sample],
        "filters": {
            "theme": corpus.SCHOOL_THEME,
            "region": region["member__authority__region"] if region else "",
        },
        "queries": {
            "frequent": corpus.FREQUENT,
            "rare": corpus.RARE,
            "phrase": f'"{corpus.PHRASE}"',
            "no_match": corpus.NO_MATCH,
        },
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", help="number of practice sheets")
    parser.add_argument("--base", action="store_true", help="build only the base database")
    parser.add_argument("--from-base", action="store_true", help="copy the base database")
    parser.add_argument("--update-index", action="store_true", help="run update_index too")
    parser.add_argument("--seed", type=int, default=2019, help="random seed of the text")
    options = parser.parse_args(argv)
    if options.base == (options.count is not None):
        parser.error("give a number of sheets, or --base")

    started = time.monotonic()
    steps = {}
    if options.base:
        print(f"Building the base database {env.BASE_DATABASE}", flush=True)
        recreate_database(env.BASE_DATABASE)
        env.setup_django(env.BASE_DATABASE)
        build_base()
        from django.db import connection

        connection.close()
        print(f"Base database ready in {time.monotonic() - started:.1f} s", flush=True)
        return

    database = env.DATABASE
    print(f"Seeding {database} with {options.count:,} practice sheets", flush=True)
    if options.from_base:
        if not database_exists(env.BASE_DATABASE):
            sys.exit(f"No {env.BASE_DATABASE} database: run `python -m bench.seed --base`.")
        recreate_database(database, template=env.BASE_DATABASE)
        env.setup_django(database)
        from django.core.management import call_command

        # The code may have new migrations since the base database was built.
        call_command("migrate", interactive=False, verbosity=0)
        log(f"copied from {env.BASE_DATABASE}, migrated")
    else:
        recreate_database(database)
        env.setup_django(database)
        build_base()
    steps["base"] = round(time.monotonic() - started, 1)

    from django.db import connection

    sheets_started = time.monotonic()
    rows = add_sheets(options.count, seed=options.seed)
    steps["sheets"] = round(time.monotonic() - sheets_started, 1)
    steps.update(rebuild_search(options.update_index))
    connection.close()
    vacuum_started = time.monotonic()
    vacuum_analyze(database)
    steps["vacuum_analyze"] = round(time.monotonic() - vacuum_started, 1)
    log(f"vacuum analyze ({steps['vacuum_analyze']} s)")

    summary = describe(options.count)
    connection.close()
    summary.update(rows=rows, seconds=steps, total_seconds=round(time.monotonic() - started, 1))
    env.RESULTS_DIR.mkdir(exist_ok=True)
    (env.RESULTS_DIR / f"seed-{options.count}.json").write_text(json.dumps(summary, indent=2))
    row_count = sum(rows.values())
    print(
        f"Seeded {options.count:,} sheets in {summary['total_seconds']} s "
        f"(sheets and links: {steps['sheets']} s, {row_count:,} rows: "
        + ", ".join(f"{table} {n:,}" for table, n in rows.items())
        + ")",
        flush=True,
    )


if __name__ == "__main__":
    with env.exclusive():
        main()
