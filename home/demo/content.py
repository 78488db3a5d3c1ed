"""The texts of the demo site, in French and English, side by side.

Facts come from public press material (see shared/DOMAIN.md); anything else is marked as
example text on the page itself."""

import datetime

EXAMPLE_NOTE = {
    "fr": "<p><i>Texte d'exemple : ce contenu illustre le site de démonstration.</i></p>",
    "en": "<p><i>Example text: this content illustrates the demonstration site.</i></p>",
}

HOME = {
    "fr": {
        "title": "Accueil",
        "intro": "Le réseau des collectivités françaises qui mènent un budget participatif.",
        "hero_title": "Ensemble, donnons du pouvoir d'agir aux habitantes et aux habitants",
        "hero_text": (
            "Le Réseau National des Budgets Participatifs rassemble les collectivités qui "
            "confient aux habitants une part de leur budget : ils proposent des projets et votent."
        ),
        "hero_link_label": "Découvrir le réseau",
        "presentation_title": "Un réseau de collectivités pionnières",
        "presentation": (
            "<p>Fondé le 8 novembre 2022 à Amiens, le réseau réunit des communes, des "
            "intercommunalités, des départements et des régions qui font vivre un budget "
            "participatif.</p>"
            "<p>Plus de 400 collectivités et organismes français mènent aujourd'hui un budget "
            "participatif, touchant 2,2 millions de citoyennes et citoyens. Le réseau partage "
            "leurs pratiques, porte une charte commune et organise chaque année des Rencontres "
            "nationales.</p>"
        ),
    },
    "en": {
        "title": "Home",
        "intro": "The network of French local authorities that run a participatory budget.",
        "hero_title": "Together, let's give residents the power to act",
        "hero_text": (
            "The National Network of Participatory Budgets brings together the local "
            "authorities that let residents decide on part of their budget: they propose "
            "projects and vote."
        ),
        "hero_link_label": "Discover the network",
        "presentation_title": "A network of pioneering authorities",
        "presentation": (
            "<p>Founded on 8 November 2022 in Amiens, the network brings together communes, "
            "inter-municipal bodies, départements and régions that run a participatory "
            "budget.</p>"
            "<p>More than 400 French authorities and bodies now run a participatory budget, "
            "reaching 2.2 million citizens. The network shares their practices, upholds a "
            "common charter and holds national meetings every year.</p>"
        ),
    },
}

