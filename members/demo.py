"""Demo member profiles: the founding members named in press material, with their real
identity from the referential and example figures (said so on each profile)."""

import datetime
import random

from members.models import (
    Authority,
    College,
    CollegeMembership,
    Edition,
    GovernancePage,
    MemberIndexPage,
    MemberPage,
    Representative,
)

# (INSEE code, first edition year, membership date): founders joined on 8 November 2022.
FOUNDERS = [
    ("38185", 2015),  # Grenoble
    ("35238", 2016),  # Rennes
    ("93048", 2015),  # Montreuil
    ("75056", 2014),  # Paris
    ("63113", 2018),  # Clermont-Ferrand
    ("49007", 2018),  # Angers
    ("33063", 2019),  # Bordeaux
    ("37261", 2020),  # Tours
    ("81004", 2019),  # Albi
    ("13055", 2021),  # Marseille
    ("56162", 2017),  # Ploemeur
    ("80021", 2020),  # Amiens
]
FOUNDING_DATE = datetime.date(2022, 11, 8)
LAST_EDITION_YEAR = 2025

INDEX = {
    "slug": "membres",
    "fr": {
        "title": "Les membres",
        "intro": (
            "Les collectivités membres du réseau et leur budget participatif, année après année."
        ),
    },
    "en": {
        "title": "Members",
        "intro": "The network's member authorities and their participatory budget, year by year.",
    },
}
EXAMPLE = {
    "fr": (
        "Chiffres d'exemple : les montants et résultats affichés illustrent le site de "
        "démonstration."
    ),
    "en": "Example figures: the amounts and results shown illustrate the demonstration site.",
}
PRESENTATION = {
    "fr": "{name} mène un budget participatif depuis {year}. {example}",
    "en": "{name} has run a participatory budget since {year}. {example}",
}
WHO = {
    "fr": ("Toute personne habitant la commune", "Habitantes et habitants dès l'âge minimum"),
    "en": ("Anyone living in the commune", "Residents from the minimum age"),
}


def example_editions(authority, first_year):
    """Plausible figures, seeded by the authority's code so every run gives the same."""
    rng = random.Random(authority.code)
    population = authority.population or 10_000
    per_inhabitant = rng.uniform(2, 9)
    editions = []
    for year in range(first_year, LAST_EDITION_YEAR + 1):
        submitted = int(population / rng.uniform(150, 600)) + 20
        put_to_vote = int(submitted * rng.uniform(0.3, 0.6))
        winning = int(put_to_vote * rng.uniform(0.2, 0.5)) + 1
        editions.append(
            Edition(
                year=year,
                amount=round(population * per_inhabitant, -3),
                projects_submitted=submitted,
                projects_put_to_vote=put_to_vote,
                winning_projects=winning,
                votes_cast=int(population * rng.uniform(0.02, 0.12)),
                delivered_projects=winning if year < LAST_EDITION_YEAR - 1 else winning // 2,
            )
        )
        per_inhabitant *= rng.uniform(0.95, 1.15)
    return editions


def profile_fields(authority, first_year, language):
    return {
        "title": authority.name,
        "presentation": PRESENTATION[language].format(
            name=authority.name, year=first_year, example=EXAMPLE[language]
        ),
        "who_can_propose": WHO[language][0],
        "who_can_vote": WHO[language][1],
    }


def build(home, publish, translate, english, step):
    """Create the member directory and the founders' profiles, then translate them."""
    index = publish(home, MemberIndexPage(slug=INDEX["slug"], show_in_menus=True, **INDEX["fr"]))
    translate(index, MemberIndexPage(**INDEX["en"]), english)
    for number, (code, first_year) in enumerate(FOUNDERS, start=1):
        authority = Authority.objects.get(kind=Authority.Kind.COMMUNE, code=code)
        step(f"member {number}/{len(FOUNDERS)}: {authority.name}")
        page = MemberPage(
            authority=authority,
            slug=authority.search_name.replace(" ", "-"),
            membership_date=FOUNDING_DATE,
            charter_adopted_on=FOUNDING_DATE,
            platform=random.Random(code).choice(MemberPage.Platform.values),
            minimum_voting_age=random.Random(code).choice([7, 11, 16]),
            editions=example_editions(authority, first_year),
            representatives=[
                Representative(
                    role=Representative.Role.ELECTED,
                    name="Élue ou élu référent (exemple)",
                    email=f"elu.bp@{authority.search_name.replace(' ', '-')}.example",
                ),
                Representative(
                    role=Representative.Role.PROFESSIONAL,
                    name="Chargée ou chargé de mission (exemple)",
                    email=f"budget.participatif@{authority.search_name.replace(' ', '-')}.example",
                ),
            ],
            **profile_fields(authority, first_year, "fr"),
        )
        publish(index, page)
        twin = MemberPage(authority=authority, **profile_fields(authority, first_year, "en"))
        translate(page, twin, english)
    return len(FOUNDERS)


