"""The official list of French authorities: communes, EPCI (intercommunalités), départements
and régions, from Etalab's `@etalab/decoupage-administratif` (Licence Ouverte 2.0).

The data is a small gzipped JSON file committed with the code (`data/authorities.json.gz`,
written by `manage.py build_referential`). It is read once per process, on first use:

    >>> from members import referential
    >>> referential.get("commune:80021").name
    'Amiens'
    >>> [a.name for a in referential.search("saint etienne", limit=1)]
    ['Saint-Étienne']
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

DATA_FILE = Path(__file__).resolve().parent / "data" / "authorities.json.gz"

KINDS = ("commune", "epci", "departement", "region")
_KIND_ORDER = {kind: position for position, kind in enumerate(KINDS)}
KIND_LABELS = {
    "commune": _("Commune"),
    "epci": _("Intercommunalité"),
    "departement": _("Département"),
    "region": _("Région"),
}
# The source's EPCI types. `MET69` is the Métropole de Lyon, a territorial authority with a
# special status that the source lists among the EPCI: for the public it is a métropole.
EPCI_TYPES = {
    "METRO": gettext_noop("Métropole"),
    "MET69": gettext_noop("Métropole"),
    "CU": gettext_noop("Communauté urbaine"),
    "CA": gettext_noop("Communauté d'agglomération"),
    "CC": gettext_noop("Communauté de communes"),
}

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
# Abbreviations people type for the first word of so many names.
QUERY_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


@dataclass(frozen=True, slots=True)
class Authority:
    kind: str  # "commune" | "epci" | "departement" | "region"
    code: str  # INSEE code (commune), SIREN (epci), département code, région code
    name: str
    siren: str | None
    departement: str | None  # for an EPCI, the département holding most of its population
    region: str | None
    population: int | None
    epci_type: str | None  # for an EPCI: French label, e.g. "Métropole"

    @property
    def key(self) -> str:
        """Unique across kinds, e.g. "commune:80021"."""
        return f"{self.kind}:{self.code}"

    @property
    def kind_label(self):
        """French, translatable: "Commune", "Métropole", "Département"…"""
        if self.kind == "epci" and self.epci_type:
            return _(self.epci_type)
        return KIND_LABELS.get(self.kind, self.kind)

    def __str__(self):
        return f"{self.name} ({self.kind_label}, {self.code})"


def normalize(text: str) -> str:
    """Lower case, without accents or punctuation: "Saint-Étienne" → "saint etienne"."""
    text = (text or "").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    cleaned = "".join(char if char.isalnum() else " " for char in letters.casefold())
    return " ".join(cleaned.split())


_CODE = re.compile(r"[0-9]{2,9}|2[AB][0-9]{0,3}", re.IGNORECASE)


class Referential:
    """One vintage of the data, built from the payload of `data/authorities.json.gz`
    (see `members.referential.build` for its format)."""

    def __init__(self, payload: Mapping):
        self.source = payload.get("source", "")
        self.version = payload.get("version", "")
        # Names of every code the communes refer to, overseas collectivities included.
        self.departement_names = dict(payload.get("departement_names", {}))
        self.region_names = dict(payload.get("region_names", {}))
        self.successors = dict(payload.get("successors", {}))
        intern = {}  # the same few hundred code strings, shared by 37,000 rows

        def code(value):
            return intern.setdefault(value, value) if value else None

        authorities = []
        for c, name, population in _rows(payload, "regions", "code", "name", "population"):
            authorities.append(Authority("region", c, name, None, None, c, population, None))
        for c, name, region, population in _rows(
            payload, "departements", "code", "name", "region", "population"
        ):
            authorities.append(
                Authority("departement", c, name, None, c, code(region), population, None)
            )
        for siren, name, epci_type, departement, region, population in _rows(
            payload, "epci", "code", "name", "type", "departement", "region", "population"
        ):
            authorities.append(
                Authority(
                    "epci",
                    siren,
                    name,
                    siren,
                    code(departement),
                    code(region),
                    population,
                    EPCI_TYPES.get(epci_type),
                )
            )
        for c, name, siren, departement, region, population in _rows(
            payload, "communes", "code", "name", "siren", "departement", "region", "population"
        ):
            authorities.append(
                Authority(
                    "commune", c, name, siren, code(departement), code(region), population, None
                )
            )
        self.by_key = {authority.key: authority for authority in authorities}
        self.by_siren = {a.siren: a for a in authorities if a.siren}

    def __len__(self):
        return len(self.by_key)

    def get(self, key: str) -> Authority | None:
        return self.by_key.get(key) if isinstance(key, str) else None

    def find(self, kind: str, code: str) -> Authority | None:
        return self.get(f"{kind}:{code}")

    def all(self) -> Iterable[Authority]:
        return self.by_key.values()

    def successor(self, key: str) -> Authority | None:
        """The commune that absorbed a merged commune, e.g. "commune:01340" → Arboys en Bugey."""
        kind, _sep, code = (key or "").partition(":")
        if kind != "commune" or code not in self.successors:
            return None
        return self.find("commune", self.successors[code])

    @cached_property
    def _index(self):
        """(normalized name, its words, words of the type label, authority) for each row;
        built on the first search only."""
        index = []
        for authority in self.by_key.values():
            name = normalize(authority.name)
            extra = normalize(authority.epci_type) if authority.epci_type else ""
            index.append((name, tuple(name.split()), extra, authority))
        return index

    def search(self, query: str, limit: int = 20, *, kind: str | None = None) -> list[Authority]:
        """By name (accents, case and punctuation ignored; whole name, then start of the
        name, then start of its words, then anywhere in it) or by code or SIREN. Bigger
        populations come first among equal matches."""
        if not isinstance(query, str) or not isinstance(limit, int) or limit <= 0:
            return []
        query = query[:MAX_QUERY_LENGTH].strip()
        if ":" in query and (authority := self.get(query)):
            return [authority] if kind in (None, authority.kind) else []
        compact = re.sub(r"[\s.]+", "", query)
        if _CODE.fullmatch(compact):
            matches = self._search_code(compact.upper())
        else:
            matches = self._search_name(query)
        if kind is not None:
            matches = [(rank, a) for rank, a in matches if a.kind == kind]
        matches.sort(
            key=lambda match: (
                match[0],
                -(match[1].population or -1),
                _KIND_ORDER[match[1].kind],
                match[1].name,
            )
        )
        return [authority for _rank, authority in matches[:limit]]

    def _search_code(self, code):
        matches = [
            (0, authority) for kind in KINDS if (authority := self.find(kind, code)) is not None
        ]
        if (authority := self.by_siren.get(code)) and (0, authority) not in matches:
            matches.append((0, authority))
        if len(code) >= 3 and code.isdigit() and len(code) < 9:
            matches += [
                (1, authority)
                for authority in self.by_key.values()
                if authority.kind in ("commune", "epci")
                and (authority.code.startswith(code) or (authority.siren or "").startswith(code))
                and authority.code != code
            ]
        return matches

    def _search_name(self, query):
        words = normalize(query).split()[:MAX_QUERY_WORDS]
        if not words:
            return []
        words = [QUERY_ABBREVIATIONS.get(word, word) for word in words]
        text = " ".join(words)
        longest = max(words, key=len)
        matches = []
        for name, name_words, extra, authority in self._index:
            if longest not in name and longest not in extra:
                continue
            if name == text:
                rank = 0
            elif name.startswith(text):
                rank = 1
            elif _words_start(words, name_words + tuple(extra.split())):
                rank = 2
            elif all(word in name or word in extra for word in words):
                rank = 3
            else:
                continue
            matches.append((rank, authority))
        return matches


def _rows(payload, table, *columns):
    """The rows of a table stored column by column."""
    data = payload.get(table) or {}
    return zip(*(data.get(column, ()) for column in columns), strict=True)


def _words_start(words, name_words):
    """Each query word starts a different word of the name."""
    available = list(name_words)
    for word in words:
        for position, candidate in enumerate(available):
            if candidate.startswith(word):
                del available[position]
                break
        else:
            return False
    return True


def read(path: Path | str) -> Referential:
    """Load a file written by `manage.py build_referential`."""
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return Referential(json.load(file))


@cache
def default() -> Referential:
    """The committed vintage, loaded once per process."""
    return read(DATA_FILE)


def get(key: str) -> Authority | None:
    """By key, e.g. "commune:80021"; None when unknown."""
    return default().get(key)


def find(kind: str, code: str) -> Authority | None:
    return default().find(kind, code)


def search(query: str, limit: int = 20, *, kind: str | None = None) -> list[Authority]:
    return default().search(query, limit, kind=kind)


def region_name(code: str) -> str | None:
    return default().region_names.get(code) if isinstance(code, str) else None


def departement_name(code: str) -> str | None:
    return default().departement_names.get(code) if isinstance(code, str) else None


def all_authorities() -> Iterable[Authority]:
    return default().all()


def successor(key: str) -> Authority | None:
    return default().successor(key)
