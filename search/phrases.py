"""Quoted phrases made fast. PostgreSQL checks a phrase ("jardin partagé") by reading the
word positions of every row that has both words, tens of thousands at 100,000 sheets. The
search table also keeps the pairs of neighbouring words of each row (`word_pairs`, GIN
indexed): a two-word phrase is exactly a pair, found in the index alone; a longer phrase
is first narrowed to the rows that have all its pairs, then checked."""

import re
from dataclasses import dataclass

# A lexeme ('jardin', with '' for a quote), a distance (<-> or <2>) or an operator.
_TOKEN = re.compile(r"'((?:[^']|'')*)'|<(\d+|-)>|([&|!()])")
_SAFE_LEXEME = re.compile(r"^[\w-]+$")


@dataclass
class TextPlan:
    """How to match a query: `words` against the vector (a tsquery, or "" when the pairs
    say it all), `pairs` against the word pairs (a tsquery, or "")."""

    words: str
    pairs: str


def quoted(lexeme):
    return "'" + lexeme + "'"


def pair(left, distance, right):
    """The pair of two lexemes `distance` apart ("-" is 1), as `search_word_pairs()` writes
    it, or None when the search table has no such pair."""
    left, right = left.replace("''", "'"), right.replace("''", "'")
    if distance not in ("-", "1", "2") or not (
        _SAFE_LEXEME.match(left) and _SAFE_LEXEME.match(right)
    ):
        return None
    return quoted(f"{left}{'~2~' if distance == '2' else '~'}{right}")


def split_and(tsquery, tokens):
    """The parts of a tsquery joined by & outside parentheses: (text, tokens) each."""
    parts, current, depth = [], [], 0
    for match in tokens:
        operator = match.group(3)
        if operator == "&" and depth == 0:
            parts.append(current)
            current = []
            continue
        depth += {"(": 1, ")": -1}.get(operator, 0)
        current.append(match)
    parts.append(current)
    return [(tsquery[part[0].start() : part[-1].end()], part) for part in parts if part]


def text_plan(tsquery):
    """The plan for PostgreSQL's text of a tsquery (`websearch_to_tsquery(...)::text`), or
    None when the query must be matched against the vector as it is (it has "or", or no
    phrase)."""
    tokens = list(_TOKEN.finditer(tsquery))
    if not tokens or any(match.group(3) == "|" for match in tokens):
        return None
    words, pairs = [], []
    for text, part in split_and(tsquery, tokens):
        kinds = [
            "lexeme" if match.group(1) is not None else "distance" if match.group(2) else "op"
            for match in part
        ]
        if kinds == ["lexeme", "distance", "lexeme"]:
            found = pair(part[0].group(1), part[1].group(2), part[2].group(1))
            if found:
                pairs.append(found)
                continue
        words.append(text)
        if "op" not in kinds:
            # A longer phrase: all its pairs first, then the positions of the few rows left.
            for first, middle, last in zip(part, part[1:], part[2:], strict=False):
                if first.group(1) is not None and last.group(1) is not None and middle.group(2):
                    found = pair(first.group(1), middle.group(2), last.group(1))
                    if found:
                        pairs.append(found)
    if not pairs:
        return None
    return TextPlan(words=" & ".join(words), pairs=" & ".join(dict.fromkeys(pairs)))
