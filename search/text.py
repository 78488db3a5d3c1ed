"""Text helpers of the search: what a visitor typed, made safe to search and to echo, and the
plain text of rich text fields, as the search table stores it."""

import functools
import re
import unicodedata
from html import unescape

# Longer queries are cut: nobody types 200 characters, and a tsquery of thousands of words
# would cost seconds to match.
MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div|tr)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def clean_query(value):
    """The query as searched and echoed: control characters (PostgreSQL refuses NUL) removed,
    white space collapsed, at most MAX_QUERY_LENGTH characters. Returns (query, truncated)."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", value or "")).strip()
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rstrip(), True


def clean_text(text):
    """A text field as the search stores it: control characters removed, white space
    collapsed."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", text or "")).strip()


def plain_text(html):
    """The text of a rich text field: tags dropped (a block end is a space), entities
    decoded, control characters removed."""
    return clean_text(unescape(_TAG.sub("", _BLOCK_END.sub(" ", html or ""))))


def fold(text):
    """Lower case without accents, ligatures spelt out: "Œuvre à l'École" → "oeuvre a l'ecole".
    What the SQLite search compares."""
    text = (text or "").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class _FoldInPlace(dict):
    """A `str.translate` table that folds each character into one (its fold, else its lower
    case, else itself), worked out once per character: texts of thousands of characters are
    folded for each result shown."""

    def __missing__(self, code):
        char = chr(code)
        value = next(
            (candidate for candidate in (fold(char), char.lower()) if len(candidate) == 1), char
        )
        self[code] = value
        return value


_FOLD_IN_PLACE = _FoldInPlace()


def fold_in_place(text):
    """`fold`, character by character, keeping the length: positions in the result are
    positions in the text (a character that folds to several stays as it is, lower case)."""
    return (text or "").translate(_FOLD_IN_PLACE)


# The characters that `folded_words` knows: Latin letters, with accents, in both cases.
_LATIN = [chr(code) for code in [*range(0x250), *range(0x1E00, 0x1F00)]]


@functools.cache
def _folding_to(char):
    """A character class of `char` and every Latin character that folds to it."""
    chars = {char, *(other for other in _LATIN if fold_in_place(other) == char)}
    return "[" + "".join(re.escape(other) for other in sorted(chars)) + "]"


# Ligatures, which fold to two letters.
_LIGATURES = {"oe": "[œŒ]", "ae": "[æÆ]"}


def _folded_term(term):
    """A pattern of what `fold` would show as `term`: each of its letters stands for every
    Latin one that folds to it, "oe" and "ae" for their ligatures too."""
    parts, index = [], 0
    while index < len(term):
        pair = term[index : index + 2]
        if pair in _LIGATURES:
            parts.append(f"(?:{_folding_to(pair[0])}{_folding_to(pair[1])}|{_LIGATURES[pair]})")
            index += 2
        else:
            parts.append(_folding_to(term[index]))
            index += 1
    return "".join(parts)


@functools.lru_cache(maxsize=1024)
def folded_words(starts):
    """A pattern of the words of a text as it is that, folded, start with one of these folded
    `starts`. Folding the twenty texts of a page of results cost 1 ms; searching them as they
    are, a tenth."""
    return re.compile(r"\b(?:" + "|".join(map(_folded_term, starts)) + r")\w*")