ABOUT = {
    "slug": "le-reseau",
    "fr": {
        "title": "Le réseau",
        "intro": "Qui nous sommes, comment le réseau est gouverné et ce qu'il défend.",
        "body": [
            ("heading", {"text": "Une naissance à Amiens", "level": "h2"}),
            (
                "paragraph",
                "<p>Le Réseau National des Budgets Participatifs a été fondé le 8 novembre 2022 "
                "à Amiens par des collectivités territoriales, représentées par leurs élus et "
                "des habitants. Grenoble, Rennes, Montreuil, Paris, Clermont-Ferrand et Angers "
                "en sont à l'initiative.</p>",
            ),
            ("heading", {"text": "Une charte commune", "level": "h2"}),
            (
                "paragraph",
                "<p>Son texte fondateur est la charte des principes fondamentaux des budgets "
                "participatifs en France, élaborée collectivement à Paris en 2019.</p>",
            ),
            (
                "quote",
                {
                    "text": "Donner du pouvoir d'agir aux citoyens.",
                    "attribution": "Charte des budgets participatifs, 2019",
                },
            ),
            ("heading", {"text": "Une gouvernance par collèges", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>le collège des pairs : un binôme élu et technicien par collectivité "
                "membre ;</li><li>le collège des habitants ;</li><li>le collège des acteurs : "
                "associations, chercheurs, prestataires de civic tech.</li></ul>",
            ),
            (
                "document",
                {"title": "Présentation du réseau (exemple)"},
            ),
        ],
    },
    "en": {
        "title": "The network",
        "intro": "Who we are, how the network is governed and what it stands for.",
        "body": [
            ("heading", {"text": "Born in Amiens", "level": "h2"}),
            (
                "paragraph",
                "<p>The National Network of Participatory Budgets was founded on 8 November 2022 "
                "in Amiens by local authorities, represented by their elected officials and "
                "residents. Grenoble, Rennes, Montreuil, Paris, Clermont-Ferrand and Angers "
                "launched it.</p>",
            ),
            ("heading", {"text": "A common charter", "level": "h2"}),
            (
                "paragraph",
                "<p>Its founding text is the charter of fundamental principles of participatory "
                "budgets in France, worked out collectively in Paris in 2019.</p>",
            ),
            (
                "quote",
                {
                    "text": "Give citizens the power to act.",
                    "attribution": "Charter of participatory budgets, 2019",
                },
            ),
            ("heading", {"text": "Governance by colleges", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>the college of pairs: one elected official and one professional from "
                "each member authority;</li><li>the college of residents;</li><li>the college "
                "of actors: associations, researchers, civic-tech providers.</li></ul>",
            ),
            (
                "document",
                {"title": "Presentation of the network (example)"},
            ),
        ],
    },
}

NEWS_INDEX = {
    "slug": "actualites",
    "fr": {"title": "Actualités", "intro": "Les nouvelles du réseau et de ses membres."},
    "en": {"title": "News", "intro": "News from the network and its members."},
}


def _news(date, tags, fr, en, example=True):
    """One news item: (date, tags, French title/intro/paragraphs, English ones)."""
    return {
        "date": datetime.date.fromisoformat(date),
        "tags": tags,
        "example": example,
        "fr": fr,
        "en": en,
    }


NEWS = [
    _news(
        "2022-11-08",
        ["gouvernance", "fondation"],
        (
            "Naissance du Réseau National des Budgets Participatifs à Amiens",
            "Des collectivités pionnières s'unissent pour faire grandir les budgets participatifs.",
            [
                "Le 8 novembre 2022, à Amiens, des collectivités représentées par leurs élus et "
                "des "
                "habitants ont fondé le réseau.",
                "Grenoble, Rennes, Montreuil, Paris, Clermont-Ferrand et Angers sont à "
                "l'initiative, "
                "rejointes par Bordeaux, Tours, Albi, Marseille, Ploemeur et Amiens.",
            ],
        ),
        (
            "The National Network of Participatory Budgets is born in Amiens",
            "Pioneering authorities join forces to grow participatory budgeting.",
            [
                "On 8 November 2022, in Amiens, local authorities represented by their elected "
                "officials and residents founded the network.",
                "Grenoble, Rennes, Montreuil, Paris, Clermont-Ferrand and Angers launched it, "
                "joined "
                "by Bordeaux, Tours, Albi, Marseille, Ploemeur and Amiens.",
            ],
        ),
        example=False,
    ),
    _news(
        "2022-12-06",
        ["charte"],
        (
            "La charte des budgets participatifs, socle du réseau",
            "Élaborée à Paris en 2019, la charte fixe les principes communs des membres.",
            [
                "La charte des principes fondamentaux des budgets participatifs en France a été "
                "travaillée collectivement lors des rencontres nationales de 2019 à Paris.",
                "Elle affirme notamment la continuité et la régularité des budgets participatifs, "
                "l'égalité d'accès et l'inclusion, la transparence et la sincérité.",
            ],
        ),
        (
            "The charter of participatory budgets, the network's foundation",
            "Worked out in Paris in 2019, the charter sets the members' common principles.",
            [
                "The charter of fundamental principles of participatory budgets in France was "
                "worked "
                "out collectively at the 2019 national meeting in Paris.",
                "It affirms in particular continuity and regularity, equal access and inclusion, "
                "transparency and sincerity.",
            ],
        ),
        example=False,
    ),
    _news(
        "2023-02-14",
        ["adhésions"],
        (
            "Lyon et Villeurbanne rejoignent le réseau",
            "Deux nouvelles villes de la métropole lyonnaise entrent dans le réseau.",
            [
                "Le réseau accueille Lyon et Villeurbanne, qui partageront leur expérience de "
                "budget participatif avec les autres membres.",
                "Date et détails donnés à titre d'exemple.",
            ],
        ),
        (
            "Lyon and Villeurbanne join the network",
            "Two more cities of the Lyon metropolitan area join the network.",
            [
                "The network welcomes Lyon and Villeurbanne, who will share their participatory "
                "budget experience with the other members.",
                "Date and details given as an example.",
            ],
        ),
    ),
    _news(
        "2023-05-22",
        ["inclusion", "jeunesse"],
        (
            "Aller vers les jeunes : un atelier d'échanges entre membres",
            "Comment associer collégiens et lycéens au vote ? Les membres comparent leurs "
            "méthodes.",
            [
                "Plusieurs villes membres ont présenté leurs actions dans les établissements "
                "scolaires : ateliers en classe, urnes mobiles, vote dès 11 ans.",
                "Les échanges alimenteront la future bibliothèque de fiches pratiques.",
            ],
        ),
        (
            "Reaching young people: a peer workshop",
            "How can secondary-school pupils take part in the vote? Members compare their methods.",
            [
                "Several member cities presented their work in schools: classroom workshops, "
                "mobile "
                "ballot boxes, voting from the age of 11.",
                "The discussion will feed the future library of practice sheets.",
            ],
        ),
    ),
    _news(
        "2023-09-18",
        ["adhésions"],
        (
            "Les Landes et la Loire-Atlantique, premiers départements membres",
            "Le réseau s'ouvre aux départements qui mènent un budget participatif.",
            [
                "Le Département des Landes et le Département de Loire-Atlantique rejoignent le "
                "réseau.",
                "Date donnée à titre d'exemple.",
            ],
        ),
        (
            "Landes and Loire-Atlantique, the first member départements",
            "The network opens to départements that run a participatory budget.",
            [
                "The Landes and Loire-Atlantique départements join the network.",
                "Date given as an example.",
            ],
        ),
    ),
    _news(
        "2023-11-30",
        ["numérique", "vote"],
        (
            "Vote numérique et vote papier : trouver le bon équilibre",
            "Retour sur un webinaire consacré aux modalités de vote.",
            [
                "Plateformes en ligne, bureaux de vote éphémères, vote par courrier : les membres "
                "ont comparé les taux de participation selon les modalités.",
                "Tous soulignent l'importance de garder un vote en présentiel pour inclure chacun.",
            ],
        ),
        (
            "Digital and paper voting: finding the right balance",
            "Looking back at a webinar on voting methods.",
            [
                "Online platforms, pop-up polling stations, postal votes: members compared turnout "
                "across voting methods.",
                "All stress the importance of keeping in-person voting so that everyone is "
                "included.",
            ],
        ),
    ),
    _news(
        "2024-03-12",
        ["étude"],
        (
            "465 collectivités mènent un budget participatif en France",
            "Une enquête de 2024 recense 440 communes et 25 départements.",
            [
                "Selon une enquête menée en 2024, 465 collectivités françaises conduisent un "
                "budget "
                "participatif : 440 communes et 25 départements.",
                "Ces budgets touchent 2,2 millions de citoyennes et citoyens sur leurs "
                "territoires.",
            ],
        ),
        (
            "465 authorities run a participatory budget in France",
            "A 2024 survey counts 440 communes and 25 départements.",
            [
                "According to a 2024 survey, 465 French authorities run a participatory budget: "
                "440 communes and 25 départements.",
                "These budgets reach 2.2 million citizens in their territories.",
            ],
        ),
        example=False,
    ),
    _news(
        "2024-06-04",
        ["adhésions"],
        (
            "La Région Occitanie rejoint le réseau",
            "Une première région membre, avec un budget participatif à l'échelle régionale.",
            ["La Région Occitanie devient membre du réseau.", "Date donnée à titre d'exemple."],
        ),
        (
            "The Occitanie région joins the network",
            "A first member région, with a participatory budget at regional scale.",
            ["The Occitanie région becomes a member of the network.", "Date given as an example."],
        ),
    ),
    _news(
        "2024-10-10",
        ["rencontres nationales"],
        (
            "Rencontres nationales 2024 à Nancy",
            "Élus, techniciens et habitants se retrouvent à Nancy pour les Rencontres nationales.",
            [
                "La ville de Nancy accueille les Rencontres nationales des budgets participatifs.",
                "Au programme : ateliers entre pairs, retours d'expérience et assemblée du réseau. "
                "Programme donné à titre d'exemple.",
            ],
        ),
        (
            "2024 national meeting in Nancy",
            "Elected officials, professionals and residents meet in Nancy for the national "
            "meeting.",
            [
                "The city of Nancy hosts the national meeting of participatory budgets.",
                "On the programme: peer workshops, experience sharing and the network's assembly. "
                "Programme given as an example.",
            ],
        ),
    ),
    _news(
        "2025-01-20",
        ["transition écologique"],
        (
            "Budgets participatifs et transition écologique",
            "Végétalisation, mobilités douces, énergie : les projets lauréats verdissent.",
            [
                "Dans de nombreuses villes membres, une part croissante des projets lauréats porte "
                "sur la transition écologique.",
                "Le réseau prépare des fiches pratiques sur l'accompagnement de ces projets.",
            ],
        ),
        (
            "Participatory budgets and the ecological transition",
            "Greening, active mobility, energy: winning projects turn green.",
            [
                "In many member cities, a growing share of winning projects concern the ecological "
                "transition.",
                "The network is preparing practice sheets on supporting these projects.",
            ],
        ),
    ),
    _news(
        "2025-06-16",
        ["adhésions", "outre-mer"],
        (
            "Saint-Denis de La Réunion rejoint le réseau",
            "Le réseau compte désormais un membre en outre-mer.",
            [
                "Saint-Denis, à La Réunion, devient membre du réseau et partagera l'expérience de "
                "son budget participatif.",
                "Date donnée à titre d'exemple.",
            ],
        ),
        (
            "Saint-Denis (La Réunion) joins the network",
            "The network now has a member overseas.",
            [
                "Saint-Denis, on La Réunion, becomes a member of the network and will share the "
                "experience of its participatory budget.",
                "Date given as an example.",
            ],
        ),
    ),
    _news(
        "2025-10-09",
        ["rencontres nationales"],
        (
            "Rencontres nationales 2025 à Marseille",
            "Marseille accueille l'édition 2025 des Rencontres nationales.",
            [
                "Après Nancy, c'est Marseille qui accueille les Rencontres nationales des budgets "
                "participatifs.",
                "Programme donné à titre d'exemple.",
            ],
        ),
        (
            "2025 national meeting in Marseille",
            "Marseille hosts the 2025 national meeting.",
            [
                "After Nancy, Marseille hosts the national meeting of participatory budgets.",
                "Programme given as an example.",
            ],
        ),
    ),
    _news(
        "2026-02-03",
        ["fiches pratiques"],
        (
            "Une bibliothèque de fiches pratiques pour partager les savoir-faire",
            "Les membres publient leurs pratiques, relues par le réseau.",
            [
                "Chaque collectivité membre peut désormais partager des fiches pratiques : "
                "contexte, étapes, résultats et enseignements.",
                "Les fiches sont relues par l'équipe du réseau avant publication.",
            ],
        ),
        (
            "A library of practice sheets to share know-how",
            "Members publish their practices, reviewed by the network.",
            [
                "Every member authority can now share practice sheets: context, steps, results and "
                "lessons learned.",
                "Sheets are reviewed by the network's team before publication.",
            ],
        ),
    ),
    _news(
        "2026-09-28",
        ["inclusion", "évaluation"],
        (
            "Évaluer son budget participatif : un guide collectif",
            "Des indicateurs partagés pour mesurer la participation et la réalisation des projets.",
            [
                "Un groupe de travail de membres propose des indicateurs communs : participation, "
                "diversité des votants, taux de réalisation des projets.",
                "Le guide sera discuté lors des prochaines Rencontres nationales.",
            ],
        ),
        (
            "Evaluating a participatory budget: a collective guide",
            "Shared indicators to measure participation and project delivery.",
            [
                "A working group of members proposes common indicators: turnout, diversity of "
                "voters, delivery rate of projects.",
                "The guide will be discussed at the next national meeting.",
            ],
        ),
    ),
]

LEGAL_PAGES = {
    "legal_notice_page": {
        "slug": "mentions-legales",
        "fr": {
            "title": "Mentions légales",
            "intro": "Éditeur, hébergement et propriété intellectuelle.",
            "body": [
                ("heading", {"text": "Éditeur du site", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Réseau National des Budgets Participatifs. Directeur ou directrice de la "
                    "publication : à compléter.</p>",
                ),
                ("heading", {"text": "Hébergement", "level": "h2"}),
                ("paragraph", "<p>Nom, adresse et téléphone de l'hébergeur : à compléter.</p>"),
                ("heading", {"text": "Réutilisation des contenus", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Les données publiées sur ce site sont réutilisables sous Licence Ouverte "
                    "/ Open Licence 2.0.</p>",
                ),
            ],
        },
        "en": {
            "title": "Legal notice",
            "intro": "Publisher, hosting and intellectual property.",
            "body": [
                ("heading", {"text": "Publisher", "level": "h2"}),
                (
                    "paragraph",
                    "<p>National Network of Participatory Budgets. Publication director: to be "
                    "completed.</p>",
                ),
                ("heading", {"text": "Hosting", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Name, address and telephone number of the host: to be completed.</p>",
                ),
                ("heading", {"text": "Reuse of content", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Data published on this site may be reused under the Licence Ouverte / "
                    "Open Licence 2.0.</p>",
                ),
            ],
        },
    },
    "accessibility_page": {
        "slug": "declaration-accessibilite",
        "fr": {
            "title": "Déclaration d'accessibilité",
            "intro": "Le réseau s'engage à rendre son site accessible conformément au RGAA.",
            "body": [
                ("heading", {"text": "État de conformité", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Ce site est partiellement conforme au référentiel général d'amélioration "
                    "de l'accessibilité (RGAA), version 4.1. Un audit complet reste à "
                    "réaliser.</p>",
                ),
                ("heading", {"text": "Retour d'information et contact", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Si vous ne parvenez pas à accéder à un contenu ou à un service, "
                    "écrivez-nous : nous vous proposerons une alternative accessible.</p>",
                ),
                ("heading", {"text": "Voies de recours", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le "
                    "Défenseur des droits.</p>",
                ),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "intro": "The network is committed to making its website accessible under the RGAA.",
            "body": [
                ("heading", {"text": "Compliance status", "level": "h2"}),
                (
                    "paragraph",
                    "<p>This website is partially compliant with the French accessibility "
                    "framework (RGAA), version 4.1. A full audit remains to be done.</p>",
                ),
                ("heading", {"text": "Feedback and contact", "level": "h2"}),
                (
                    "paragraph",
                    "<p>If you cannot access some content or service, write to us: we will offer "
                    "you an accessible alternative.</p>",
                ),
                ("heading", {"text": "Remedies", "level": "h2"}),
                (
                    "paragraph",
                    "<p>If you do not get a satisfactory answer, you may refer the matter to the "
                    "Défenseur des droits.</p>",
                ),
            ],
        },
    },
    "privacy_page": {
        "slug": "donnees-personnelles",
        "fr": {
            "title": "Données personnelles",
            "intro": "Quelles données nous traitons, pourquoi, et quels sont vos droits.",
            "body": [
                ("heading", {"text": "Aucun traceur", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Ce site ne dépose aucun cookie de mesure d'audience ni de traceur tiers, "
                    "et ne charge aucune police ou ressource d'un site tiers.</p>",
                ),
                ("heading", {"text": "Comptes des contributeurs", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Les comptes des personnes qui contribuent au site (nom, adresse "
                    "électronique) servent uniquement à la gestion des contenus.</p>",
                ),
                ("heading", {"text": "Vos droits", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Vous disposez d'un droit d'accès, de rectification et d'effacement de vos "
                    "données, et pouvez saisir la CNIL.</p>",
                ),
            ],
        },
        "en": {
            "title": "Personal data",
            "intro": "What data we process, why, and what your rights are.",
            "body": [
                ("heading", {"text": "No trackers", "level": "h2"}),
                (
                    "paragraph",
                    "<p>This website sets no audience-measurement cookie or third-party tracker, "
                    "and loads no font or resource from a third-party site.</p>",
                ),
                ("heading", {"text": "Contributor accounts", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The accounts of people who contribute to the site (name, email address) "
                    "are used only to manage content.</p>",
                ),
                ("heading", {"text": "Your rights", "level": "h2"}),
                (
                    "paragraph",
                    "<p>You have the right to access, correct and erase your data, and may refer "
                    "a complaint to the CNIL.</p>",
                ),
            ],
        },
    },
}

FOOTER = {
    "fr": (
        "<p>Association des collectivités engagées dans les budgets participatifs. Site de "
        "démonstration : certains contenus sont des exemples.</p>"
    ),
    "en": (
        "<p>Association of local authorities committed to participatory budgets. Demonstration "
        "site: some content is example text.</p>"
    ),
}

SITE_SETTINGS = {
    "contact_email": "contact@reseau-bp.example",
    "postal_address": "Adresse postale à compléter",
    "accessibility_conformity": "partial",
}
