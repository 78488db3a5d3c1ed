"""The reference data of French authorities: the committed file and its lookups, its
regeneration from Etalab's npm package, and the re-sync of the authorities members store."""

import gzip
import json
import re
from io import StringIO

from django.conf import settings
from django.core.management import CommandError, call_command

import pytest

from home.factories import StandardPageFactory
from members import referential
from members.referential import sync
from members.referential.sync import Change, SyncedModel, diff_authorities


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


# The committed file, real data (2026 vintage).


def test_amiens():
    amiens = referential.get("commune:80021")
    assert amiens.name == "Amiens"
    assert amiens.key == "commune:80021"
    assert amiens.siren == "218000198"
    assert amiens.population > 100_000
    assert (amiens.departement, amiens.region) == ("80", "32")
    assert amiens.epci_type is None
    assert str(amiens.kind_label) == "Commune"
    assert referential.find("commune", "80021") is amiens


def test_counts_per_kind():
    kinds = {}
    for authority in referential.all_authorities():
        kinds[authority.kind] = kinds.get(authority.kind, 0) + 1
    assert 34_000 < kinds["commune"] < 36_000
    assert 1_200 < kinds["epci"] < 1_300
    # 96 in mainland France and 5 overseas; overseas collectivities (975…989) are neither
    # départements nor régions.
    assert kinds["departement"] == 101
    assert kinds["region"] == 18


def test_current_communes_only():
    assert referential.find("commune", "75056").name == "Paris"
    # Paris' municipal arrondissements and a former commune merged into Arboys en Bugey.
    assert referential.find("commune", "75101") is None
    assert referential.find("commune", "01340") is None
    assert referential.successor("commune:01340") == referential.find("commune", "01015")


@pytest.mark.parametrize(
    ("code", "name", "region"),
    [("2A", "Corse-du-Sud", "94"), ("2B", "Haute-Corse", "94"), ("974", "La Réunion", "04")],
)
def test_departements(code, name, region):
    departement = referential.find("departement", code)
    assert (departement.name, departement.region) == (name, region)
    assert departement.population > 100_000
    assert str(departement.kind_label) == "Département"
    assert referential.departement_name(code) == name


def test_regions():
    region = referential.find("region", "32")
    assert region.name == "Hauts-de-France"
    assert str(region.kind_label) == "Région"
    # Summed from its communes: about six million people.
    assert 5_500_000 < region.population < 6_500_000
    assert referential.region_name("32") == "Hauts-de-France"
    assert referential.region_name("99") is None
    assert referential.departement_name("99") is None


def test_overseas_collectivities_name_their_communes_only():
    saint_pierre = referential.find("commune", "97502")
    assert saint_pierre.departement == "975"
    assert referential.departement_name("975") == "Saint-Pierre-et-Miquelon"
    assert referential.find("departement", "975") is None
    assert referential.find("region", "975") is None


def test_epci():
    bordeaux = referential.find("epci", "243300316")
    assert bordeaux.name == "Bordeaux Métropole"
    assert bordeaux.siren == "243300316"
    assert bordeaux.epci_type == "Métropole"
    assert str(bordeaux.kind_label) == "Métropole"
    assert (bordeaux.departement, bordeaux.region) == ("33", "75")
    assert bordeaux.population > 700_000
    amiens = referential.search("CA Amiens Métropole", limit=1)[0]
    assert amiens.epci_type == "Communauté d'agglomération"
    # Its population is the sum of its communes'.
    assert amiens.population > referential.get("commune:80021").population
    labels = {a.epci_type for a in referential.all_authorities() if a.kind == "epci"}
    assert labels == {
        "Métropole",
        "Communauté urbaine",
        "Communauté d'agglomération",
        "Communauté de communes",
    }


def test_rhone_leaves_out_the_metropole_de_lyon():
    rhone = referential.find("departement", "69")
    lyon = referential.find("epci", "200046977")
    assert lyon.name == "Métropole de Lyon"
    assert lyon.epci_type == "Métropole"
    assert rhone.population < lyon.population
    assert rhone.population < referential.get("commune:69123").population


