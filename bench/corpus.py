"""Varied, realistic French text for benchmark practice sheets, from word lists and sentence
templates about participatory budgets.

The corpus is built so that search queries have known answers whatever the number of
sheets: the FREQUENT word is in exactly 25 sheets out of 100, the RARE word in 1 sheet out
of 1,000, the PHRASE in about 4 sheets out of 100 (its two words also appear apart, in
other sheets), and NO_MATCH in none. No other word of the sheets' text shares their French
stem or even their first letters ("écologique" is never written, so that a prefix search
for "école" still finds only the school sheets).

Sheet `index` always gives the same text (its random generator is seeded with the index),
so the 1,000 first sheets of a 100,000-sheet corpus are the 1,000-sheet corpus."""

import random
import re
from dataclasses import dataclass, field

FREQUENT = "école"
RARE = "ludothèque"
PHRASE = "jardin partagé"
NO_MATCH = "téléphérique"

# Exactly 25 in every 100 consecutive indexes, spread out rather than in runs.
FREQUENT_STRIDE = 37
FREQUENT_PERCENT = 25
RARE_PERIOD = 1000


def is_frequent(index):
    return (index * FREQUENT_STRIDE) % 100 < FREQUENT_PERCENT


def has_rare(index):
    return index % RARE_PERIOD == RARE_PERIOD // 2


# Taxonomy terms (slug, French name); sheets refer to them by slug. The slugs are those of
# the demo content, whose terms are reused when they exist. "Jeunesse et écoles" names the
# frequent word, so only the sheets that have the word get that theme.
PHASES = [
    ("conception-reglement", "Conception du règlement"),
    ("depot-idees", "Dépôt des idées"),
    ("co-construction", "Co-construction"),
    ("analyse-faisabilite", "Analyse de recevabilité et de faisabilité"),
    ("campagne", "Campagne"),
    ("vote", "Vote"),
    ("annonce-resultats", "Annonce des résultats"),
    ("realisation", "Réalisation"),
    ("evaluation", "Évaluation"),
]
SCHOOL_THEME = "jeunesse-ecoles"
THEMES = [
    ("inclusion", "Inclusion des publics éloignés"),
    (SCHOOL_THEME, "Jeunesse et écoles"),
    ("quartiers", "Quartiers"),
    ("transition-ecologique", "Transition écologique"),
    ("vote-numerique-presentiel", "Vote numérique et en présentiel"),
    ("communication", "Communication"),
    ("comites-citoyens", "Comités citoyens"),
    ("mobilites", "Mobilités"),
    ("culture-sport", "Culture et sport"),
]
AUDIENCES = [
    ("jeunes", "Jeunes"),
    ("personnes-agees", "Personnes âgées"),
    ("quartiers-prioritaires", "Habitants des quartiers prioritaires"),
    ("situation-handicap", "Personnes en situation de handicap"),
    ("associations", "Associations"),
    ("tout-public", "Tout public"),
    ("enfants", "Enfants"),
]
PRINCIPLES = [
    ("Donner du pouvoir d'agir aux citoyens", "Les habitants décident d'une part du budget."),
    ("Continuité et régularité", "Le budget participatif revient chaque année."),
    ("Égalité d'accès et inclusion", "Chacun peut proposer et voter, sans obstacle."),
    ("Transparence et sincérité", "Les règles, les coûts et les résultats sont publics."),
    ("Confiance", "La collectivité réalise les projets lauréats qu'elle a promis."),
    ("Émancipation", "Participer donne à chacun les moyens de comprendre et d'agir."),
]

QUARTIERS = [
    "de la Gare",
    "des Acacias",
    "du Moulin",
    "Saint-Michel",
    "des Tilleuls",
    "du Port",
    "de la Roseraie",
    "des Hauts-de-Plaine",
    "Bellevue",
    "du Vieux-Bourg",
    "des Trois-Cités",
    "de l'Église",
    "du Val Fleuri",
    "des Coteaux",
    "Saint-Jacques",
    "de la Fontaine",
]
CANAUX = [
    "des urnes dans les mairies de quartier",
    "une plateforme en ligne",
    "un bus itinérant",
    "des permanences sur les marchés",
    "des ateliers dans les centres sociaux",
    "des stands à la sortie des collèges",
]
PARTENAIRES = [
    "les centres sociaux",
    "les conseils de quartier",
    "les associations de locataires",
    "la médiathèque",
    "les services techniques",
    "les bailleurs sociaux",
    "le conseil des sages",
    "les maisons de quartier",
]
DUREES = [
    "un mi-temps pendant trois mois",
    "deux agents à temps plein pendant six semaines",
    "un chargé de mission à mi-temps toute l'année",
    "une journée par semaine d'un agent",
    "l'équipe de la démocratie participative, soit trois personnes",
]


