"""Read Etalab's npm package `@etalab/decoupage-administratif` and write the compact file the
site uses, `data/authorities.json.gz`.

The file is gzipped JSON, one table per kind stored column by column (a column of similar
values compresses better than rows, and keys would weigh more than the values):

    {"source": "@etalab/decoupage-administratif", "version": "6.0.0", "licence": "...",
     "regions":      {"code": [...], "name": [...], "population": [...]},
     "departements": {"code", "name", "region", "population"},
     "epci":         {"code" (the SIREN), "name", "type" ("CC", "CA", "CU", "METRO", "MET69"),
                      "departement" (the main one), "region", "population"},
     "communes":     {"code" (INSEE), "name", "siren", "departement", "region", "population"},
     "departement_names": {code: name}, "region_names": {code: name},
     "successors":   {code of a former commune: code of the commune that absorbed it}}

What is kept, and why:

- communes: current communes only (`type == "commune-actuelle"`); the source also lists
  former communes now "déléguées" or "associées" and the municipal arrondissements of
  Paris, Lyon and Marseille. Six uninhabited overseas "communes" have no population.
- population: the INSEE legal population of the communes (`population`). Départements and
  régions have none in the source: they get the sum of their communes. EPCI get the sum of
  their member communes too, so that every figure is of the same vintage: the EPCI file
  (from the DGCL) carries its own, older figures (`populationMunicipale`), used only when a
  member commune has no population.
- EPCI: the département holding most of their population is their main one.
- overseas collectivities (COM: Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin,
  Wallis-et-Futuna, French Polynesia, New Caledonia, the TAAF, Clipperton) are listed by
  the source as both a département and a région, which they are not: they are not offered
  as such, but their names still label the communes they contain.
- the Rhône département: since 2015 the Métropole de Lyon exercises the département's
  powers on its own territory, so the Rhône's population leaves out the Métropole's
  communes (which keep département code 69).
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

SOURCE_NAME = "@etalab/decoupage-administratif"
LICENCE = "Licence Ouverte / Open Licence 2.0 (Etalab)"
FILES = ("communes.json", "epci.json", "departements.json", "regions.json")
CURRENT_COMMUNE = "commune-actuelle"
OVERSEAS_COLLECTIVITY_ZONE = "com"
LYON_METROPOLIS_TYPE = "MET69"
RHONE = "69"


class SourceError(Exception):
    """The package directory is missing or does not hold what we expect."""


def read_package(directory, log=lambda message: None) -> dict:
    """The payload of `authorities.json.gz`, from an unpacked npm package directory."""
    directory = Path(directory)
    data_dir = directory / "data"
    missing = [name for name in FILES if not (data_dir / name).is_file()]
    if missing:
        raise SourceError(
            f"{directory} is not the {SOURCE_NAME} package: missing data/{', data/'.join(missing)}"
            " (run `npm ci`, or `make referential`)."
        )
    version = ""
    if (directory / "package.json").is_file():
        version = json.loads((directory / "package.json").read_text("utf-8")).get("version", "")
    log(f"Reading {SOURCE_NAME} {version or '(unknown version)'} from {directory}")

    def load(name):
        rows = json.loads((data_dir / name).read_text("utf-8"))
        if not isinstance(rows, list):
            raise SourceError(f"data/{name} is not a JSON list.")
        return rows

    raw_communes = load("communes.json")
    communes = [row for row in raw_communes if row.get("type", CURRENT_COMMUNE) == CURRENT_COMMUNE]
    types = Counter(row.get("type", "?") for row in raw_communes)
    log(
        f"  communes.json: {len(raw_communes)} rows, {len(communes)} current communes "
        f"(left out: {_counts(types, skip=CURRENT_COMMUNE) or 'none'})"
    )
    raw_epci = load("epci.json")
    log(f"  epci.json: {len(raw_epci)} rows ({_counts(Counter(r.get('type') for r in raw_epci))})")
    raw_departements = load("departements.json")
    raw_regions = load("regions.json")
    log(f"  departements.json: {len(raw_departements)} rows, regions.json: {len(raw_regions)} rows")

    population = {row["code"]: row.get("population") for row in communes}
    departement_of = {row["code"]: row.get("departement") for row in communes}

    # Former communes → the commune that absorbed them.
    successors = {
        former: row["code"] for row in communes for former in row.get("anciensCodes") or []
    }

    epci_rows = []
    lyon_metropolis_communes = set()
    for row in sorted(raw_epci, key=_code):
        members = [member["code"] for member in row.get("membres") or []]
        if row.get("type") == LYON_METROPOLIS_TYPE:
            lyon_metropolis_communes.update(members)
        by_departement = Counter()
        for code in members:
            if departement_of.get(code):
                by_departement[departement_of[code]] += population.get(code) or 0
        main_departement = by_departement.most_common(1)[0][0] if by_departement else None
        if members and all(population.get(code) is not None for code in members):
            total = sum(population[code] for code in members)
        else:
            total = row.get("populationMunicipale", row.get("population"))
        epci_rows.append([row["code"], row["nom"], row.get("type"), main_departement, total])
    unknown_members = {
        member["code"]
        for row in raw_epci
        for member in row.get("membres") or []
        if member["code"] not in population
    }
    if unknown_members:
        log(f"  warning: EPCI members that are not current communes: {sorted(unknown_members)}")

    departement_population = defaultdict(int)
    region_population = defaultdict(int)
    for row in communes:
        value = row.get("population") or 0
        region_population[row.get("region")] += value
        if not (row.get("departement") == RHONE and row["code"] in lyon_metropolis_communes):
            departement_population[row.get("departement")] += value

    departement_names = {row["code"]: row["nom"] for row in raw_departements}
    region_names = {row["code"]: row["nom"] for row in raw_regions}
    region_of_departement = {row["code"]: row.get("region") for row in raw_departements}
    overseas = sorted(
        {row["code"] for row in raw_departements + raw_regions if _overseas_collectivity(row)}
    )
    log(f"  overseas collectivities, not offered as département or région: {', '.join(overseas)}")

    regions = [row for row in sorted(raw_regions, key=_code) if not _overseas_collectivity(row)]
    departements = [
        row for row in sorted(raw_departements, key=_code) if not _overseas_collectivity(row)
    ]
    communes.sort(key=_code)
    return {
        "source": SOURCE_NAME,
        "version": version,
        "licence": LICENCE,
        "regions": _columns(
            regions,
            code=_code,
            name=lambda row: row["nom"],
            population=lambda row: region_population.get(row["code"]) or None,
        ),
        "departements": _columns(
            departements,
            code=_code,
            name=lambda row: row["nom"],
            region=lambda row: row.get("region"),
            population=lambda row: departement_population.get(row["code"]) or None,
        ),
        "epci": _columns(
            epci_rows,
            code=lambda row: row[0],
            name=lambda row: row[1],
            type=lambda row: row[2],
            departement=lambda row: row[3],
            region=lambda row: region_of_departement.get(row[3]),
            population=lambda row: row[4],
        ),
        "communes": _columns(
            communes,
            code=_code,
            name=lambda row: row["nom"],
            siren=lambda row: row.get("siren"),
            departement=lambda row: row.get("departement"),
            region=lambda row: row.get("region"),
            population=lambda row: row.get("population"),
        ),
        "departement_names": departement_names,
        "region_names": region_names,
        "successors": dict(sorted(successors.items())),
    }


def _code(row):
    return row["code"]


def _columns(rows, **getters):
    return {column: [getter(row) for row in rows] for column, getter in getters.items()}


def _overseas_collectivity(row):
    return row.get("zone") == OVERSEAS_COLLECTIVITY_ZONE


def _counts(counter, skip=None):
    return ", ".join(f"{count} {name}" for name, count in counter.most_common() if name != skip)


def counts(payload) -> dict:
    """Number of rows per kind."""
    return {kind: len(payload[key]["code"]) for kind, key in KIND_KEYS.items()}


KIND_KEYS = {
    "commune": "communes",
    "epci": "epci",
    "departement": "departements",
    "region": "regions",
}


def write(payload, path) -> int:
    """Write the gzipped JSON (identical bytes for identical data) and return its size."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with (
            os.fdopen(descriptor, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as file,
        ):
            file.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.stat().st_size