def test_unknown_keys():
    assert referential.get("commune:00000") is None
    assert referential.get("80021") is None
    assert referential.get("") is None
    assert referential.get(None) is None
    assert referential.find("epci", "80021") is None
    assert referential.find("canton", "80021") is None


# Search.


def names(results):
    return [authority.name for authority in results]


def test_search_by_start_of_name():
    results = referential.search("amie")
    assert results[0].key == "commune:80021"
    assert "CA Amiens Métropole" in names(results)


@pytest.mark.parametrize("query", ["saint etienne", "SAINT-ÉTIENNE", "Saint Etienne", "st étienne"])
def test_search_ignores_accents_case_and_punctuation(query):
    assert referential.search(query)[0].key == "commune:42218"


def test_search_word_starts():
    assert names(referential.search("etienne metro", limit=3)) == ["Saint-Étienne Métropole"]
    assert "L'Île-d'Yeu" in names(referential.search("ile d'yeu"))
    assert referential.search("Œuf-en")[0].name == "Œuf-en-Ternois"


def test_search_bigger_populations_first():
    results = referential.search("saint-denis", limit=2)
    # Saint-Denis of La Réunion, then Saint-Denis of Seine-Saint-Denis.
    assert [a.key for a in results] == ["commune:97411", "commune:93066"]
    # Names starting with the query come first, each group by population.
    results = referential.search("metropole", limit=30)
    starting = [a for a in results if a.name.startswith("Métropole")]
    assert results[: len(starting)] == starting
    assert starting[0].name == "Métropole du Grand Paris"
    populations = [a.population for a in starting]
    assert populations == sorted(populations, reverse=True)
    assert "Bordeaux Métropole" in names(results[len(starting) :])


def test_search_by_code_and_siren():
    assert referential.search("80021")[0].key == "commune:80021"
    assert referential.search("218000198")[0].key == "commune:80021"
    assert referential.search("218 000 198")[0].key == "commune:80021"
    assert referential.search("243300316")[0].key == "epci:243300316"
    assert referential.search("2a")[0].key == "departement:2A"
    assert referential.search("2A004")[0].name == "Ajaccio"
    assert {a.key for a in referential.search("32")} == {"region:32", "departement:32"}
    assert referential.search("commune:80021") == [referential.get("commune:80021")]
    assert referential.search("800")[0].key == "commune:80021"


def test_search_kind_and_limit():
    assert [a.kind for a in referential.search("landes", kind="departement")] == ["departement"]
    assert len(referential.search("saint", limit=3)) == 3
    assert referential.search("saint", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("x" * 10_000, id="10000 chars"),
        pytest.param("a " * 5_000, id="5000 words"),
        pytest.param("!!!", id="punctuation"),
        pytest.param("'-'", id="quotes and dash"),
        pytest.param("%", id="percent"),
        pytest.param(".*", id="regex"),
        pytest.param("😀", id="emoji"),
        pytest.param("😀 amiens", id="emoji and name"),
        pytest.param("\x00", id="NUL"),
        pytest.param(None, id="None"),
        pytest.param(42, id="number"),
    ],
)
def test_bad_queries_never_raise(query):
    results = referential.search(query)
    assert isinstance(results, list)
    assert len(results) <= 20


def test_bad_queries_find_nothing_or_something_sensible():
    assert referential.search("") == []
    assert referential.search("!!!") == []
    assert referential.search("x" * 10_000) == []
    assert referential.search("😀 amiens")[0].key == "commune:80021"


# build_referential, on a tiny package in the real format.


def commune(code, name, departement, region, siren=None, population=None, **extra):
    row = {"code": code, "nom": name, "zone": extra.pop("zone", "metro")}
    row |= {"departement": departement, "region": region, "type": "commune-actuelle"}
    if siren:
        row["siren"] = siren
    if population is not None:
        row["population"] = population
    return row | extra


def member(code, name, population):
    return {
        "code": code,
        "siren": "2" + code.ljust(8, "0"),
        "nom": name,
        "populationTotale": population + 10,
        "populationMunicipale": population,
    }