@dataclass(frozen=True)
class Topic:
    """A kind of practice: its themes and audiences, and the sentences only it uses."""

    key: str
    themes: tuple
    audiences: tuple
    titles: tuple
    sentences: tuple
    weight: int = 1
    # Sentences of which at least one goes into the body, when the topic must say a word.
    required: tuple = ()
    title_share: float = 0.0  # share of titles taken from `required_titles`
    required_titles: tuple = ()


SCHOOL = Topic(
    key="ecole",
    themes=(SCHOOL_THEME,),
    audiences=("enfants", "jeunes"),
    required_titles=(
        "Végétaliser les cours d'école avec les élèves {a_lieu}",
        "Un budget participatif des écoles {de_lieu}",
        "Les enfants votent pour leur école, quartier {quartier}",
        "Rénover la cour de l'école avec les parents et les enseignants",
        "Quand chaque école propose un projet : l'expérience {de_lieu}",
    ),
    title_share=0.4,
    titles=(
        "Les élèves de CM2 proposent leurs projets {a_lieu}",
        "Un conseil d'enfants pour décider d'une part du budget",
        "Faire voter les enfants dès sept ans {a_lieu}",
        "Les enfants, premiers porteurs de projets du quartier {quartier}",
    ),
    required=(
        "Chaque école élémentaire a reçu une enveloppe de {montant} pour un projet choisi "
        "par les élèves.",
        "Les délégués de classe ont présenté les idées de leur école devant le conseil "
        "municipal des enfants.",
        "La cour de l'école {quartier} est devenue un espace ombragé, avec des bancs et des "
        "plantations.",
        "Les animateurs périscolaires ont aidé chaque école à préparer son dossier.",
        "Les parents d'élèves ont voté le même jour que les enfants, à la sortie de l'école.",
    ),
    sentences=(
        "Les enseignants ont intégré la démarche au programme d'éducation civique.",
        "Un jardin pédagogique a été aménagé avec les élèves de cours moyen.",
        "Les enfants ont appris à estimer le coût d'un projet avec les services techniques.",
        "Le vote s'est déroulé dans la classe, avec une vraie urne et des isoloirs.",
    ),
)
TOPICS = (
    Topic(
        key="jardin",
        weight=5,
        themes=("transition-ecologique", "quartiers"),
        audiences=("tout-public", "associations"),
        titles=(
            "Un jardin partagé au pied des immeubles {a_lieu}",
            "Du jardin partagé à la fête de quartier, quartier {quartier}",
            "Créer un jardin partagé avec les habitants {de_lieu}",
        ),
        required=(
            "Le jardin partagé compte aujourd'hui une quarantaine de parcelles cultivées.",
            "Une association d'habitants gère le jardin partagé et organise des ateliers.",
        ),
        sentences=(
            "Les habitants ont choisi eux-mêmes les arbres fruitiers et les plantes vivaces.",
            "Un composteur collectif a été installé à côté des parcelles.",
        ),
    ),
    Topic(
        key="aire-de-jeux",
        weight=10,
        themes=("quartiers", "culture-sport"),
        audiences=("enfants", "tout-public"),
        titles=(
            "Une aire de jeux inclusive proposée par des parents {a_lieu}",
            "Un city-stade pour les jeunes du quartier {quartier}",
            "Rénover les aires de jeux avec les familles {de_lieu}",
        ),
        sentences=(
            "L'aire de jeux accueille désormais les enfants en fauteuil roulant.",
            "Le city-stade est ouvert tous les jours jusqu'à vingt-deux heures.",
            "Les familles ont testé trois maquettes avant de choisir les équipements.",
        ),
    ),
    Topic(
        key="mobilites",
        weight=10,
        themes=("mobilites", "transition-ecologique"),
        audiences=("tout-public",),
        titles=(
            "Des pistes cyclables sécurisées votées par les habitants {de_lieu}",
            "Des arceaux à vélos devant chaque équipement public {de_lieu}",
            "Apaiser la circulation dans le quartier {quartier}",
        ),
        sentences=(
            "Les cyclistes ont cartographié les carrefours dangereux lors d'une balade urbaine.",
            "Quarante arceaux à vélos ont été posés devant les équipements publics.",
            "Une zone de rencontre limite désormais la vitesse à vingt kilomètres par heure.",
        ),
    ),
    Topic(
        key="vote-numerique",
        weight=10,
        themes=("vote-numerique-presentiel", "communication"),
        audiences=("tout-public", "personnes-agees"),
        titles=(
            "Voter en ligne et en présentiel : le choix {de_lieu}",
            "Accompagner le vote numérique des personnes âgées {a_lieu}",
            "Un bus du vote pour aller à la rencontre des habitants",
        ),
        sentences=(
            "Le vote numérique a représenté les deux tiers des suffrages exprimés.",
            "Des médiateurs numériques ont accompagné les personnes peu à l'aise avec internet.",
            "Chaque votant pouvait choisir trois projets sur la plateforme ou sur papier.",
        ),
    ),
    Topic(
        key="inclusion",
        weight=10,
        themes=("inclusion", "quartiers"),
        audiences=("quartiers-prioritaires", "situation-handicap"),
        titles=(
            "Aller vers les habitants éloignés de la participation {a_lieu}",
            "Un budget participatif accessible aux personnes en situation de handicap",
            "Faire participer les quartiers prioritaires {de_lieu}",
        ),
        sentences=(
            "Les documents ont été traduits en facile à lire et à comprendre.",
            "Des interprètes en langue des signes étaient présents lors des réunions publiques.",
            "Les porteurs de projets des quartiers prioritaires ont bénéficié d'un "
            "accompagnement renforcé.",
        ),
    ),
    Topic(
        key="jeunes",
        weight=10,
        themes=("culture-sport", "quartiers"),
        audiences=("jeunes",),
        titles=(
            "Un budget participatif réservé aux jeunes de 11 à 25 ans {a_lieu}",
            "Les collégiens et lycéens proposent leurs projets {a_lieu}",
            "Un skatepark imaginé par les jeunes du quartier {quartier}",
        ),
        sentences=(
            "Les jeunes ont voté dès onze ans, au collège comme en ligne.",
            "Un conseil de jeunes a rédigé le règlement avec les élus.",
            "Les lycéens ont organisé eux-mêmes la campagne sur les réseaux sociaux.",
        ),
    ),
    Topic(
        key="culture",
        weight=8,
        themes=("culture-sport",),
        audiences=("tout-public", "associations"),
        titles=(
            "Une fresque murale réalisée avec les habitants {de_lieu}",
            "Des boîtes à livres dans chaque quartier {de_lieu}",
            "Un kiosque à musique rénové grâce au vote des habitants",
        ),
        sentences=(
            "Un collectif d'artistes a animé six ateliers de dessin avec les habitants.",
            "Les boîtes à livres sont entretenues par des bénévoles de la médiathèque.",
            "Le kiosque accueille désormais des concerts gratuits chaque été.",
        ),
    ),
    Topic(
        key="seniors",
        weight=7,
        themes=("quartiers", "inclusion"),
        audiences=("personnes-agees",),
        titles=(
            "Des bancs et des fontaines pour les aînés {de_lieu}",
            "Les personnes âgées, actrices du budget participatif {de_lieu}",
        ),
        sentences=(
            "Des bancs ont été installés tous les deux cents mètres sur les trajets "
            "vers les commerces.",
            "Le conseil des sages a accompagné les porteurs de projets âgés.",
        ),
    ),
    Topic(
        key="climat",
        weight=10,
        themes=("transition-ecologique",),
        audiences=("tout-public",),
        titles=(
            "Des îlots de fraîcheur votés par les habitants {de_lieu}",
            "Planter mille arbres en trois éditions {a_lieu}",
            "Récupérer l'eau de pluie dans les équipements publics",
        ),
        sentences=(
            "Les projets de végétalisation ont recueilli le plus grand nombre de voix.",
            "Les services des espaces verts ont planté les arbres à l'automne.",
            "Les îlots de fraîcheur ont abaissé la température ressentie lors des canicules.",
        ),
    ),
    Topic(
        key="comite",
        weight=8,
        themes=("comites-citoyens", "communication"),
        audiences=("tout-public",),
        titles=(
            "Un comité citoyen tiré au sort pour suivre le budget participatif {de_lieu}",
            "Rendre compte de la réalisation des projets lauréats {a_lieu}",
        ),
        sentences=(
            "Le comité de suivi réunit douze habitants tirés au sort et deux élus.",
            "Un tableau de bord public indique l'avancement de chaque projet lauréat.",
            "Le comité a proposé de modifier le règlement pour l'édition suivante.",
        ),
    ),
)

