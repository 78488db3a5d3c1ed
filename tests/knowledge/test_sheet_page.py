"""What a visitor reads on a practice sheet, in French and in English: the member and what
its authority tells (never retyped), the summaries, the taxonomy as links to the filtered
library, the charter principles it illustrates, its means, documents, contact and the
sheets it was adapted from or that adapted it — live public pages only."""

from django.template.defaultfilters import filesizeformat
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest

from home.factories import DocumentFactory
from knowledge.factories import PhaseFactory, PracticeSheetPageFactory
from knowledge.models import PracticeDocument

from .helpers import facts, links, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(add_sheet, amiens_member, charter, vote, youth, elderly):
    principles = list(charter.principles.all())
    return add_sheet(
        amiens_member,
        title="Un bus pour aller voter",
        slug="un-bus-pour-aller-voter",
        summary="Un bus aménagé en bureau de vote circule dans les quartiers.",
        easy_read_summary="Un bus passe dans les quartiers.\nOn peut voter dans le bus.",
        phases=[vote],
        themes=[youth],
        audiences=[elderly],
        principles=[principles[3], principles[2]],
        year_start=2019,
        year_end=2023,
        cost=12_000,
        staff_effort="Deux agents pendant trois semaines",
    )


@pytest.fixture
def english_sheet(sheet, english_library, english_amiens_member, english_charter, translate):
    return translate(
        sheet,
        title="A bus to go and vote",
        summary="A bus fitted out as a polling station travels the neighbourhoods.",
    )


def glance(response):
    return facts(response, "sheet-facts-title")


def section(response, heading_id):
    return parse(response).find(attrs={"aria-labelledby": heading_id})


# The member and what its authority tells


def test_sheet_links_to_its_member_profile(client, sheet):
    response = client.get(sheet.url)
    assert links(parse(response).select_one(".sheet-member")) == [("Amiens", "/membres/amiens/")]
    assert glance(response)["Collectivité"] == "Amiens"


def test_sheet_shows_region_type_and_population_bracket_of_the_members_authority(client, sheet):
    response = client.get(sheet.url)
    found = glance(response)
    assert found["Région"] == "Hauts-de-France"
    assert found["Type"] == "Commune"
    assert found["Population"] == "de 50 000 à 200 000 habitants"
    aside = parse(response).select_one(".sheet-facts")
    assert ("Hauts-de-France", "/fiches-pratiques/?region=32") in links(aside)
    assert ("Commune", "/fiches-pratiques/?kind=commune") in links(aside)
    assert ("de 50 000 à 200 000 habitants", "/fiches-pratiques/?population=50k-200k") in links(
        aside
    )


def test_sheet_follows_the_authority_when_the_referential_changes(client, sheet, amiens):
    amiens.population = 210_000
    amiens.save()
    assert glance(client.get(sheet.url))["Population"] == "plus de 200 000 habitants"


def test_epci_sheet_shows_the_kind_of_intercommunality(client, add_member, add_sheet):
    from members.factories import RENNES_METROPOLE, authority

    metropole = add_member(authority(*RENNES_METROPOLE))
    found = glance(client.get(add_sheet(metropole).url))
    assert found["Type"] == "Métropole"
    assert found["Région"] == "Bretagne"


# Summaries, taxonomy, principles, means


def test_sheet_shows_its_summary_and_easy_read_summary_in_a_labelled_box(client, sheet):
    response = client.get(sheet.url)
    assert text(parse(response).select_one(".lead")) == sheet.summary
    box = section(response, "easy-read-title")
    assert text(box.find("h2")) == "Facile à lire et à comprendre"
    assert "On peut voter dans le bus." in text(box)


