"""The demo practice sheets, in French and English, side by side.

Each sheet is told by one of the founding members (by INSEE code). The practices are
plausible but are example text: figures, names and contacts are illustrative, and every
summary says so. Sections are lists: paragraphs for context, method and results, list
items for lessons and resources; the English has the same number of each."""

SHEETS = [
    {
        "slug": "budget-participatif-des-ecoles-et-colleges",
        "member": "75056",  # Paris
        "years": (2017, 2024),
        "cost": None,
        "staff_effort": None,
        "phases": ["depot-idees", "campagne", "vote"],
        "themes": ["jeunesse-ecoles", "vote-numerique-presentiel"],
        "audiences": ["jeunes"],
        "principles": [1, 3],
        "fr": {
            "title": "Un budget participatif dans les écoles et les collèges",
            "summary": (
                "Chaque année, les élèves des écoles élémentaires et des collèges proposent "
                "des projets pour leur établissement, font campagne dans la cour et votent "
                "dans une vraie urne. La démarche fait découvrir le débat et le vote dès "
                "l'enfance et améliore le cadre de vie des élèves."
            ),
            "easy_read": (
                "Les élèves ont des idées pour leur école.\n"
                "Ils présentent leurs idées aux autres élèves.\n"
                "Tous les élèves votent.\n"
                "La ville paie les projets qui gagnent."
            ),
            "context": [
                "Les enfants et les adolescents ne peuvent pas voter au budget participatif "
                "de la ville avant l'âge fixé par le règlement. Les équipes éducatives "
                "demandaient un moyen de faire vivre la citoyenneté à l'école avec des "
                "décisions réelles, et non des simulations.",
            ],
            "method": [
                "Une enveloppe est réservée à chaque établissement volontaire, en fonction "
                "du nombre d'élèves. Les idées sont recueillies en classe pendant six "
                "semaines, puis un conseil d'élèves vérifie avec le directeur et les "
                "services techniques ce qui est faisable.",
                "Les élèves font ensuite campagne : affiches, présentations dans les "
                "classes, parfois une courte vidéo. Le vote a lieu le même jour dans toute "
                "la ville, avec des cartes d'électeur, un isoloir et une urne prêtés par le "
                "service des élections.",
            ],
            "results": [
                "Des coins lecture, des jeux de cour, des jardins pédagogiques et des "
                "fontaines à eau ont été réalisés. La participation des élèves dépasse "
                "souvent 80 % dans les établissements engagés.",
            ],
            "lessons": [
                "Associer les enseignants dès la rentrée : le calendrier scolaire est serré.",
                "Prévoir un retour aux élèves sur les projets non retenus, avec les raisons.",
                "Réaliser les projets avant que les élèves ne quittent l'établissement.",
            ],
            "resources": [
                "Kit pédagogique pour les enseignants : déroulé des séances et fiches "
                "d'idées (exemple).",
                "Modèle de carte d'électeur et de procès-verbal de dépouillement (exemple).",
            ],
        },
        "en": {
            "title": "A participatory budget in primary and secondary schools",
            "summary": (
                "Every year, pupils of primary and lower secondary schools propose projects "
                "for their school, campaign in the playground and vote with a real ballot "
                "box. The scheme introduces children to debate and voting and improves "
                "their surroundings."
            ),
            "easy_read": (
                "Pupils have ideas for their school.\n"
                "They present their ideas to the other pupils.\n"
                "All the pupils vote.\n"
                "The city pays for the projects that win."
            ),
            "context": [
                "Children and teenagers cannot vote in the city's participatory budget "
                "before the age set by its rules. Teaching staff wanted a way to practise "
                "citizenship at school with real decisions rather than simulations.",
            ],
            "method": [
                "An amount is set aside for each volunteer school, according to its number "
                "of pupils. Ideas are collected in class over six weeks, then a pupils' "
                "council checks what is feasible with the head teacher and the technical "
                "services.",
                "Pupils then campaign: posters, talks in classrooms, sometimes a short "
                "video. The vote takes place on the same day across the city, with voter "
                "cards, a voting booth and a ballot box lent by the elections department.",
            ],
            "results": [
                "Reading corners, playground games, school gardens and water fountains have "
                "been delivered. Turnout among pupils often exceeds 80% in the schools that "
                "take part.",
            ],
            "lessons": [
                "Involve teachers from the start of the school year: the calendar is tight.",
                "Tell pupils why the projects that were not chosen did not make it.",
                "Deliver the projects before the pupils leave the school.",
            ],
            "resources": [
                "Teaching kit: outline of the sessions and idea forms (example).",
                "Template voter card and counting report (example).",
            ],
        },
    },
    {
        "slug": "une-part-du-budget-pour-les-quartiers-populaires",
        "member": "75056",  # Paris
        "years": (2016, 2024),
        "cost": None,
        "staff_effort": None,
        "phases": ["conception-reglement", "depot-idees"],
        "themes": ["quartiers", "inclusion"],
        "audiences": ["quartiers-prioritaires", "associations"],
        "principles": [3],
        "fr": {
            "title": "Réserver une part du budget aux quartiers populaires",
            "summary": (
                "Le règlement réserve au moins un tiers de l'enveloppe à des projets situés "
                "dans les quartiers populaires, et des associations de proximité aident les "
                "habitants de ces quartiers à déposer leurs idées. Sans cette règle, les "
                "quartiers les plus mobilisés captaient l'essentiel des votes."
            ),
            "easy_read": (
                "Certains quartiers ont moins de moyens.\n"
                "Une partie de l'argent est gardée pour ces quartiers.\n"
                "Des associations aident les habitants à proposer des projets."
            ),
            "context": [
                "Les premières éditions ont montré que les projets lauréats se concentraient "
                "dans les quartiers où les habitants participent déjà beaucoup à la vie "
                "publique. Les quartiers prioritaires de la politique de la ville déposaient "
                "peu de projets et en voyaient rarement un gagner.",
            ],
            "method": [
                "Le règlement fixe une part minimale de l'enveloppe pour les projets "
                "localisés dans les quartiers populaires. Les projets concourent entre eux "
                "dans cette catégorie, ce qui garantit des lauréats dans chaque quartier "
                "concerné.",
                "Des associations de quartier sont missionnées et rémunérées pour tenir des "
                "permanences, aider à rédiger les idées et accompagner les porteurs pendant "
                "l'étude de faisabilité.",
            ],
            "results": [
                "Le nombre de projets déposés dans ces quartiers a nettement augmenté, et "
                "chaque quartier concerné compte désormais des réalisations visibles : "
                "aires de jeux, jardins partagés, rénovation de locaux associatifs.",
            ],
            "lessons": [
                "Une règle de répartition ne suffit pas : l'accompagnement humain fait la "
                "différence.",
                "Rémunérer les associations qui accompagnent, plutôt que de compter sur le "
                "bénévolat.",
            ],
            "resources": [
                "Extrait du règlement : article sur la part réservée (exemple).",
            ],
        },
        "en": {
            "title": "Setting aside part of the budget for working-class neighbourhoods",
            "summary": (
                "The rules set aside at least a third of the budget for projects located in "
                "working-class neighbourhoods, and local associations help their residents "
                "submit ideas. Without this rule, the most active neighbourhoods won most "
                "of the votes."
            ),
            "easy_read": (
                "Some neighbourhoods have fewer resources.\n"
                "Part of the money is kept for these neighbourhoods.\n"
                "Associations help residents propose projects."
            ),
            "context": [
                "The first editions showed that winning projects were concentrated in "
                "neighbourhoods whose residents already take a large part in public life. "
                "Priority neighbourhoods submitted few projects and rarely saw one win.",
            ],
            "method": [
                "The rules set a minimum share of the budget for projects located in "
                "working-class neighbourhoods. Projects compete with each other within this "
                "category, which guarantees winners in each neighbourhood concerned.",
                "Neighbourhood associations are commissioned and paid to hold drop-in "
                "sessions, help write ideas down and support project leaders during the "
                "feasibility study.",
            ],
            "results": [
                "The number of projects submitted in these neighbourhoods has risen "
                "markedly, and each of them now has visible achievements: playgrounds, "
                "shared gardens, renovated premises for associations.",
            ],
            "lessons": [
                "A distribution rule is not enough: personal support makes the difference.",
                "Pay the associations that provide support rather than relying on volunteers.",
            ],
            "resources": [
                "Extract from the rules: the article on the reserved share (example).",
            ],
        },
    },
    {
        "slug": "un-bus-pour-aller-voter-dans-les-quartiers",
        "member": "38185",  # Grenoble
        "years": (2018, 2023),
        "cost": 12000,
        "staff_effort": (
            "Deux agents pendant les trois semaines du vote",
            "Two officers during the three weeks of the vote",
        ),
        "phases": ["vote"],
        "themes": ["vote-numerique-presentiel", "inclusion", "quartiers"],
        "audiences": ["personnes-agees", "quartiers-prioritaires"],
        "principles": [3],
        "fr": {
            "title": "Un bus pour voter au pied des immeubles",
            "summary": (
                "Pour compléter le vote en ligne, un bus aménagé en bureau de vote circule "
                "pendant trois semaines sur les marchés, devant les écoles et au pied des "
                "immeubles. Les habitants qui n'auraient pas voté sur internet peuvent le "
                "faire sur place, accompagnés par des agents."
            ),
            "easy_read": (
                "Un bus passe dans les quartiers.\n"
                "Dans le bus, on peut voter.\n"
                "Des agents aident les personnes qui le demandent."
            ),
            "context": [
                "Le vote se faisait surtout en ligne. Les personnes âgées, les habitants "
                "sans ordinateur et ceux qui ne connaissaient pas le budget participatif "
                "votaient peu, en particulier dans les quartiers éloignés du centre.",
            ],
            "method": [
                "Un minibus de la ville a été équipé de tablettes, d'affiches présentant "
                "les projets et d'une urne pour le vote papier. Un calendrier de passages "
                "a été publié à l'avance, avec deux à trois arrêts par jour.",
                "Les agents présents expliquent les projets sans orienter le choix et "
                "vérifient l'identité des votants pour éviter les doubles votes avec le "
                "vote en ligne.",
            ],
            "results": [
                "Près d'un vote sur cinq a été recueilli dans le bus lors de la dernière "
                "édition. Les votants du bus sont plus âgés que les votants en ligne et "
                "habitent plus souvent les quartiers prioritaires.",
            ],
            "lessons": [
                "Choisir les arrêts avec les centres sociaux, qui connaissent les horaires "
                "de passage des habitants.",
                "Croiser chaque soir les listes du vote papier et du vote en ligne.",
            ],
            "resources": [
                "Calendrier type des passages du bus (exemple).",
                "Fiche de procédure pour les agents : accueil, identité, urne (exemple).",
            ],
        },
        "en": {
            "title": "A bus to vote at the foot of the tower blocks",
            "summary": (
                "To complement online voting, a bus fitted out as a polling station travels "
                "for three weeks to markets, school gates and the foot of tower blocks. "
                "Residents who would not have voted online can do so on the spot, helped by "
                "staff."
            ),
            "easy_read": (
                "A bus goes to the neighbourhoods.\n"
                "In the bus, you can vote.\n"
                "Staff help people who ask for help."
            ),
            "context": [
                "Voting was mostly online. Older people, residents without a computer and "
                "those who did not know the participatory budget voted little, especially "
                "in neighbourhoods far from the centre.",
            ],
            "method": [
                "A city minibus was fitted with tablets, posters presenting the projects "
                "and a ballot box for paper voting. A timetable of stops was published in "
                "advance, with two or three stops a day.",
                "Staff on board explain the projects without steering the choice and check "
                "voters' identity to prevent double voting with the online vote.",
            ],
            "results": [
                "Almost one vote in five was cast in the bus at the last edition. Bus "
                "voters are older than online voters and more often live in priority "
                "neighbourhoods.",
            ],
            "lessons": [
                "Choose the stops with the community centres, which know when residents "
                "are around.",
                "Cross-check the paper and online voting lists every evening.",
            ],
            "resources": [
                "Typical timetable of the bus stops (example).",
                "Procedure sheet for staff: welcome, identity, ballot box (example).",
            ],
        },
    },
    {
        "slug": "une-analyse-de-faisabilite-partagee",
        "member": "35238",  # Rennes
        "years": (2019, 2024),
        "cost": None,
        "staff_effort": (
            "Un référent par direction, environ dix jours par édition",
            "One contact per department, about ten days per edition",
        ),
        "phases": ["analyse-faisabilite"],
        "themes": ["communication"],
        "audiences": ["associations"],
        "principles": [4],
        "document": {
            "title": ("Grille d'analyse de faisabilité (exemple)", "Feasibility grid (example)"),
            "lines": [
                "Budget participatif - grille d'analyse de faisabilite (exemple)",
                "1. Le projet releve-t-il des competences de la ville ?",
                "2. Est-il situe sur un terrain public ?",
                "3. Son cout est-il compatible avec l'enveloppe ?",
                "4. Peut-il etre realise en deux ans ?",
                "5. Quel cout de fonctionnement apres realisation ?",
                "Document d'exemple / Example document",
            ],
        },
        "fr": {
            "title": "Une analyse de faisabilité expliquée à chaque porteur",
            "summary": (
                "Chaque idée déposée est étudiée avec une grille publique, et chaque porteur "
                "reçoit une réponse motivée, qu'elle soit positive ou non. Les porteurs "
                "peuvent rencontrer les services pour retravailler leur projet avant la "
                "décision finale."
            ),
            "easy_read": (
                "La ville regarde si chaque idée est possible.\n"
                "Elle utilise une liste de questions publique.\n"
                "Chaque personne reçoit une réponse qui explique la décision."
            ),
            "context": [
                "Les porteurs d'idées écartées ne comprenaient pas les refus, parfois "
                "annoncés en une ligne. Cette opacité nourrissait la défiance envers la "
                "démarche, jusque parmi les projets retenus.",
            ],
            "method": [
                "Une grille de cinq questions a été publiée avec le règlement : compétence "
                "de la ville, terrain public, coût, délai de réalisation, coût de "
                "fonctionnement. Chaque direction désigne un référent qui remplit la grille "
                "dans un délai fixé.",
                "Avant tout refus, le porteur est invité à un échange avec le service "
                "concerné. Beaucoup d'idées sont fusionnées ou ajustées plutôt qu'écartées.",
            ],
            "results": [
                "Les réponses motivées sont publiées avec chaque idée. Les réclamations "
                "ont fortement diminué, et plus d'un tiers des idées d'abord jugées "
                "irréalisables ont été reformulées puis soumises au vote.",
            ],
            "lessons": [
                "Publier la grille avant le dépôt des idées, pas après.",
                "Fixer un délai de réponse aux directions et le tenir.",
                "Écrire les réponses dans une langue claire, sans jargon administratif.",
            ],
            "resources": [
                "Grille d'analyse de faisabilité : voir le document joint.",
            ],
        },
        "en": {
            "title": "A feasibility study explained to every project leader",
            "summary": (
                "Each idea submitted is studied with a public grid, and every project "
                "leader receives a reasoned answer, positive or not. Leaders can meet the "
                "departments to rework their project before the final decision."
            ),
            "easy_read": (
                "The city checks whether each idea is possible.\n"
                "It uses a public list of questions.\n"
                "Each person gets an answer that explains the decision."
            ),
            "context": [
                "People whose ideas were turned down did not understand why, sometimes "
                "being told in one line. This opacity fed distrust of the scheme, even "
                "among the projects that were kept.",
            ],
            "method": [
                "A grid of five questions was published with the rules: the city's "
                "powers, public land, cost, delivery time, running cost. Each department "
                "appoints a contact who fills in the grid within a set time.",
                "Before any refusal, the project leader is invited to talk with the "
                "department concerned. Many ideas are merged or adjusted rather than "
                "dropped.",
            ],
            "results": [
                "The reasoned answers are published with each idea. Complaints have "
                "dropped sharply, and more than a third of the ideas first judged "
                "unfeasible were reworded and then put to the vote.",
            ],
            "lessons": [
                "Publish the grid before ideas are submitted, not after.",
                "Give departments a deadline to answer, and keep to it.",
                "Write the answers in plain language, without administrative jargon.",
            ],
            "resources": [
                "Feasibility grid: see the attached document.",
            ],
        },
    },
    {
        "slug": "un-comite-de-suivi-tire-au-sort",
        "member": "35238",  # Rennes
        "years": (2020, 2024),
        "cost": 8000,
        "staff_effort": None,
        "phases": ["realisation", "evaluation"],
        "themes": ["comites-citoyens"],
        "audiences": [],
        "principles": [2, 4],
        "contact": ("Mission démocratie locale (exemple)", "democratie.locale@rennes.example"),
        "fr": {
            "title": "Un comité de suivi citoyen tiré au sort",
            "summary": (
                "Vingt habitants tirés au sort suivent la réalisation des projets lauréats "
                "pendant deux ans : ils visitent les chantiers, interrogent les services et "
                "rendent un avis public chaque année sur le respect des engagements."
            ),
            "easy_read": (
                "Vingt habitants sont choisis au hasard.\n"
                "Ils vérifient que les projets gagnants sont bien construits.\n"
                "Chaque année, ils disent ce qu'ils ont vu."
            ),
            "context": [
                "Une fois le vote passé, les habitants perdaient de vue les projets. "
                "Certains chantiers prenaient du retard sans explication, ce qui faisait "
                "douter de la parole de la ville.",
            ],
            "method": [
                "Le comité est tiré au sort parmi des volontaires, avec une parité "
                "femmes-hommes et au moins un membre par quartier. Il se réunit quatre fois "
                "par an et choisit lui-même les chantiers qu'il visite.",
                "Les membres reçoivent une indemnité par séance et un remboursement de "
                "la garde d'enfants. L'avis annuel est présenté en conseil municipal.",
            ],
            "results": [
                "Trois avis ont été rendus. Ils ont conduit à publier un tableau de suivi "
                "des réalisations et à accélérer plusieurs chantiers en retard.",
            ],
            "lessons": [
                "L'indemnisation est décisive pour que le comité ressemble à la population.",
                "Donner au comité un accès direct aux chefs de projet, sans filtre.",
            ],
            "resources": [
                "Charte de fonctionnement du comité de suivi (exemple).",
                "Modèle d'avis annuel (exemple).",
            ],
        },
        "en": {
            "title": "A monitoring committee of residents drawn by lot",
            "summary": (
                "Twenty residents drawn by lot follow the delivery of the winning projects "
                "for two years: they visit the sites, question the departments and give a "
                "public opinion each year on whether commitments were kept."
            ),
            "easy_read": (
                "Twenty residents are chosen at random.\n"
                "They check that the winning projects are really built.\n"
                "Every year, they say what they saw."
            ),
            "context": [
                "Once the vote was over, residents lost track of the projects. Some works "
                "fell behind without explanation, which cast doubt on the city's word.",
            ],
            "method": [
                "The committee is drawn by lot among volunteers, with gender parity and at "
                "least one member per neighbourhood. It meets four times a year and chooses "
                "the sites it visits.",
                "Members receive an allowance per meeting and childcare costs. The annual "
                "opinion is presented to the city council.",
            ],
            "results": [
                "Three opinions have been given. They led to publishing a delivery "
                "dashboard and to speeding up several delayed works.",
            ],
            "lessons": [
                "The allowance is decisive for the committee to look like the population.",
                "Give the committee direct access to project managers, without filter.",
            ],
            "resources": [
                "Terms of reference of the monitoring committee (example).",
                "Template annual opinion (example).",
            ],
        },
    },
    {
        "slug": "des-ateliers-pour-co-construire-les-projets",
        "member": "93048",  # Montreuil
        "years": (2015, 2024),
        "cost": None,
        "staff_effort": None,
        "phases": ["co-construction", "depot-idees"],
        "themes": ["quartiers", "inclusion"],
        "audiences": ["associations", "quartiers-prioritaires"],
        "principles": [1, 3],
        "fr": {
            "title": "Des ateliers de quartier pour co-construire les projets",
            "summary": (
                "Entre le dépôt des idées et le vote, des ateliers réunissent dans chaque "
                "quartier les porteurs, les habitants et les techniciens pour rapprocher "
                "les idées semblables et écrire ensemble des projets réalisables."
            ),
            "easy_read": (
                "Les habitants se réunissent dans leur quartier.\n"
                "Ils travaillent avec des techniciens de la ville.\n"
                "Ensemble, ils écrivent des projets qui peuvent être construits."
            ),
            "context": [
                "Beaucoup d'idées se ressemblaient, et certaines étaient écartées pour des "
                "raisons techniques que leurs porteurs auraient pu surmonter avec un peu "
                "d'aide.",
            ],
            "method": [
                "Deux ateliers par quartier, le soir et le samedi matin, animés par des "
                "agents formés. Les idées proches sont rassemblées, les porteurs se "
                "rencontrent et décident s'ils portent un projet commun.",
                "Les techniciens présents chiffrent sur place les grandes options. Les "
                "projets issus des ateliers sont signalés comme co-construits sur la "
                "plateforme de vote.",
            ],
            "results": [
                "Le nombre de projets soumis au vote a diminué, mais leur qualité et leur "
                "taux de réalisation ont augmenté. Des collectifs d'habitants sont nés des "
                "ateliers et suivent leurs projets jusqu'au bout.",
            ],
            "lessons": [
                "Proposer des horaires variés pour toucher les parents et les salariés.",
                "Laisser les porteurs décider seuls de fusionner leurs projets.",
            ],
            "resources": [
                "Déroulé d'un atelier de co-construction (exemple).",
            ],
        },
        "en": {
            "title": "Neighbourhood workshops to co-construct the projects",
            "summary": (
                "Between the call for ideas and the vote, workshops in each neighbourhood "
                "bring together project leaders, residents and technical staff to merge "
                "similar ideas and write feasible projects together."
            ),
            "easy_read": (
                "Residents meet in their neighbourhood.\n"
                "They work with the city's technical staff.\n"
                "Together, they write projects that can be built."
            ),
            "context": [
                "Many ideas were alike, and some were dropped for technical reasons their "
                "authors could have overcome with a little help.",
            ],
            "method": [
                "Two workshops per neighbourhood, in the evening and on Saturday morning, "
                "run by trained staff. Similar ideas are grouped, their authors meet and "
                "decide whether to carry a joint project.",
                "Technical staff give rough costs for the main options on the spot. "
                "Projects from the workshops are marked as co-constructed on the voting "
                "platform.",
            ],
            "results": [
                "Fewer projects were put to the vote, but their quality and delivery rate "
                "rose. Residents' groups were born in the workshops and follow their "
                "projects to the end.",
            ],
            "lessons": [
                "Offer varied times to reach parents and people in work.",
                "Let project leaders decide for themselves whether to merge their projects.",
            ],
            "resources": [
                "Outline of a co-construction workshop (example).",
            ],
        },
    },
    {
        "slug": "suivre-chaque-realisation-en-ligne",
        "member": "93048",  # Montreuil
        "years": (2019, 2024),
        "cost": 15000,
        "staff_effort": (
            "Une demi-journée par semaine pour la mise à jour",
            "Half a day a week to keep it up to date",
        ),
        "phases": ["realisation", "annonce-resultats"],
        "themes": ["communication"],
        "audiences": [],
        "principles": [4, 2],
        "fr": {
            "title": "Suivre l'avancement de chaque projet lauréat en ligne",
            "summary": (
                "Une carte en ligne montre chaque projet lauréat avec son état d'avancement, "
                "son coût prévu et réel et les raisons d'un éventuel retard. Les habitants "
                "peuvent s'abonner aux nouvelles d'un projet."
            ),
            "easy_read": (
                "Sur internet, une carte montre les projets gagnants.\n"
                "On voit si le projet est fini ou pas.\n"
                "On voit combien il coûte."
            ),
            "context": [
                "Les habitants demandaient régulièrement où en était tel ou tel projet. "
                "Les réponses étaient dispersées entre plusieurs services et rarement à "
                "jour.",
            ],
            "method": [
                "Chaque projet lauréat a une fiche publique avec cinq états : à l'étude, "
                "en conception, en travaux, réalisé, abandonné avec motif. Le chef de "
                "projet met à jour la fiche à chaque étape.",
                "Un courriel est envoyé aux personnes abonnées à chaque changement d'état, "
                "et un bilan annuel reprend les coûts prévus et réels.",
            ],
            "results": [
                "Les demandes d'information ont diminué. Les retards, désormais visibles, "
                "sont mieux expliqués, et les abandons restent rares.",
            ],
            "lessons": [
                "Publier aussi les projets abandonnés, avec la raison : c'est ce qui crée "
                "la confiance.",
                "Désigner un responsable de la mise à jour dans chaque direction.",
            ],
            "resources": [
                "Liste des états d'avancement et leur définition (exemple).",
            ],
        },
        "en": {
            "title": "Following the progress of each winning project online",
            "summary": (
                "An online map shows each winning project with its progress, its planned "
                "and actual cost and the reasons for any delay. Residents can subscribe to "
                "news about a project."
            ),
            "easy_read": (
                "On the internet, a map shows the winning projects.\n"
                "You can see whether a project is finished or not.\n"
                "You can see how much it costs."
            ),
            "context": [
                "Residents often asked how a given project was going. Answers were spread "
                "across several departments and rarely up to date.",
            ],
            "method": [
                "Each winning project has a public page with five states: under study, "
                "in design, under construction, delivered, abandoned with a reason. The "
                "project manager updates the page at each step.",
                "Subscribers receive an email at each change of state, and a yearly "
                "report sets planned costs against actual costs.",
            ],
            "results": [
                "Requests for information have dropped. Delays, now visible, are better "
                "explained, and abandoned projects remain rare.",
            ],
            "lessons": [
                "Publish abandoned projects too, with the reason: that is what builds trust.",
                "Name someone responsible for updates in each department.",
            ],
            "resources": [
                "List of progress states and their definitions (example).",
            ],
        },
    },
    {
        "slug": "une-commission-citoyenne-ecrit-le-reglement",
        "member": "63113",  # Clermont-Ferrand
        "years": (2018, 2019),
        "cost": 5000,
        "staff_effort": (
            "Une chargée de mission à temps plein pendant quatre mois",
            "One full-time project officer for four months",
        ),
        "phases": ["conception-reglement"],
        "themes": ["comites-citoyens"],
        "audiences": ["associations", "jeunes"],
        "principles": [1, 2],
        "fr": {
            "title": "Une commission citoyenne écrit le règlement",
            "summary": (
                "Avant la première édition, une commission de trente habitants, élus et "
                "associations a rédigé le règlement du budget participatif : qui peut "
                "proposer, qui peut voter, quels projets sont éligibles et comment on les "
                "analyse. Le conseil municipal l'a adopté sans le modifier."
            ),
            "easy_read": (
                "Des habitants ont écrit les règles du budget participatif.\n"
                "Des élus et des associations les ont aidés.\n"
                "Le conseil municipal a accepté ces règles."
            ),
            "context": [
                "La ville lançait son premier budget participatif et voulait éviter un "
                "règlement écrit par les seuls services, que les habitants auraient perçu "
                "comme une consultation de plus.",
            ],
            "method": [
                "La commission réunissait des habitants tirés au sort, des représentants "
                "d'associations et des élus de la majorité et de l'opposition. Elle s'est "
                "réunie six fois, avec des apports d'autres villes du réseau.",
                "Chaque article a été discuté puis voté. Les points de désaccord, comme "
                "l'âge minimum pour voter, ont été tranchés par un vote de la commission.",
            ],
            "results": [
                "Le règlement a été adopté à l'unanimité. La commission se réunit depuis "
                "chaque année pour proposer des ajustements à partir du bilan de l'édition.",
            ],
            "lessons": [
                "Associer l'opposition dès le départ protège la démarche des changements "
                "de majorité.",
                "Prévoir des apports extérieurs : les membres veulent savoir ce qui se fait "
                "ailleurs.",
            ],
            "resources": [
                "Règlement du budget participatif issu de la commission (exemple).",
            ],
        },
        "en": {
            "title": "A citizens' commission writes the rules",
            "summary": (
                "Before the first edition, a commission of thirty residents, elected "
                "officials and associations drafted the rules of the participatory budget: "
                "who can propose, who can vote, which projects are eligible and how they "
                "are studied. The city council adopted them unchanged."
            ),
            "easy_read": (
                "Residents wrote the rules of the participatory budget.\n"
                "Elected officials and associations helped them.\n"
                "The city council accepted these rules."
            ),
            "context": [
                "The city was launching its first participatory budget and wanted to avoid "
                "rules written by its departments alone, which residents would have seen "
                "as one more consultation.",
            ],
            "method": [
                "The commission brought together residents drawn by lot, representatives "
                "of associations and elected officials from the majority and the "
                "opposition. It met six times, with input from other cities of the network.",
                "Each article was discussed then voted on. Disagreements, such as the "
                "minimum voting age, were settled by a vote of the commission.",
            ],
            "results": [
                "The rules were adopted unanimously. The commission has met every year "
                "since to propose adjustments based on the review of the edition.",
            ],
            "lessons": [
                "Involving the opposition from the start protects the scheme from changes "
                "of majority.",
                "Plan outside input: members want to know what is done elsewhere.",
            ],
            "resources": [
                "Rules of the participatory budget drafted by the commission (example).",
            ],
        },
    },
    {
        "slug": "faire-campagne-sur-les-marches",
        "member": "49007",  # Angers
        "years": (2019, 2024),
        "cost": None,
        "staff_effort": None,
        "phases": ["campagne"],
        "themes": ["communication", "inclusion"],
        "audiences": ["personnes-agees"],
        "principles": [3],
        "fr": {
            "title": "Les porteurs de projets font campagne sur les marchés",
            "summary": (
                "Pendant la campagne, la ville installe un stand sur les marchés de chaque "
                "quartier où les porteurs présentent eux-mêmes leur projet. Les habitants "
                "découvrent les projets en discutant, et peuvent voter sur place sur "
                "tablette."
            ),
            "easy_read": (
                "Le samedi, il y a un stand sur le marché.\n"
                "Les habitants qui ont proposé un projet l'expliquent.\n"
                "On peut voter tout de suite."
            ),
            "context": [
                "Les projets étaient présentés uniquement en ligne et sur des affiches. "
                "Les porteurs les moins à l'aise avec les réseaux sociaux étaient "
                "désavantagés face aux collectifs déjà organisés.",
            ],
            "method": [
                "La ville fournit un stand, des panneaux identiques pour tous les projets "
                "et un planning de présence. Chaque porteur peut réserver des créneaux, "
                "dans la limite d'un nombre égal pour tous.",
                "Un agent tient le stand, rappelle les règles de la campagne et propose le "
                "vote sur tablette aux personnes qui le souhaitent.",
            ],
            "results": [
                "Les marchés sont devenus un moment fort de la campagne. Les porteurs "
                "disent y avoir rencontré des habitants qu'ils ne touchaient pas en ligne.",
            ],
            "lessons": [
                "Les mêmes moyens de campagne pour tous les projets garantissent l'équité.",
                "Les marchés du matin touchent beaucoup de personnes âgées : prévoir des "
                "documents en gros caractères.",
            ],
            "resources": [
                "Règles de la campagne pour les porteurs de projets (exemple).",
            ],
        },
        "en": {
            "title": "Project leaders campaign at the markets",
            "summary": (
                "During the campaign, the city sets up a stall at the markets of each "
                "neighbourhood where project leaders present their own project. Residents "
                "discover the projects by talking, and can vote on the spot on a tablet."
            ),
            "easy_read": (
                "On Saturdays, there is a stall at the market.\n"
                "Residents who proposed a project explain it.\n"
                "You can vote straight away."
            ),
            "context": [
                "Projects were presented only online and on posters. Leaders less at ease "
                "with social media were at a disadvantage against groups that were already "
                "organised.",
            ],
            "method": [
                "The city provides a stall, identical panels for all projects and a rota. "
                "Each project leader can book slots, within a number equal for all.",
                "A member of staff runs the stall, reminds everyone of the campaign rules "
                "and offers tablet voting to those who wish.",
            ],
            "results": [
                "The markets have become a highlight of the campaign. Project leaders say "
                "they met residents there whom they did not reach online.",
            ],
            "lessons": [
                "The same campaign resources for every project guarantee fairness.",
                "Morning markets reach many older people: have documents in large print.",
            ],
            "resources": [
                "Campaign rules for project leaders (example).",
            ],
        },
    },
    {
        "slug": "un-bonus-pour-les-projets-de-transition-ecologique",
        "member": "33063",  # Bordeaux
        "years": (2019, 2023),
        "cost": None,
        "staff_effort": None,
        "phases": ["analyse-faisabilite", "conception-reglement"],
        "themes": ["transition-ecologique"],
        "audiences": ["associations"],
        "principles": [1],
        "fr": {
            "title": "Orienter le budget participatif vers la transition écologique",
            "summary": (
                "Une part de l'enveloppe est réservée aux projets qui végétalisent la ville, "
                "favorisent le vélo ou réduisent les déchets. Un service d'accompagnement "
                "aide les porteurs à améliorer l'impact écologique de leurs idées."
            ),
            "easy_read": (
                "Une partie de l'argent va aux projets pour la nature.\n"
                "Par exemple : planter des arbres, faire des pistes cyclables.\n"
                "La ville aide les habitants à améliorer leurs projets."
            ),
            "context": [
                "Les habitants proposaient déjà beaucoup de projets liés à la nature en "
                "ville, mais souvent trop petits ou difficiles à entretenir. La ville "
                "voulait en faire un levier de son plan climat.",
            ],
            "method": [
                "Le règlement définit une catégorie transition écologique avec des critères "
                "publics. Les projets de cette catégorie concourent pour une enveloppe "
                "dédiée, en plus de l'enveloppe générale.",
                "Des agents du service des espaces verts et une association d'éducation à "
                "l'environnement tiennent des permanences pour aider les porteurs à "
                "choisir des essences adaptées et à prévoir l'entretien.",
            ],
            "results": [
                "Des centaines d'arbres plantés, des cours d'école désimperméabilisées et "
                "des stationnements vélos ajoutés en quatre éditions.",
            ],
            "lessons": [
                "Prévoir l'entretien dès l'analyse : un jardin sans jardinier dépérit.",
                "Des critères publics évitent le soupçon de favoritisme.",
            ],
            "resources": [
                "Critères de la catégorie transition écologique (exemple).",
            ],
        },
        "en": {
            "title": "Steering the participatory budget towards the ecological transition",
            "summary": (
                "Part of the budget is set aside for projects that green the city, "
                "encourage cycling or reduce waste. A support service helps project "
                "leaders improve the ecological impact of their ideas."
            ),
            "easy_read": (
                "Part of the money goes to projects for nature.\n"
                "For example: planting trees, building cycle lanes.\n"
                "The city helps residents improve their projects."
            ),
            "context": [
                "Residents were already proposing many projects about nature in the city, "
                "but often too small or hard to maintain. The city wanted to make them a "
                "lever of its climate plan.",
            ],
            "method": [
                "The rules define an ecological transition category with public criteria. "
                "Projects in this category compete for a dedicated amount, on top of the "
                "general budget.",
                "Staff from the parks department and an environmental education "
                "association hold drop-in sessions to help leaders choose suitable species "
                "and plan maintenance.",
            ],
            "results": [
                "Hundreds of trees planted, schoolyards unsealed and bicycle parking added "
                "over four editions.",
            ],
            "lessons": [
                "Plan maintenance from the study stage: a garden without a gardener dies.",
                "Public criteria avoid any suspicion of favouritism.",
            ],
            "resources": [
                "Criteria of the ecological transition category (example).",
            ],
        },
    },
    {
        "slug": "un-budget-participatif-en-facile-a-lire",
        "member": "37261",  # Tours
        "years": (2021, 2024),
        "cost": 6000,
        "staff_effort": None,
        "phases": ["depot-idees", "vote"],
        "themes": ["inclusion", "communication"],
        "audiences": ["situation-handicap", "personnes-agees"],
        "principles": [3],
        "fr": {
            "title": "Des documents faciles à lire et un accompagnement pour voter",
            "summary": (
                "Le règlement, le formulaire de dépôt et la présentation des projets "
                "existent en version facile à lire et à comprendre, relue par des personnes "
                "en situation de handicap intellectuel. Des bureaux de vote accessibles et "
                "des accompagnants formés complètent le dispositif."
            ),
            "easy_read": (
                "Les documents du budget participatif sont faciles à lire.\n"
                "Des personnes handicapées les ont relus.\n"
                "Des personnes peuvent vous aider à voter."
            ),
            "context": [
                "Les associations de personnes en situation de handicap ont signalé que "
                "les documents du budget participatif étaient trop longs et trop "
                "techniques, et que la plateforme en ligne n'était pas accessible.",
            ],
            "method": [
                "Un établissement et service d'aide par le travail a été rémunéré pour "
                "relire les documents transcrits en facile à lire. Chaque projet soumis au "
                "vote a un résumé en phrases courtes, avec une illustration.",
                "Les bureaux de vote ont été choisis de plain-pied, et des agents formés "
                "accompagnent les votants qui le demandent, sans voter à leur place.",
            ],
            "results": [
                "Des personnes qui n'avaient jamais participé ont déposé des idées, dont "
                "un projet de signalétique adaptée dans un parc, lauréat à sa première "
                "édition.",
            ],
            "lessons": [
                "La relecture par les personnes concernées est indispensable.",
                "Les résumés faciles à lire servent à tout le monde, pas seulement aux "
                "personnes en situation de handicap.",
            ],
            "resources": [
                "Règlement en version facile à lire et à comprendre (exemple).",
                "Guide d'accompagnement au vote pour les agents (exemple).",
            ],
        },
        "en": {
            "title": "Easy-to-read documents and support to vote",
            "summary": (
                "The rules, the submission form and the presentation of projects exist in "
                "an easy-to-read version, checked by people with intellectual "
                "disabilities. Accessible polling stations and trained helpers complete "
                "the scheme."
            ),
            "easy_read": (
                "The participatory budget documents are easy to read.\n"
                "People with disabilities checked them.\n"
                "People can help you vote."
            ),
            "context": [
                "Disability associations reported that the participatory budget documents "
                "were too long and too technical, and that the online platform was not "
                "accessible.",
            ],
            "method": [
                "A sheltered employment service was paid to check the documents written in "
                "easy-to-read language. Each project put to the vote has a summary in short "
                "sentences, with a picture.",
                "Polling stations were chosen on the ground floor, and trained staff help "
                "voters who ask, without voting for them.",
            ],
            "results": [
                "People who had never taken part submitted ideas, including a project for "
                "adapted signage in a park, which won at its first edition.",
            ],
            "lessons": [
                "Review by the people concerned is essential.",
                "Easy-to-read summaries help everyone, not only people with disabilities.",
            ],
            "resources": [
                "Easy-to-read version of the rules (example).",
                "Voting support guide for staff (example).",
            ],
        },
    },
    {
        "slug": "demarrer-avec-une-petite-equipe",
        "member": "81004",  # Albi
        "years": (2019, 2024),
        "cost": 3000,
        "staff_effort": (
            "Un agent à mi-temps, renforcé pendant le vote",
            "One officer half-time, with extra help during the vote",
        ),
        "phases": ["conception-reglement", "depot-idees", "vote"],
        "themes": ["communication"],
        "audiences": [],
        "principles": [2],
        "adapted_from": ["une-commission-citoyenne-ecrit-le-reglement"],
        "fr": {
            "title": "Lancer un budget participatif avec une petite équipe",
            "summary": (
                "Une ville moyenne a lancé son budget participatif avec un seul agent à "
                "mi-temps, en s'appuyant sur les outils et le règlement d'autres villes du "
                "réseau. Un calendrier simple et répété chaque année a permis de tenir la "
                "durée."
            ),
            "easy_read": (
                "La ville a peu d'agents pour le budget participatif.\n"
                "Elle a copié les bonnes idées d'autres villes.\n"
                "Chaque année, les étapes sont les mêmes."
            ),
            "context": [
                "La ville n'avait ni service de démocratie participative ni budget pour "
                "un prestataire. Les élus craignaient de lancer une démarche qu'ils ne "
                "pourraient pas tenir dans le temps.",
            ],
            "method": [
                "Le règlement a été adapté de celui d'une autre ville du réseau, discuté "
                "avec un groupe d'habitants volontaires puis voté en conseil municipal. "
                "Le calendrier est identique chaque année : dépôt au printemps, analyse "
                "l'été, vote à l'automne.",
                "Le vote se fait sur une plateforme libre hébergée par une intercommunalité "
                "voisine, et en mairie sur papier. Les agents d'accueil ont été formés pour "
                "aider les habitants à déposer une idée.",
            ],
            "results": [
                "Six éditions sans interruption, une participation stable et un taux de "
                "réalisation élevé, faute de projets trop ambitieux.",
            ],
            "lessons": [
                "Un calendrier fixe fait gagner du temps à tout le monde.",
                "Ne pas hésiter à demander leurs documents aux autres villes du réseau.",
            ],
            "resources": [
                "Calendrier annuel type (exemple).",
            ],
        },
        "en": {
            "title": "Launching a participatory budget with a small team",
            "summary": (
                "A medium-sized town launched its participatory budget with a single "
                "officer working half-time, using the tools and rules of other cities in "
                "the network. A simple calendar, repeated every year, made it last."
            ),
            "easy_read": (
                "The town has few staff for the participatory budget.\n"
                "It copied good ideas from other towns.\n"
                "Every year, the steps are the same."
            ),
            "context": [
                "The town had neither a participation department nor money for a provider. "
                "Elected officials feared launching a scheme they could not sustain.",
            ],
            "method": [
                "The rules were adapted from those of another city of the network, "
                "discussed with a group of volunteer residents and then voted by the town "
                "council. The calendar is the same every year: ideas in spring, study in "
                "summer, vote in autumn.",
                "Voting takes place on an open-source platform hosted by a neighbouring "
                "inter-municipal body, and on paper at the town hall. Reception staff were "
                "trained to help residents submit an idea.",
            ],
            "results": [
                "Six editions without a break, steady turnout and a high delivery rate, "
                "since there were no overly ambitious projects.",
            ],
            "lessons": [
                "A fixed calendar saves everyone time.",
                "Do not hesitate to ask other cities of the network for their documents.",
            ],
            "resources": [
                "Typical yearly calendar (example).",
            ],
        },
    },
    {
        "slug": "annoncer-les-resultats-en-public",
        "member": "13055",  # Marseille
        "years": (2022, 2024),
        "cost": 20000,
        "staff_effort": None,
        "phases": ["annonce-resultats"],
        "themes": ["communication", "quartiers"],
        "audiences": ["quartiers-prioritaires"],
        "principles": [4],
        "fr": {
            "title": "Annoncer les résultats en public, secteur par secteur",
            "summary": (
                "Les résultats du vote sont annoncés lors de soirées publiques organisées "
                "dans chaque secteur de la ville, où les porteurs des projets lauréats "
                "prennent la parole. Les résultats détaillés sont publiés en données "
                "ouvertes le soir même."
            ),
            "easy_read": (
                "Après le vote, il y a une fête dans chaque secteur.\n"
                "On dit quels projets ont gagné.\n"
                "Tous les résultats sont publiés sur internet."
            ),
            "context": [
                "Les résultats étaient publiés par communiqué, ce qui passait inaperçu. "
                "Les habitants qui avaient voté n'en entendaient plus parler.",
            ],
            "method": [
                "Une soirée est organisée dans chaque secteur, dans une salle de quartier, "
                "avec les élus du secteur et les porteurs de projets. Les résultats de "
                "tous les projets, lauréats ou non, sont projetés.",
                "Le fichier des résultats, avec le nombre de voix de chaque projet, est "
                "publié sous licence ouverte au moment de l'annonce.",
            ],
            "results": [
                "Les soirées ont réuni plusieurs centaines de personnes. Les porteurs des "
                "projets non retenus disent mieux accepter le résultat quand ils voient "
                "les chiffres.",
            ],
            "lessons": [
                "Annoncer tous les résultats, pas seulement les lauréats.",
                "Publier les données ouvertes en même temps que l'annonce.",
            ],
            "resources": [
                "Fichier type des résultats en données ouvertes (exemple).",
            ],
        },
        "en": {
            "title": "Announcing the results in public, district by district",
            "summary": (
                "The results of the vote are announced at public evenings held in each "
                "district of the city, where the leaders of winning projects speak. "
                "Detailed results are published as open data the same evening."
            ),
            "easy_read": (
                "After the vote, there is a party in each district.\n"
                "People are told which projects won.\n"
                "All the results are published on the internet."
            ),
            "context": [
                "Results used to be published in a press release, which went unnoticed. "
                "Residents who had voted heard nothing more about it.",
            ],
            "method": [
                "An evening is held in each district, in a community hall, with the "
                "district's elected officials and the project leaders. The results of all "
                "projects, winning or not, are shown on screen.",
                "The results file, with the number of votes for each project, is "
                "published under an open licence at the time of the announcement.",
            ],
            "results": [
                "The evenings drew several hundred people. Leaders of projects that were "
                "not chosen say they accept the result better when they see the figures.",
            ],
            "lessons": [
                "Announce all the results, not only the winners.",
                "Publish the open data at the same time as the announcement.",
            ],
            "resources": [
                "Template open-data results file (example).",
            ],
        },
    },
    {
        "slug": "des-urnes-mobiles-dans-les-quartiers",
        "member": "13055",  # Marseille
        "years": (2023, 2024),
        "cost": 9000,
        "staff_effort": (
            "Quatre agents et des volontaires du service civique pendant deux semaines",
            "Four officers and civic-service volunteers for two weeks",
        ),
        "phases": ["vote"],
        "themes": ["vote-numerique-presentiel", "quartiers", "inclusion"],
        "audiences": ["quartiers-prioritaires", "jeunes"],
        "principles": [3],
        "adapted_from": ["un-bus-pour-aller-voter-dans-les-quartiers"],
        "fr": {
            "title": "Des urnes mobiles dans les quartiers",
            "summary": (
                "Inspirée du bus de vote d'une autre ville du réseau, l'équipe installe des "
                "urnes mobiles devant les collèges, dans les centres sociaux et aux arrêts "
                "de tramway. Des jeunes en service civique vont à la rencontre des "
                "habitants."
            ),
            "easy_read": (
                "Des urnes sont installées dans les quartiers.\n"
                "Des jeunes expliquent les projets aux habitants.\n"
                "Les habitants peuvent voter sur place."
            ),
            "context": [
                "La ville est très étendue et le vote en ligne touchait surtout le centre. "
                "Un bus unique n'aurait pas suffi à couvrir tous les quartiers.",
            ],
            "method": [
                "Plutôt qu'un bus, des urnes légères et des tablettes sont installées "
                "chaque jour dans des lieux différents, choisis avec les centres sociaux. "
                "Les équipes tournent selon un planning publié.",
                "Des volontaires en service civique, formés à la neutralité, présentent "
                "les projets et aident au vote sur tablette.",
            ],
            "results": [
                "La part des votants habitant les quartiers prioritaires a nettement "
                "augmenté, ainsi que celle des moins de vingt-cinq ans.",
            ],
            "lessons": [
                "S'appuyer sur les lieux que les habitants fréquentent déjà.",
                "Former les volontaires à présenter tous les projets de la même façon.",
            ],
            "resources": [
                "Planning type des urnes mobiles (exemple).",
            ],
        },
        "en": {
            "title": "Mobile ballot boxes in the neighbourhoods",
            "summary": (
                "Inspired by another network city's voting bus, the team sets up mobile "
                "ballot boxes outside secondary schools, in community centres and at tram "
                "stops. Young civic-service volunteers go out to meet residents."
            ),
            "easy_read": (
                "Ballot boxes are set up in the neighbourhoods.\n"
                "Young people explain the projects to residents.\n"
                "Residents can vote on the spot."
            ),
            "context": [
                "The city is very large and online voting mostly reached the centre. A "
                "single bus would not have been enough to cover every neighbourhood.",
            ],
            "method": [
                "Instead of a bus, light ballot boxes and tablets are set up every day in "
                "different places, chosen with the community centres. Teams rotate "
                "according to a published schedule.",
                "Civic-service volunteers, trained to stay neutral, present the projects "
                "and help people vote on tablets.",
            ],
            "results": [
                "The share of voters living in priority neighbourhoods rose markedly, as "
                "did that of under-25s.",
            ],
            "lessons": [
                "Rely on places residents already go to.",
                "Train volunteers to present every project in the same way.",
            ],
            "resources": [
                "Typical schedule of the mobile ballot boxes (example).",
            ],
        },
    },
    {
        "slug": "voter-a-l-ecole-et-en-mairie",
        "member": "56162",  # Ploemeur
        "years": (2020, 2024),
        "cost": 2000,
        "staff_effort": None,
        "phases": ["vote", "campagne"],
        "themes": ["jeunesse-ecoles", "vote-numerique-presentiel"],
        "audiences": ["jeunes"],
        "principles": [1, 3],
        "adapted_from": ["budget-participatif-des-ecoles-et-colleges"],
        "fr": {
            "title": "Une petite ville fait voter ses écoliers",
            "summary": (
                "En reprenant l'idée du budget participatif des écoles d'une grande ville, "
                "une commune littorale a ouvert le vote aux enfants dès 7 ans : ils votent "
                "à l'école, leurs parents en mairie ou en ligne, pour les mêmes projets."
            ),
            "easy_read": (
                "Les enfants peuvent voter dès 7 ans.\n"
                "Ils votent à l'école.\n"
                "Les adultes votent à la mairie ou sur internet."
            ),
            "context": [
                "Dans une commune de moins de 20 000 habitants, créer un budget séparé "
                "pour les écoles n'avait pas de sens. La ville voulait pourtant associer "
                "les enfants aux décisions.",
            ],
            "method": [
                "Les enseignants volontaires présentent les projets en classe avec un "
                "support conçu par la ville. Le vote a lieu dans chaque école avec une "
                "urne et des bulletins papier, la même semaine que le vote des adultes.",
                "Les bulletins des enfants comptent comme ceux des adultes. Le dépouillement "
                "se fait en public, en présence d'élèves délégués.",
            ],
            "results": [
                "Presque tous les élèves des écoles de la commune ont voté, et plusieurs "
                "parents disent avoir voté pour la première fois, entraînés par leurs "
                "enfants.",
            ],
            "lessons": [
                "Un support de présentation neutre évite que les enseignants orientent le vote.",
                "Le vote des enfants entraîne celui des parents.",
            ],
            "resources": [
                "Support de présentation des projets pour les classes (exemple).",
            ],
        },
        "en": {
            "title": "A small town lets its schoolchildren vote",
            "summary": (
                "Taking up a large city's idea of a participatory budget in schools, a "
                "coastal town opened the vote to children from the age of 7: they vote at "
                "school, their parents at the town hall or online, for the same projects."
            ),
            "easy_read": (
                "Children can vote from the age of 7.\n"
                "They vote at school.\n"
                "Adults vote at the town hall or on the internet."
            ),
            "context": [
                "In a town of fewer than 20,000 inhabitants, a separate budget for schools "
                "made no sense. Yet the town wanted to involve children in decisions.",
            ],
            "method": [
                "Volunteer teachers present the projects in class with material designed "
                "by the town. The vote takes place in each school with a ballot box and "
                "paper ballots, in the same week as the adults' vote.",
                "Children's ballots count like adults'. The count is held in public, with "
                "pupil representatives present.",
            ],
            "results": [
                "Almost every pupil in the town's schools voted, and several parents say "
                "they voted for the first time, prompted by their children.",
            ],
            "lessons": [
                "Neutral presentation material keeps teachers from steering the vote.",
                "Children's votes bring their parents to vote.",
            ],
            "resources": [
                "Project presentation material for classes (example).",
            ],
        },
    },
    {
        "slug": "evaluer-avec-une-universite",
        "member": "80021",  # Amiens
        "years": (2022, 2024),
        "cost": 25000,
        "staff_effort": (
            "Un chargé d'évaluation à mi-temps pendant un an",
            "One evaluation officer half-time for a year",
        ),
        "phases": ["evaluation"],
        "themes": ["comites-citoyens", "inclusion"],
        "audiences": ["associations"],
        "principles": [2, 4],
        "fr": {
            "title": "Évaluer le budget participatif avec une université",
            "summary": (
                "La ville a confié l'évaluation de ses premières éditions à une équipe de "
                "chercheurs : qui participe, qui ne participe pas et pourquoi, ce que "
                "deviennent les projets. Les résultats, publiés intégralement, ont conduit "
                "à modifier le règlement."
            ),
            "easy_read": (
                "Des chercheurs ont étudié le budget participatif.\n"
                "Ils ont regardé qui vote et qui ne vote pas.\n"
                "La ville a changé les règles grâce à leur travail."
            ),
            "context": [
                "Après trois éditions, les chiffres de participation ne disaient pas qui "
                "participait. Les élus voulaient un regard extérieur avant de décider de "
                "la suite.",
            ],
            "method": [
                "Une convention de recherche a été signée avec l'université. L'équipe a "
                "mené un questionnaire auprès des votants, des entretiens avec des porteurs "
                "et des habitants qui n'avaient pas participé, et observé les ateliers.",
                "Un comité de pilotage réunissant habitants, agents et chercheurs a suivi "
                "les travaux. Le rapport final a été présenté en réunion publique.",
            ],
            "results": [
                "L'étude a montré une sous-représentation des jeunes adultes et des "
                "locataires. Le règlement a été modifié : vote dès 16 ans, dépôt d'idées "
                "possible par téléphone, permanences en soirée.",
            ],
            "lessons": [
                "Publier l'évaluation en entier, y compris ce qui dérange.",
                "Prévoir l'évaluation dès le lancement pour recueillir les bonnes données.",
            ],
            "resources": [
                "Questionnaire aux votants (exemple).",
                "Synthèse du rapport d'évaluation (exemple).",
            ],
        },
        "en": {
            "title": "Evaluating the participatory budget with a university",
            "summary": (
                "The city asked a team of researchers to evaluate its first editions: who "
                "takes part, who does not and why, what becomes of the projects. The "
                "results, published in full, led to changes in the rules."
            ),
            "easy_read": (
                "Researchers studied the participatory budget.\n"
                "They looked at who votes and who does not.\n"
                "The city changed the rules thanks to their work."
            ),
            "context": [
                "After three editions, turnout figures did not say who took part. Elected "
                "officials wanted an outside view before deciding what to do next.",
            ],
            "method": [
                "A research agreement was signed with the university. The team surveyed "
                "voters, interviewed project leaders and residents who had not taken part, "
                "and observed the workshops.",
                "A steering committee of residents, staff and researchers followed the "
                "work. The final report was presented at a public meeting.",
            ],
            "results": [
                "The study showed that young adults and tenants were under-represented. "
                "The rules were changed: voting from 16, ideas by telephone, evening "
                "drop-in sessions.",
            ],
            "lessons": [
                "Publish the evaluation in full, including what is uncomfortable.",
                "Plan the evaluation from the launch to collect the right data.",
            ],
            "resources": [
                "Voter questionnaire (example).",
                "Summary of the evaluation report (example).",
            ],
        },
    },
]