CONTEXT = (
    "Le budget participatif {de_lieu} existe depuis {annee_debut}.",
    "La collectivité consacre chaque année {montant} au budget participatif.",
    "Lors de la première édition, la participation était restée faible dans le "
    "quartier {quartier}.",
    "Les élus souhaitaient toucher des habitants qui ne viennent jamais aux réunions publiques.",
    "Le quartier {quartier} compte beaucoup de familles et peu d'équipements publics.",
    "La démarche s'inscrit dans la charte de la participation adoptée par le conseil municipal.",
    "Les habitants avaient exprimé le souhait de décider directement de certains investissements.",
    "Le conseil municipal a voté le principe d'un budget participatif à l'unanimité.",
    "Une évaluation de l'édition précédente avait montré que les jeunes votaient peu.",
    "Les services de la collectivité n'avaient jamais travaillé directement avec les "
    "porteurs de projets.",
    "La crise sanitaire avait interrompu la démarche pendant deux ans.",
)
METHOD = (
    "Les habitants ont déposé {idees} idées en ligne et sur papier.",
    "Chaque idée a fait l'objet d'une analyse de faisabilité par les services techniques.",
    "Des ateliers de co-construction ont réuni porteurs de projets et agents municipaux.",
    "Le vote a eu lieu pendant trois semaines, grâce à {canal}.",
    "Nous avons travaillé avec {partenaire} pour faire connaître la démarche.",
    "Les projets soumis au vote ont été présentés lors d'un forum ouvert à tous.",
    "Une campagne d'affichage a annoncé le vote dans tous les quartiers.",
    "Des ambassadeurs bénévoles ont fait du porte-à-porte pour expliquer le vote.",
    "Le règlement fixe un plafond de {montant} par projet.",
    "Les habitants de plus de {age} ans pouvaient voter, sans condition de nationalité.",
    "Les idées proches ont été regroupées avec l'accord de leurs auteurs.",
    "Une réunion publique de lancement s'est tenue dans chaque quartier.",
    "Les agents ont chiffré chaque projet recevable et indiqué le délai de réalisation.",
    "Les résultats du vote ont été proclamés lors d'une soirée festive à la mairie.",
)
RESULTS = (
    "{votants} habitants ont voté, soit deux fois plus que lors de l'édition précédente.",
    "{laureats} projets lauréats ont été retenus, pour un montant total de {montant}.",
    "Les projets lauréats ont été réalisés en moins de dix-huit mois.",
    "La participation a progressé de {pourcent} % dans le quartier {quartier}.",
    "Les porteurs de projets ont été invités à l'inauguration de chaque réalisation.",
    "Un projet sur trois concernait le cadre de vie et la végétalisation des rues.",
    "Les femmes et les jeunes ont voté davantage que lors des éditions précédentes.",
    "Une enquête auprès des votants montre que la moitié participait pour la première fois.",
    "Deux projets ont pris du retard à cause de la hausse du coût des matériaux.",
)
LESSONS = (
    "Il faut laisser assez de temps entre le dépôt des idées et le vote.",
    "Le vote en présentiel reste indispensable pour toucher tous les publics.",
    "Associer les services techniques dès le départ évite bien des déceptions.",
    "Expliquer pourquoi une idée est écartée renforce la confiance des habitants.",
    "Les habitants attendent des nouvelles régulières de la réalisation des projets.",
    "Un budget partagé entre quartiers garantit une répartition équitable.",
    "Le calendrier doit tenir compte des vacances scolaires et des fêtes locales.",
    "Un binôme élu et technicien facilite les arbitrages tout au long de l'édition.",
    "Il vaut mieux peu de projets bien réalisés que beaucoup de promesses.",
)
RESOURCES = (
    "Le règlement du budget participatif est disponible sur le site de la collectivité.",
    "Le bilan de l'édition {annee_debut} est téléchargeable en ligne.",
    "Un guide des porteurs de projets a été rédigé avec les habitants.",
    "Les supports de la campagne sont libres de droits et peuvent être repris.",
)
SUMMARY = (
    "{a_lieu_cap}, {summary_topic}",
    "{summary_topic_cap} Cette fiche raconte la démarche {de_lieu}.",
)
SUMMARY_TOPIC = {
    "ecole": "les élèves décident de l'usage d'une partie du budget de leur {frequent}.",
    "jardin": "un {phrase} est né d'une idée déposée par des habitants.",
    "aire-de-jeux": "des parents ont proposé de nouvelles aires de jeux pour tous les enfants.",
    "mobilites": "les habitants ont voté pour des aménagements cyclables et piétons.",
    "vote-numerique": "le vote combine une plateforme en ligne et des bureaux de vote.",
    "inclusion": "la démarche va au-devant des habitants éloignés de la participation.",
    "jeunes": "les jeunes ont leur propre budget participatif et leurs propres règles.",
    "culture": "les habitants ont choisi des projets culturels ouverts à tous.",
    "seniors": "les aînés ont proposé des aménagements pour mieux se déplacer.",
    "climat": "les projets de végétalisation ont rafraîchi les rues et les places.",
    "comite": "un comité citoyen suit la réalisation des projets lauréats.",
}
EASY_READ = (
    "Les habitants donnent des idées. Les habitants votent. La ville fait les projets.",
    "Tout le monde peut voter. On peut voter sur internet ou dans un bureau de vote.",
    "Les projets qui ont le plus de voix sont choisis. La ville les réalise.",
)
RARE_SENTENCES = (
    "Une {rare} itinérante prête des jeux de société dans les quartiers.",
    "Le projet le plus soutenu fut une {rare} ouverte aux familles le samedi.",
)
# The phrase's two words, apart, so that only quotes tell the sheets of the phrase.
APART_SENTENCES = (
    "Le diagnostic a été partagé avec les habitants avant le vote, dans le jardin public.",
    "Un jardin pédagogique a vu le jour, et son entretien est partagé entre voisins.",
)