def test_sheet_links_its_terms_to_the_filtered_library(client, sheet):
    aside = parse(client.get(sheet.url)).select_one(".sheet-facts")
    assert links(aside.select_one("[data-taxonomy=phases]")) == [
        ("Vote", "/fiches-pratiques/?phase=vote")
    ]
    assert links(aside.select_one("[data-taxonomy=themes]")) == [
        ("Jeunesse et écoles", "/fiches-pratiques/?theme=jeunesse-ecoles")
    ]
    assert links(aside.select_one("[data-taxonomy=audiences]")) == [
        ("Personnes âgées", "/fiches-pratiques/?audience=personnes-agees")
    ]


def test_sheet_links_the_principles_it_illustrates_to_their_anchor_in_order(client, sheet):
    aside = parse(client.get(sheet.url)).select_one(".sheet-facts")
    assert links(aside.select_one(".principle-links")) == [
        ("3. Égalité d'accès et inclusion", "/charte/#principe-3"),
        ("4. Transparence et sincérité", "/charte/#principe-4"),
    ]


def test_sheet_shows_its_years_cost_and_staff_effort(client, sheet):
    found = glance(client.get(sheet.url))
    assert found["Années"] == "2019–2023"
    assert found["Coût"] == "12\xa0000 €"
    assert found["Temps de travail des équipes"] == "Deux agents pendant trois semaines"


def test_sheet_of_one_year_without_cost_says_neither(client, add_sheet, amiens_member):
    found = glance(client.get(add_sheet(amiens_member, year_start=2022).url))
    assert found["Année"] == "2022"
    assert "Coût" not in found
    assert "Temps de travail des équipes" not in found


def test_sheet_shows_its_sections_in_order(client, sheet):
    headings = [text(h) for h in parse(client.get(sheet.url)).select(".sheet-body h2")]
    assert headings[1:5] == ["Contexte", "Comment nous avons fait", "Résultats", "Enseignements"]
    assert "Ressources" not in headings  # empty


def test_sheet_lists_its_documents_with_type_and_size(client, add_sheet, amiens_member):
    document = DocumentFactory(title="Grille d'analyse")
    sheet = add_sheet(
        amiens_member, documents=[PracticeDocument(document=document, title="Grille (exemple)")]
    )
    item = section(client.get(sheet.url), "documents-title").select_one("li")
    assert item.a["href"] == document.url
    with translation.override("fr"):
        size = filesizeformat(document.file.size)
    assert text(item) == f"Grille (exemple) ({document.file_extension.upper()}, {size})"


def test_document_title_defaults_to_the_documents(client, add_sheet, amiens_member):
    document = DocumentFactory(title="Grille d'analyse")
    sheet = add_sheet(amiens_member, documents=[PracticeDocument(document=document)])
    item = section(client.get(sheet.url), "documents-title").select_one("li")
    assert text(item).startswith("Grille d'analyse (")


# Contact


def test_sheet_contact_defaults_to_the_members_pair(client, sheet):
    contact = text(section(client.get(sheet.url), "contact-title"))
    assert "Hélène Martin" in contact
    assert "budget.participatif@amiens.example" in contact


def test_sheet_contact_replaces_the_pair(client, add_sheet, amiens_member):
    sheet = add_sheet(
        amiens_member, contact_name="Mission démocratie", contact_email="democratie@amiens.example"
    )
    contact = section(client.get(sheet.url), "contact-title")
    assert links(contact) == [("democratie@amiens.example", "mailto:democratie@amiens.example")]
    assert "Hélène Martin" not in text(contact)


# Adapted from, adapted by


@pytest.fixture
def original(add_sheet, rennes_member):
    return add_sheet(rennes_member, title="Le bus de vote de Rennes")


def test_adaptation_is_shown_both_ways(client, original, add_sheet, amiens_member):
    adaptation = add_sheet(amiens_member, title="Des urnes mobiles", adapted_from=[original])
    assert links(section(client.get(adaptation.url), "adaptations-title")) == [
        ("Le bus de vote de Rennes", original.url)
    ]
    assert links(section(client.get(original.url), "adaptations-title")) == [
        ("Des urnes mobiles", adaptation.url)
    ]