@pytest.fixture
def package(tmp_path):
    """A tiny copy of @etalab/decoupage-administratif."""
    directory = tmp_path / "decoupage-administratif"
    (directory / "data").mkdir(parents=True)
    (directory / "package.json").write_text(json.dumps({"version": "9.9.9"}))
    files = {
        "communes.json": [
            commune("80021", "Amiens", "80", "32", "218000198", 136449, anciensCodes=["80999"]),
            commune("80001", "Abbeville", "80", "32", "218000016", 22395),
            {"code": "80555", "nom": "Ancienne", "type": "commune-deleguee", "chefLieu": "80021"},
            commune("69123", "Lyon", "69", "84", "216901231", 519127),
            commune("69001", "Affoux", "69", "84", "216900019", 381),
            {"code": "69381", "nom": "Lyon 1er Arrondissement", "type": "arrondissement-municipal"},
            commune("2A004", "Ajaccio", "2A", "94", "212000046", None),
            commune("97502", "Saint-Pierre", "975", "975", zone="com", population=5500),
        ],
        "epci.json": [
            {
                "code": "248000531",
                "nom": "CA Amiens Métropole",
                "type": "CA",
                "populationMunicipale": 150000,
                "membres": [member("80021", "Amiens", 130000), member("80001", "Abbeville", 20000)],
            },
            {
                "code": "200046977",
                "nom": "Métropole de Lyon",
                "type": "MET69",
                "populationMunicipale": 1,
                "membres": [member("69123", "Lyon", 500000)],
            },
            {
                "code": "200000001",
                "nom": "CC du Pays Ajaccien",
                "type": "CC",
                "populationMunicipale": 80000,
                "membres": [member("2A004", "Ajaccio", 70000)],
            },
        ],
        "departements.json": [
            {"code": "80", "region": "32", "nom": "Somme", "zone": "metro"},
            {"code": "69", "region": "84", "nom": "Rhône", "zone": "metro"},
            {"code": "2A", "region": "94", "nom": "Corse-du-Sud", "zone": "metro"},
            {"code": "975", "region": "975", "nom": "Saint-Pierre-et-Miquelon", "zone": "com"},
        ],
        "regions.json": [
            {"code": "32", "nom": "Hauts-de-France", "zone": "metro"},
            {"code": "84", "nom": "Auvergne-Rhône-Alpes", "zone": "metro"},
            {"code": "94", "nom": "Corse", "zone": "metro"},
            {"code": "975", "nom": "Saint-Pierre-et-Miquelon", "zone": "com"},
        ],
    }
    for name, rows in files.items():
        (directory / "data" / name).write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    return directory


@pytest.fixture
def built(package, tmp_path):
    output = tmp_path / "authorities.json.gz"
    out = run("build_referential", "--source", str(package), "--output", str(output))
    return output, out


def test_build_referential(built):
    output, out = built
    with gzip.open(output, "rt", encoding="utf-8") as file:
        payload = json.load(file)
    assert payload["version"] == "9.9.9"
    assert payload["communes"] == {
        "code": ["2A004", "69001", "69123", "80001", "80021", "97502"],
        "name": ["Ajaccio", "Affoux", "Lyon", "Abbeville", "Amiens", "Saint-Pierre"],
        "siren": ["212000046", "216900019", "216901231", "218000016", "218000198", None],
        "departement": ["2A", "69", "69", "80", "80", "975"],
        "region": ["94", "84", "84", "32", "32", "975"],
        "population": [None, 381, 519127, 22395, 136449, 5500],
    }
    assert payload["epci"] == {
        "code": ["200000001", "200046977", "248000531"],
        "name": ["CC du Pays Ajaccien", "Métropole de Lyon", "CA Amiens Métropole"],
        "type": ["CC", "MET69", "CA"],
        "departement": ["2A", "69", "80"],
        "region": ["94", "84", "32"],
        # Sums of the communes; Ajaccio has no population: the EPCI's own figure.
        "population": [80000, 519127, 136449 + 22395],
    }
    assert payload["departements"] == {
        "code": ["2A", "69", "80"],
        "name": ["Corse-du-Sud", "Rhône", "Somme"],
        "region": ["94", "84", "32"],
        # No population for Corse-du-Sud; the Rhône without the Métropole de Lyon.
        "population": [None, 381, 136449 + 22395],
    }
    assert payload["regions"] == {
        "code": ["32", "84", "94"],
        "name": ["Hauts-de-France", "Auvergne-Rhône-Alpes", "Corse"],
        "population": [136449 + 22395, 519127 + 381, None],
    }
    assert payload["departement_names"]["975"] == "Saint-Pierre-et-Miquelon"
    assert payload["successors"] == {"80999": "80021"}
    assert "Wrote" in out and "9.9.9" in out
    for line in [r"Commune\s+6\n", r"Intercommunalité\s+3\n", r"Département\s+3\n"]:
        assert re.search(line, out)