@dataclass
class SheetText:
    """The text of one practice sheet, with the taxonomy slugs that fit it."""

    title: str
    summary: str
    easy_read_summary: str
    context: str
    method: str
    results: str
    lessons: str
    resources: str
    staff_effort: str
    topic: str
    themes: list = field(default_factory=list)
    audiences: list = field(default_factory=list)
    phases: list = field(default_factory=list)
    principles: list = field(default_factory=list)  # indexes into PRINCIPLES
    year_start: int = 2020
    year_end: int | None = None
    cost: int | None = None

    def text(self):
        """Every searchable field, HTML tags removed."""
        fields = [self.title, self.summary, self.easy_read_summary, self.context, self.method]
        fields += [self.results, self.lessons, self.resources, self.staff_effort]
        return re.sub(r"<[^>]+>", " ", " ".join(fields))


def place_forms(name):
    """`(à X, de X)` with French contractions: "au Mans", "du Mans", "aux Herbiers"."""
    for article, to, of in (("Le ", "au ", "du "), ("Les ", "aux ", "des ")):
        if name.startswith(article):
            rest = name[len(article) :]
            return to + rest, of + rest
    if name.startswith(("La ", "L'")):
        return "à " + name, "de " + name
    if name[:1] in "AEIOUYÉÈÂÎaeiouyéèâî":
        return "à " + name, "d'" + name
    return "à " + name, "de " + name


