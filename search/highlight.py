"""The matching passage of each result, query words marked: PostgreSQL's `ts_headline` with
the language's rules, or, on SQLite, accent-folded words found in Python. Escaped HTML in
both cases, whatever the page text holds. Also the query words as SQLite searches them."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .batch import Batch
from .documents import uses_postgres
from .text import START_MARK, STOP_MARK, fold, fold_in_place, folded_pattern, marked

HEADLINE_OPTIONS = (
    f'MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter=" … ", '
    f'StartSel="{START_MARK}", StopSel="{STOP_MARK}"'
)
TITLE_HEADLINE_OPTIONS = f'HighlightAll=true, StartSel="{START_MARK}", StopSel="{STOP_MARK}"'
# ts_headline reads the whole text it is given, stemming every word: it gets this much
# around the first place where a word of the query seems to be, some 150 words for its two
# fragments of 28. Twice as much cost 3 ms more for a page of 20 results.
WINDOW_BEFORE, WINDOW_AFTER = 300, 700
PASSAGE_WORDS = 40

_PHRASE = re.compile(r'(-?)"([^"]*)"')
_WORD = re.compile(r"\w+")
# Words too common to mean anything, French and English.
SIMPLE_STOP_WORDS = frozenset(
    "a au aux avec ce ces d dans de des du elle en et il ils l la le les leur lui ma mais me "  # noqa: SIM905
    "mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu "
    "un une vos votre vous y the of and to in for".split()
)


def simple_terms(query):
    """(terms to find, terms to exclude) of a query, accent-folded, plurals without their s
    or x; quoted phrases are one term."""

    def stem(word):
        return word[:-1] if len(word) > 3 and word[-1] in "sx" else word

    include, exclude = [], []
    for negative, phrase in _PHRASE.findall(query):
        words = [stem(word) for word in _WORD.findall(fold(phrase))]
        if words:
            (exclude if negative else include).append(" ".join(words))
    for token in _PHRASE.sub(" ", query).split():
        negative = token.startswith("-")
        for word in _WORD.findall(fold(token)):
            if word not in SIMPLE_STOP_WORDS and word != "or":
                (exclude if negative else include).append(stem(word))
    return include, exclude


def truncate_words(text, count=PASSAGE_WORDS):
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def first_match(text, terms):
    """Where the first of the terms seems to be in the text (accent-folded, its first five
    letters), or None."""
    prefixes = tuple(sorted({term[:5] for term in terms if term}))
    match = folded_pattern(prefixes).search(text or "") if prefixes else None
    return match.start() if match else None


def window(text, terms):
    """The part of a long text where the query's words seem to be, cut between words."""
    position = first_match(text, terms) or 0
    start = max(0, position - WINDOW_BEFORE)
    if start:
        start = text.find(" ", start) + 1
    end = text.rfind(" ", 0, position + WINDOW_AFTER) if len(text) > position + WINDOW_AFTER else -1
    return text[start : end if end > start else None]


def mark_terms(text, terms):
    """Escaped text with the words that start with a term marked."""
    if not terms:
        return escape(text)
    folded = fold_in_place(text)
    spans = sorted(
        match.span()
        for term in terms
        for match in re.finditer(r"\b" + re.escape(term) + r"\w*", folded)
    )
    out, last = [], 0
    for start, end in spans:
        if start >= last:
            out.append(f"{escape(text[last:start])}<mark>{escape(text[start:end])}</mark>")
            last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308


def passage_around(text, terms):
    position = first_match(text, terms)
    if position is None:
        return truncate_words(text)
    start = text.rfind(" ", 0, max(0, position - 80)) + 1
    return ("… " if start else "") + truncate_words(text[start:])


def highlight(texts, query, config, then, batch=None):
    """`then` gets the (title HTML, passage HTML) of each (title, text): query words marked,
    escaped. One query on PostgreSQL (`config` is the text search configuration), sent with
    the `batch` when one is given (then `then` is called when it runs), none elsewhere."""
    if not texts:
        then([])
        return
    if not query:
        then([(escape(title), escape(truncate_words(text))) for title, text in texts])
        return
    terms = simple_terms(query)[0]
    if config and uses_postgres():
        now = batch is None
        batch = batch or Batch()
        batch.add(
            """
            SELECT ts_headline(%s::regconfig, t.title, q.query, %s),
                ts_headline(%s::regconfig, t.body, q.query, %s)
            FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS t(title, body, n)
            CROSS JOIN (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query) q
            ORDER BY t.n
            """,
            [
                config,
                TITLE_HEADLINE_OPTIONS,
                config,
                HEADLINE_OPTIONS,
                [title for title, _text in texts],
                [window(text, terms) for _title, text in texts],
                config,
                query,
            ],
            lambda rows: then([(marked(title), marked(passage)) for title, passage in rows]),
        )
        if now:
            batch.run()
        return
    then(
        [
            (mark_terms(title, terms), mark_terms(passage_around(text, terms), terms))
            for title, text in texts
        ]
    )