def test_built_file_loads(built):
    data = referential.read(built[0])
    assert len(data) == 6 + 3 + 3 + 3
    assert data.get("epci:200046977").epci_type == "Métropole"
    assert data.search("ajac")[0].key == "commune:2A004"
    assert data.successor("commune:80999").name == "Amiens"


def test_build_is_reproducible(package, built, tmp_path):
    again = tmp_path / "again.json.gz"
    run("build_referential", "--source", str(package), "--output", str(again))
    assert again.read_bytes() == built[0].read_bytes()


def test_build_refuses_a_wrong_directory(tmp_path):
    with pytest.raises(CommandError, match="missing data/communes.json"):
        run("build_referential", "--source", str(tmp_path), "--output", str(tmp_path / "x.gz"))
    assert not (tmp_path / "x.gz").exists()


def test_committed_file_is_built_from_the_pinned_package():
    pinned = json.loads((settings.BASE_DIR / "package.json").read_text())
    version = pinned["devDependencies"]["@etalab/decoupage-administratif"]
    assert referential.default().version == version


# Comparison and sync_members_referential.


def test_diff_authorities():
    old = {
        "commune:1": {"name": "Ancien nom", "population": 100},
        "commune:2": {"name": "Même", "population": 200},
        "commune:3": {"name": "Disparue", "population": 300},
        "commune:4": {"name": "Plus d'habitants", "population": 400},
        "commune:5": {"name": "Population inconnue", "population": 500},
    }
    new = {
        "commune:1": {"name": "Nouveau nom", "population": 100},
        "commune:2": {"name": "Même", "population": 200},
        "commune:4": {"name": "Plus d'habitants", "population": 450},
        "commune:5": {"name": "Population inconnue", "population": None},
        "commune:6": {"name": "Nouvelle", "population": 600},
    }
    assert diff_authorities(old, new) == [
        Change("commune:1", "Ancien nom", "Nouveau nom", 100, 100),
        Change("commune:3", "Disparue", None, 300, None, removed=True),
        Change("commune:4", "Plus d'habitants", "Plus d'habitants", 400, 450),
    ]
    changes = diff_authorities(old, new)
    assert [(c.name_changed, c.population_changed) for c in changes] == [
        (True, False),
        (False, False),
        (False, True),
    ]
    assert changes[0].describe() == 'commune:1: name "Ancien nom" → "Nouveau nom"'
    assert changes[2].describe() == "commune:4: population 400 → 450"
    assert changes[1].describe() == (
        'commune:3 "Disparue": no longer in the reference data; kept as is'
    )
    assert diff_authorities(new, new) == []


def test_diff_authorities_takes_authorities_too():
    amiens = referential.get("commune:80021")
    old = {amiens.key: {"name": "Amiens", "population": 1}}
    [change] = diff_authorities(old, {amiens.key: amiens})
    assert (change.old_population, change.new_population) == (1, amiens.population)


class FakeObject:
    def __init__(self, pk, authority_key, authority_name, population):
        self.pk = pk
        self.authority_key = authority_key
        self.authority_name = authority_name
        self.population = population
        self.saved = []

    def save(self, update_fields):
        self.saved.append(sorted(update_fields))


class FakeManager:
    def __init__(self, objects):
        self.objects = objects

    def all(self):
        return list(self.objects)


@pytest.fixture
def registry():
    """The registry emptied for a test, then restored."""
    saved = list(sync.registry)
    sync.registry.clear()
    yield sync.registry
    sync.registry[:] = saved


