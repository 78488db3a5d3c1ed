"""The passage of each result where the query's words are, and its title, those words
marked, as escaped HTML whatever the text holds. A word is marked when its stem is that of
a word of the query: Snowball's French or English stemmer, the one PostgreSQL's text search
configurations use (search/migrations/0001), so that what is marked is what was matched.

In Python, on every database: PostgreSQL's `ts_headline` parsed and stemmed every word of a
thousand characters per result (5 ms for a page of twenty results, more than finding the
matches); here, only the words that start like a word of the query are stemmed. Also the
terms that SQLite searches, accent-folded."""

import re
from html import escape

from django.utils.safestring import mark_safe

import Stemmer

from .text import fold, folded_words

# A passage shows up to FRAGMENTS stretches of FRAGMENT_WORDS words, each starting
# WORDS_BEFORE words before a marked word, as PostgreSQL's ts_headline showed them.
FRAGMENTS = 2
FRAGMENT_WORDS = 28
WORDS_BEFORE = 8
# Without a marked word in the text (the title matched), its start.
PASSAGE_WORDS = 40
ELLIPSIS = " … "

_PHRASE = re.compile(r'(-?)"([^"]*)"')
_WORD = re.compile(r"\w+")
# Words too common to mean anything, French and English.
SIMPLE_STOP_WORDS = frozenset(
    "a au aux avec ce ces d dans de des du elle en et il ils l la le les leur lui ma mais me "  # noqa: SIM905
    "mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu "
    "un une vos votre vous y the of and to in for".split()
)


def query_parts(query):
    """(excluded, folded words, is a phrase) of each quoted phrase and each word of a query.
    Stop words and `or` are left out of words, not of phrases."""
    for negative, phrase in _PHRASE.findall(query):
        yield bool(negative), _WORD.findall(fold(phrase)), True
    for token in _PHRASE.sub(" ", query).split():
        words = [word for word in _WORD.findall(fold(token)) if word not in SIMPLE_STOP_WORDS]
        yield token.startswith("-"), [word for word in words if word != "or"], False


def simple_terms(query):
    """(terms to find, terms to exclude) of a query, as SQLite searches them: accent-folded,
    plurals without their s or x; a quoted phrase is one term."""

    def stem(word):
        return word[:-1] if len(word) > 3 and word[-1] in "sx" else word

    include, exclude = [], []
    for negative, words, phrase in query_parts(query):
        terms = [" ".join(map(stem, words))] if phrase and words else list(map(stem, words))
        (exclude if negative else include).extend(terms)
    return include, exclude


class Marker:
    """Finds the words of a text that stand for the words of a query: same stem."""

    def __init__(self, query, language_code):
        # One stemmer per search: PyStemmer's are not to be shared between threads.
        self.stemmer = Stemmer.Stemmer(
            "english" if (language_code or "").startswith("en") else "french"
        )
        self.stems = {
            self.stemmer.stemWord(word)
            for negative, words, _phrase in query_parts(query)
            if not negative
            for word in words
            if word not in SIMPLE_STOP_WORDS
        }
        # A stem is its word's start but for its last letter ("payer" → "pai", "travaux" →
        # "traval"): words are found by the start of their stems, then stemmed.
        starts = {stem[: max(1, min(len(stem) - 1, 5))] for stem in self.stems}
        self.pattern = folded_words(tuple(sorted(starts))) if starts else None
        self.known = {}  # the stem of each word met, as words recur

    def words(self, text, start=0, end=None):
        """(start, end) of each word of text[start:end] whose stem is one of the query's."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text, start, len(text) if end is None else end):
            word = match.group()
            stem = self.known.get(word)
            if stem is None:
                stem = self.known[word] = self.stemmer.stemWord(fold(word))
            if stem in self.stems:
                yield match.span()


def truncate_words(text, count=PASSAGE_WORDS):
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def fragment_start(text, position):
    """Where the fragment around the word at `position` starts: WORDS_BEFORE words before
    it (words are what spaces separate: the texts are stored with single spaces)."""
    start = position
    for _ in range(WORDS_BEFORE):
        space = text.rfind(" ", 0, max(0, start - 1))
        if space < 0:
            return 0
        start = space + 1
    return start


def fragment_end(text, start):
    """Where the fragment starting at `start` ends: after FRAGMENT_WORDS words."""
    end = start
    for _ in range(FRAGMENT_WORDS):
        end = text.find(" ", end + 1)
        if end < 0:
            return len(text)
    return end


def marked_html(text, spans, start=0, end=None):
    """Escaped HTML of text[start:end] with the words at `spans` in <mark>."""
    out, last = [], start
    for span_start, span_end in spans:
        out.append(
            f"{escape(text[last:span_start])}<mark>{escape(text[span_start:span_end])}</mark>"
        )
        last = span_end
    out.append(escape(text[last:end]))
    return "".join(out)


def passage(text, marker):
    """Escaped HTML of up to FRAGMENTS stretches of the text around its marked words, or of
    its start when none is marked. The text is read up to the end of the last stretch."""
    fragments, position = [], 0
    while len(fragments) < FRAGMENTS:
        first = next(marker.words(text, position), None)
        if first is None:
            break
        start = max(fragment_start(text, first[0]), position)
        end = fragment_end(text, start)
        fragments.append((start, end, [first, *marker.words(text, first[1], end)]))
        position = end
    if not fragments:
        return escape(truncate_words(text))
    out, last = ["… " if fragments[0][0] else ""], 0
    for index, (start, end, spans) in enumerate(fragments):
        if index:
            gap = text[last:start]
            out.append(gap if gap.isspace() or not gap else ELLIPSIS)
        out.append(marked_html(text, spans, start, end))
        last = end
    out.append(" …" if text[last:].strip() else "")
    return "".join(out)


def highlight(texts, query, language_code):
    """(title HTML, passage HTML) of each (title, text): the query's words marked in the
    whole title, and in the passage of the text where they are."""
    if not query:
        return [
            (mark_safe(escape(title)), mark_safe(escape(truncate_words(text))))  # noqa: S308
            for title, text in texts
        ]
    marker = Marker(query, language_code)
    return [
        (mark_safe(marked_html(title, list(marker.words(title)))), mark_safe(passage(text, marker)))  # noqa: S308
        for title, text in texts
    ]
