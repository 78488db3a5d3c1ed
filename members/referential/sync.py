"""Bring the authorities stored in the database up to date with a newer vintage of the
reference data (`manage.py sync_members_referential`).

Any model that stores an authority takes part by registering itself, e.g. in its app's
`ready()`:

    register_synced_model(MemberPage, key_field="authority_key",
                          name_field="authority_name", population_field="population")

The key field holds an authority key such as "commune:80021"; the name and population
fields (either may be None) are the copies that the sync compares and updates. An
authority that no longer exists (communes merge every year) is reported, never deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import Referential, read
from .build import read_package


@dataclass(frozen=True)
class SyncedModel:
    model: type
    key_field: str = "authority_key"
    name_field: str | None = "authority_name"
    population_field: str | None = "population"
    queryset: Callable | None = None  # the objects to sync, when not all of them

    @property
    def label(self) -> str:
        meta = getattr(self.model, "_meta", None)
        return meta.label if meta is not None else self.model.__name__

    def objects(self) -> Iterable:
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()


registry: list[SyncedModel] = []


def register_synced_model(
    model,
    key_field="authority_key",
    name_field="authority_name",
    population_field="population",
    queryset=None,
):
    """Have `sync_members_referential` keep this model's copy of the name and population
    of its authority up to date. Registering twice is harmless."""
    entry = SyncedModel(model, key_field, name_field, population_field, queryset)
    if entry not in registry:
        registry.append(entry)
    return model


@dataclass(frozen=True)
class Change:
    """What differs between a stored copy of an authority and the reference data."""

    key: str
    old_name: str | None = None
    new_name: str | None = None
    old_population: int | None = None
    new_population: int | None = None
    removed: bool = False  # the key is not in the reference data any more
    successor: str | None = None  # for a merged commune: key of the commune that absorbed it

    @property
    def name_changed(self) -> bool:
        return not self.removed and self.new_name is not None and self.new_name != self.old_name

    @property
    def population_changed(self) -> bool:
        return (
            not self.removed
            and self.new_population is not None
            and self.new_population != self.old_population
        )

    def describe(self) -> str:
        if self.removed:
            name = f' "{self.old_name}"' if self.old_name else ""
            text = f"{self.key}{name}: no longer in the reference data"
            if self.successor:
                text += f" (now part of {self.successor})"
            return text + "; kept as is"
        parts = []
        if self.name_changed:
            parts.append(f'name "{self.old_name}" → "{self.new_name}"')
        if self.population_changed:
            parts.append(f"population {_number(self.old_population)} → {self.new_population:,}")
        return f"{self.key}: " + ", ".join(parts)


def _number(value):
    return "unknown" if value is None else f"{value:,}"


def _values(item) -> tuple[str | None, int | None]:
    """(name, population) of a plain dict or of an Authority."""
    if isinstance(item, Mapping):
        return item.get("name"), item.get("population")
    return getattr(item, "name", None), getattr(item, "population", None)


def compare(
    key, name, population, new, *, compare_name=True, compare_population=True, successor=None
) -> Change | None:
    """The change from a stored (name, population) to `new` (a dict, an Authority, or None
    when the key is unknown), or None when nothing differs. A population missing from the
    new data never replaces a known one."""
    if new is None:
        return Change(
            key, old_name=name, old_population=population, removed=True, successor=successor
        )
    new_name, new_population = _values(new)
    change = Change(
        key,
        old_name=name,
        new_name=new_name if compare_name else None,
        old_population=population,
        new_population=new_population if compare_population else None,
    )
    return change if change.name_changed or change.population_changed else None


def diff_authorities(old: Mapping, new: Mapping) -> list[Change]:
    """Changes from `old` to `new`, two mappings of authority key → {"name", "population"}
    (or → Authority): renamed, repopulated and vanished authorities, sorted by key. Keys
    only in `new` are not changes."""
    changes = (compare(key, *_values(item), new.get(key)) for key, item in old.items())
    return sorted((change for change in changes if change), key=lambda change: change.key)


def load_source(path) -> Referential:
    """A vintage of the reference data: an unpacked npm package directory, or a
    `.json.gz` file written by `build_referential`."""
    path = Path(path)
    if path.is_dir():
        return Referential(read_package(path))
    if path.is_file():
        try:
            return read(path)
        except (OSError, EOFError, ValueError) as error:
            raise ValueError(
                f"{path} is not a file written by build_referential: {error}"
            ) from error
    raise FileNotFoundError(f"{path} does not exist.")


@dataclass
class Report:
    checked: int = 0
    updated: int = 0
    without_authority: int = 0
    changes: list[tuple[SyncedModel, object, Change]] = field(default_factory=list)

    @property
    def removed(self) -> list[tuple[SyncedModel, object, Change]]:
        return [item for item in self.changes if item[2].removed]


def sync(referential: Referential, entries=None, *, dry_run=False, on_change=None) -> Report:
    """Compare every registered object with `referential` and, unless `dry_run`, save the
    new names and populations. `on_change(entry, obj, change)` is called for each change."""
    report = Report()
    for entry in registry if entries is None else entries:
        for obj in entry.objects():
            report.checked += 1
            key = getattr(obj, entry.key_field, None)
            if not key:
                report.without_authority += 1
                continue
            name = getattr(obj, entry.name_field) if entry.name_field else None
            population = getattr(obj, entry.population_field) if entry.population_field else None
            successor = referential.successor(key)
            change = compare(
                key,
                name,
                population,
                referential.get(key),
                compare_name=bool(entry.name_field),
                compare_population=bool(entry.population_field),
                successor=successor.key + " " + successor.name if successor else None,
            )
            if change is None:
                continue
            report.changes.append((entry, obj, change))
            if on_change:
                on_change(entry, obj, change)
            if change.removed:
                continue
            values = {}
            if change.name_changed:
                values[entry.name_field] = change.new_name
            if change.population_changed:
                values[entry.population_field] = change.new_population
            if not dry_run:
                save(obj, values)
            report.updated += 1
    return report


def save(obj, values: dict) -> None:
    """Save only the given fields. For a Wagtail page, a draft waiting for review gets the
    new values too: publishing it must not bring the old ones back."""
    from wagtail.models import Page

    for name, value in values.items():
        setattr(obj, name, value)
    if not isinstance(obj, Page):
        obj.save(update_fields=list(values))
        return
    obj.save(update_fields=list(values), clean=False)
    revision = obj.latest_revision
    if obj.has_unpublished_changes and revision is not None:
        content = dict(revision.content)
        content.update(values)
        revision.content = content
        revision.save(update_fields=["content"])