@pytest.fixture
def members(registry):
    class FakeMember:
        _default_manager = FakeManager(
            [
                FakeObject(1, "commune:80021", "Amiens-la-Vieille", 130000),
                FakeObject(2, "commune:80999", "Commune fusionnée", 900),
                FakeObject(3, "commune:80001", "Abbeville", 22395),
                FakeObject(4, "", "", None),
                FakeObject(5, "epci:200046977", "Métropole de Lyon", 519127),
            ]
        )

    sync.register_synced_model(FakeMember)
    sync.register_synced_model(FakeMember)  # twice: once in the registry
    return FakeMember._default_manager.objects


def test_register_synced_model(members, registry):
    assert len(registry) == 1
    assert registry[0].key_field == "authority_key"
    assert registry[0].name_field == "authority_name"
    assert registry[0].population_field == "population"


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["package", "gz"])
def test_sync_dry_run(members, package, built, source):
    path = package if source == "package" else built[0]
    out = run("sync_members_referential", "--source", str(path), "--dry-run")
    assert 'FakeMember #1  commune:80021: name "Amiens-la-Vieille" → "Amiens", ' in out
    assert "population 130,000 → 136,449" in out
    assert (
        'FakeMember #2  commune:80999 "Commune fusionnée": no longer in the reference data '
        "(now part of commune:80021 Amiens); kept as is"
    ) in out
    assert "#3" not in out
    assert "#5" not in out  # up to date
    assert out.strip().endswith(
        "5 checked, 1 to update, 1 no longer exist, 1 without authority. Dry run: nothing saved."
    )
    assert all(not obj.saved for obj in members)
    assert members[0].authority_name == "Amiens-la-Vieille"


@pytest.mark.django_db
def test_sync_saves(members, package):
    out = run("sync_members_referential", "--source", str(package))
    assert out.strip().endswith("5 checked, 1 updated, 1 no longer exist, 1 without authority.")
    amiens, merged, abbeville, _empty, _lyon = members
    assert (amiens.authority_name, amiens.population) == ("Amiens", 136449)
    assert amiens.saved == [["authority_name", "population"]]
    # Reported, never deleted nor changed.
    assert (merged.authority_name, merged.population, merged.saved) == (
        "Commune fusionnée",
        900,
        [],
    )
    assert abbeville.saved == []
    # A second run has nothing left to do.
    out = run("sync_members_referential", "--source", str(package))
    assert "5 checked, 0 updated, 1 no longer exist" in out


@pytest.mark.django_db
def test_sync_population_field_optional(registry, package):
    class NameOnly:
        _default_manager = FakeManager([FakeObject(1, "commune:80021", "Amiens", 1)])

    sync.register_synced_model(NameOnly, population_field=None)
    out = run("sync_members_referential", "--source", str(package))
    assert "0 updated" in out
    assert NameOnly._default_manager.objects[0].population == 1


@pytest.mark.django_db
def test_sync_without_registered_models(registry):
    out = run("sync_members_referential", "--dry-run")
    assert "No model is registered" in out
    assert "0 checked" in out


def test_sync_refuses_a_bad_source(registry, tmp_path):
    (tmp_path / "bad.json.gz").write_text("not gzip")
    for source in [tmp_path / "missing", tmp_path / "bad.json.gz", tmp_path]:
        with pytest.raises(CommandError, match="Cannot read"):
            run("sync_members_referential", "--source", str(source))


@pytest.mark.django_db
def test_sync_updates_a_page_and_its_pending_draft(registry, home):
    """A real page model stands in for the member page: its SEO title holds the authority
    key, its title the name. A draft waiting for review gets the new name too, so that
    publishing it does not bring the old one back."""
    page = StandardPageFactory(parent=home, title="Amiens-la-Vieille", seo_title="commune:80021")
    page.intro = "Texte en attente de relecture."
    revision = page.save_revision()
    registry.append(SyncedModel(type(page), "seo_title", "title", None))

    out = run("sync_members_referential")

    assert 'commune:80021: name "Amiens-la-Vieille" → "Amiens"' in out
    page.refresh_from_db()
    assert page.title == "Amiens"
    assert page.has_unpublished_changes
    revision.refresh_from_db()
    assert revision.content["title"] == "Amiens"
    assert revision.content["intro"] == "Texte en attente de relecture."
    revision.publish()
    page.refresh_from_db()
    assert (page.title, page.intro) == ("Amiens", "Texte en attente de relecture.")