def editor_username(profile):
    return f"editeur-{profile.slug}"


def founder_profiles():
    codes = [code for code, _first_year in FOUNDERS]
    profiles = MemberPage.objects.filter(
        authority__kind=Authority.Kind.COMMUNE,
        authority__code__in=codes,
        locale__language_code="fr",
        alias_of__isnull=True,
    ).select_related("authority")
    return sorted(profiles, key=lambda profile: codes.index(profile.authority.code))


def build_editors():
    """One editor's account per founder, in the member's group (demo passwords: the
    username; real editors are invited with `manage.py invite_member_editor`)."""
    from django.contrib.auth import get_user_model

    from members.roles import ensure_member_group

    User = get_user_model()
    for profile in founder_profiles():
        username = editor_username(profile)
        user = User.objects.create_user(username, f"{username}@collectivite.example", username)
        user.groups.add(ensure_member_group(profile.authority).group)


def editor_logins():
    """(username, password, role) of the founders' editors that exist."""
    from django.contrib.auth import get_user_model

    profiles = {editor_username(profile): profile for profile in founder_profiles()}
    existing = set(
        get_user_model().objects.filter(username__in=profiles).values_list("username", flat=True)
    )
    return [
        (username, username, f"éditrice ou éditeur du membre {profile.title}")
        for username, profile in profiles.items()
        if username in existing
    ]


GOVERNANCE = {
    "slug": "gouvernance",
    "fr": {
        "title": "Gouvernance",
        "intro": (
            "Le réseau est gouverné par trois collèges : les pairs, les habitants et les acteurs."
        ),
    },
    "en": {
        "title": "Governance",
        "intro": "The network is governed by three colleges: pairs, residents and actors.",
    },
}
COLLEGES = [
    (
        College.Kind.PAIRS,
        ("Collège des pairs", "College of pairs"),
        (
            "Une élue ou un élu et une technicienne ou un technicien de chaque collectivité "
            "membre.",
            "One elected official and one professional from each member authority.",
        ),
        [],
    ),
    (
        College.Kind.RESIDENTS,
        ("Collège des habitants", "College of residents"),
        (
            "Des habitantes et habitants engagés dans le budget participatif de leur territoire.",
            "Residents involved in the participatory budget of their territory.",
        ),
        [
            (
                "Habitante d'Amiens (exemple)",
                ("Membre du comité citoyen", "Member of the citizens' committee"),
            ),
            (
                "Habitant de Rennes (exemple)",
                ("Porteur de projet lauréat", "Leader of a winning project"),
            ),
        ],
    ),
    (
        College.Kind.ACTORS,
        ("Collège des acteurs", "College of actors"),
        (
            "Associations, chercheuses et chercheurs, prestataires de civic tech liés aux "
            "budgets participatifs.",
            "Associations, researchers and civic-tech providers linked to participatory budgets.",
        ),
        [
            (
                "Association d'éducation populaire (exemple)",
                ("Accompagnement des habitants", "Supporting residents"),
            ),
            (
                "Laboratoire de science politique (exemple)",
                ("Recherche et évaluation", "Research and evaluation"),
            ),
        ],
    ),
]


def college(kind, names, descriptions, members, language, locale=None):
    index = 0 if language == "fr" else 1
    return College(
        kind=kind,
        locale=locale,
        name=names[index],
        description=descriptions[index],
        memberships=[
            CollegeMembership(name=name, role=roles[index], locale=locale)
            for name, roles in members
        ],
    )


def build_governance(home, publish, translate, french, english):
    page = publish(
        home, GovernancePage(slug=GOVERNANCE["slug"], show_in_menus=True, **GOVERNANCE["fr"])
    )
    translate(page, GovernancePage(**GOVERNANCE["en"]), english)
    for kind, names, descriptions, members in COLLEGES:
        original = college(kind, names, descriptions, members, "fr", french)
        original.save()
        translate(original, college(kind, names, descriptions, members, "en"), english)
    return len(COLLEGES)
