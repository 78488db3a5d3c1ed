import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FACET_COLUMNS = ["phases", "themes", "audiences", "principles", "region", "kind", "population", "years"]

# The pairs of neighbouring words of a vector: "a~b" one position apart, "a~2~b" two apart
# (a stop word between them, as in "tirage au sort").
WORD_PAIRS_FUNCTION = """
CREATE OR REPLACE FUNCTION search_word_pairs(vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_to_tsvector(array_agg(DISTINCT p.pair)), ''::tsvector)
    FROM (
        SELECT lexeme, pos,
            lead(lexeme) OVER w AS next1, lead(pos) OVER w AS next1_pos,
            lead(lexeme, 2) OVER w AS next2, lead(pos, 2) OVER w AS next2_pos
        FROM unnest(vector) u, unnest(u.positions) AS pos
        WINDOW w AS (ORDER BY pos)
    ) words,
    LATERAL unnest(ARRAY[
        CASE next1_pos - pos WHEN 1 THEN lexeme || '~' || next1
            WHEN 2 THEN lexeme || '~2~' || next1 END,
        CASE WHEN next2_pos - pos = 2 THEN lexeme || '~2~' || next2 END
    ]) AS p(pair)
    WHERE p.pair IS NOT NULL
$$
"""

# The counts the library shows before any search: recomputed after each statement that
# changes the search table, under a lock, so that two publishes at once both count; once at
# the end of `rebuild_practice_search`, which sets search.defer_summary meanwhile.
SUMMARY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION search_refresh_facet_summary() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE search_facetsummary IN EXCLUSIVE MODE;
    DELETE FROM search_facetsummary;
    INSERT INTO search_facetsummary (locale_id, rows)
    SELECT locale_id, jsonb_agg(jsonb_build_array(
        {", ".join(f"g_{c}" for c in FACET_COLUMNS)}, 0, {", ".join(FACET_COLUMNS)}, count))
    FROM (
        SELECT locale_id, {", ".join(f"GROUPING({c}) AS g_{c}" for c in FACET_COLUMNS)},
            {", ".join(FACET_COLUMNS)}, count(*) AS count
        FROM search_practicesearchdocument
        GROUP BY GROUPING SETS ((locale_id), {", ".join(f"(locale_id, {c})" for c in FACET_COLUMNS)})
    ) s
    GROUP BY locale_id;
END
$$
"""
SUMMARY_TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION search_facet_summary_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('search.defer_summary', true), '') <> 'on' THEN
        PERFORM search_refresh_facet_summary();
    END IF;
    RETURN NULL;
END
$$
"""

POSTGRES_SQL = [
    WORD_PAIRS_FUNCTION,
    """
    DO $$ BEGIN
        ALTER TABLE search_practicesearchdocument ALTER COLUMN text SET COMPRESSION lz4;
        ALTER TABLE search_practicesearchdocument ALTER COLUMN word_pairs SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
    END $$
    """,
    "CREATE INDEX search_practice_word_pairs ON search_practicesearchdocument "
    "USING gin (word_pairs)",
    SUMMARY_FUNCTION,
    SUMMARY_TRIGGER_FUNCTION,
    "CREATE TRIGGER search_facet_summary AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
    "ON search_practicesearchdocument FOR EACH STATEMENT "
    "EXECUTE FUNCTION search_facet_summary_trigger()",
]
POSTGRES_REVERSE_SQL = [
    "DROP TRIGGER IF EXISTS search_facet_summary ON search_practicesearchdocument",
    "DROP FUNCTION IF EXISTS search_facet_summary_trigger()",
    "DROP FUNCTION IF EXISTS search_refresh_facet_summary()",
    "DROP INDEX IF EXISTS search_practice_word_pairs",
    "DROP FUNCTION IF EXISTS search_word_pairs(tsvector)",
]


def postgres_only(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        # The documents are rebuilt from the pages: `manage.py rebuild_practice_search`.
        migrations.RunSQL("DELETE FROM search_practicesearchdocument", migrations.RunSQL.noop),
        migrations.RemoveField(model_name='practicesearchdocument', name='title_plain'),
        migrations.RemoveField(model_name='practicesearchdocument', name='text_plain'),
        migrations.AddField(
            model_name='practicesearchdocument',
            name='title',
            field=models.CharField(default='', max_length=255),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='practicesearchdocument',
            name='text',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='practicesearchdocument',
            name='folded',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='practicesearchdocument',
            name='word_pairs',
            field=django.contrib.postgres.search.SearchVectorField(null=True),
        ),
        migrations.AlterField(
            model_name='practicesearchdocument',
            name='locale',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale'),
        ),
        migrations.CreateModel(
            name='FacetSummary',
            fields=[
                ('locale', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='wagtailcore.locale')),
                ('rows', models.JSONField()),
            ],
            options={
                'verbose_name': 'décompte des facettes',
                'verbose_name_plural': 'décomptes des facettes',
            },
        ),
        migrations.RunPython(postgres_only(POSTGRES_SQL), postgres_only(POSTGRES_REVERSE_SQL)),
    ]