def test_sheet_without_adaptation_has_no_adaptation_section(client, original):
    assert section(client.get(original.url), "adaptations-title") is None


def test_draft_adaptation_is_never_linked(client, original, library, amiens_member):
    PracticeSheetPageFactory(
        parent=library, member=amiens_member, adapted_from=[original], live=False
    )
    assert section(client.get(original.url), "adaptations-title") is None


def test_unpublished_original_is_never_linked(client, original, add_sheet, amiens_member):
    adaptation = add_sheet(amiens_member, adapted_from=[original])
    original.unpublish()
    assert section(client.get(adaptation.url), "adaptations-title") is None


def test_private_original_is_never_linked(client, original, add_sheet, amiens_member):
    adaptation = add_sheet(amiens_member, adapted_from=[original])
    PageViewRestriction.objects.create(page=original, restriction_type="login")
    assert section(client.get(adaptation.url), "adaptations-title") is None


def test_live_sheet_is_linked_with_its_published_title_not_its_draft(
    client, original, add_sheet, amiens_member
):
    adaptation = add_sheet(amiens_member, adapted_from=[original])
    original.title = "Titre en brouillon"
    original.save_revision()
    assert links(section(client.get(adaptation.url), "adaptations-title")) == [
        ("Le bus de vote de Rennes", original.url)
    ]


# English


def test_english_sheet_shows_english_labels_and_links(client, english_sheet):
    response = client.get(english_sheet.url)
    assert response.status_code == 200
    assert links(parse(response).select_one(".sheet-member")) == [("Amiens", "/en/membres/amiens/")]
    aside = parse(response).select_one(".sheet-facts")
    assert links(aside.select_one("[data-taxonomy=phases]")) == [
        ("Voting", "/en/fiches-pratiques/?phase=vote")
    ]
    assert links(aside.select_one("[data-taxonomy=themes]")) == [
        ("Youth and schools", "/en/fiches-pratiques/?theme=jeunesse-ecoles")
    ]
    assert links(aside.select_one("[data-taxonomy=audiences]")) == [
        ("Older people", "/en/fiches-pratiques/?audience=personnes-agees")
    ]
    assert links(aside.select_one(".principle-links")) == [
        ("3. Equal access and inclusion", "/en/charte/#principe-3"),
        ("4. Transparency and sincerity", "/en/charte/#principe-4"),
    ]
    found = glance(response)
    assert found["Population"] == "50,000 to 200,000 inhabitants"
    assert found["Cost"] == "€12,000"


def test_english_sheet_shows_a_french_label_for_an_untranslated_term(
    client, add_sheet, amiens_member, english_library, english_amiens_member, translate
):
    sheet = add_sheet(amiens_member, phases=[PhaseFactory(name="Réalisation", slug="realisation")])
    english = translate(sheet, title="Delivery")
    aside = parse(client.get(english.url)).select_one(".sheet-facts")
    assert links(aside.select_one("[data-taxonomy=phases]")) == [
        ("Réalisation", "/en/fiches-pratiques/?phase=realisation")
    ]


def test_english_adaptations_link_the_english_sheets_both_ways(
    client, original, add_sheet, amiens_member, english_library, english_amiens_member, translate
):
    adaptation = add_sheet(amiens_member, title="Des urnes mobiles", adapted_from=[original])
    english_original = translate(original, title="The voting bus of Rennes")
    english_adaptation = translate(adaptation, title="Mobile ballot boxes")
    assert links(section(client.get(english_adaptation.url), "adaptations-title")) == [
        ("The voting bus of Rennes", english_original.url)
    ]
    assert links(section(client.get(english_original.url), "adaptations-title")) == [
        ("Mobile ballot boxes", english_adaptation.url)
    ]


def test_french_sheet_keeps_french_labels(client, english_sheet, sheet):
    aside = parse(client.get(sheet.url)).select_one(".sheet-facts")
    assert text(aside.select_one("[data-taxonomy=phases]")) == "Vote"