def _paragraphs(sentences):
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def _euros(amount):
    return f"{amount:,}".replace(",", "\u202f") + " €"


class SheetGenerator:
    """Deterministic French text for practice sheet number `index` (from 1)."""

    def __init__(self, seed=2019, last_year=2025):
        self.seed = seed
        self.last_year = last_year
        self._topics = [topic for topic in TOPICS for _ in range(topic.weight)]

    def generate(self, index, place):
        rng = random.Random(f"{self.seed}:{index}")
        topic = SCHOOL if is_frequent(index) else rng.choice(self._topics)
        a_lieu, de_lieu = place_forms(place)
        year_start = rng.randint(2015, self.last_year)
        values = {
            "lieu": place,
            "a_lieu": a_lieu,
            "a_lieu_cap": a_lieu[:1].upper() + a_lieu[1:],
            "de_lieu": de_lieu,
            "quartier": rng.choice(QUARTIERS),
            "montant": _euros(rng.choice((5, 10, 20, 30, 50, 80, 100, 150, 500)) * 1000),
            "annee_debut": year_start,
            "idees": rng.randint(40, 900),
            "votants": f"{rng.randint(300, 25_000):,}".replace(",", "\u202f"),
            "laureats": rng.randint(3, 40),
            "pourcent": rng.randint(5, 60),
            "age": rng.choice((7, 11, 12, 16)),
            "canal": rng.choice(CANAUX),
            "partenaire": rng.choice(PARTENAIRES),
            "frequent": FREQUENT,
            "phrase": PHRASE,
            "rare": RARE,
        }

        def fill(template):
            return template.format(**values)

        def pick(pool, low, high):
            return [fill(s) for s in rng.sample(pool, min(len(pool), rng.randint(low, high)))]

        if topic.required_titles and rng.random() < topic.title_share:
            title = fill(rng.choice(topic.required_titles))
        else:
            title = fill(rng.choice(topic.titles))
        summary_topic = fill(SUMMARY_TOPIC[topic.key])
        values["summary_topic"] = summary_topic
        values["summary_topic_cap"] = summary_topic[:1].upper() + summary_topic[1:]
        summary = fill(rng.choice(SUMMARY))

        own = pick(topic.sentences, 1, 2)
        if topic.required:
            own.insert(rng.randint(0, len(own)), fill(rng.choice(topic.required)))
        context = pick(CONTEXT, 2, 4)
        method = pick(METHOD, 4, 7)
        for sentence in own:
            method.insert(rng.randint(0, len(method)), sentence)
        results = pick(RESULTS, 2, 4)
        if rng.random() < 0.3:
            results.append(fill(rng.choice(APART_SENTENCES)))
        if has_rare(index):
            method.append(fill(rng.choice(RARE_SENTENCES)))

        themes = list(topic.themes[: rng.randint(1, len(topic.themes))])
        if rng.random() < 0.3:
            themes.append(rng.choice([slug for slug, _name in THEMES if slug != SCHOOL_THEME]))
        audiences = list(topic.audiences[: rng.randint(1, len(topic.audiences))])
        phase_count = rng.randint(1, 3)
        phases = [slug for slug, _name in rng.sample(PHASES, phase_count)]
        principles = rng.sample(range(len(PRINCIPLES)), rng.randint(0, 2))
        ended = rng.random() < 0.4 and year_start < self.last_year
        return SheetText(
            title=title,
            summary=summary,
            easy_read_summary=rng.choice(EASY_READ),
            context=_paragraphs(context),
            method=_paragraphs(method),
            results=_paragraphs(results),
            lessons=_paragraphs(pick(LESSONS, 2, 3)),
            resources=_paragraphs(pick(RESOURCES, 1, 2)) if rng.random() < 0.7 else "",
            staff_effort=rng.choice(DUREES) if rng.random() < 0.6 else "",
            topic=topic.key,
            themes=sorted(set(themes)),
            audiences=sorted(set(audiences)),
            phases=sorted(phases),
            principles=sorted(principles),
            year_start=year_start,
            year_end=rng.randint(year_start + 1, self.last_year) if ended else None,
            cost=rng.choice((None, 5_000, 12_000, 30_000, 75_000, 150_000)),
        )
