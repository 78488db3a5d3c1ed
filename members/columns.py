"""The documented columns of the members' open data files (French names, as French
open-data users expect)."""

MEMBER_COLUMNS = {
    "type": "type de collectivité : commune, epci, departement, region",
    "code": "code officiel géographique (INSEE) ou SIREN pour un EPCI",
    "nom": "nom officiel (Etalab, découpage administratif 2026)",
    "siren": "numéro SIREN",
    "departement": "code du département",
    "region": "code de la région",
    "population": "population municipale officielle",
    "date_adhesion": "date d'adhésion au réseau (AAAA-MM-JJ)",
    "date_adoption_charte": "date d'adoption de la charte (AAAA-MM-JJ)",
    "site_budget_participatif": "adresse du site du budget participatif",
    "plateforme": "plateforme utilisée",
    "age_minimum_vote": "âge minimum pour voter",
    "premiere_edition": "année de la première édition renseignée",
    "derniere_edition": "année de la dernière édition renseignée",
    "montant_derniere_edition": "montant de la dernière édition, en euros",
    "fiche": "adresse de la fiche sur le site",
}
EDITION_COLUMNS = {
    "type": MEMBER_COLUMNS["type"],
    "code": MEMBER_COLUMNS["code"],
    "nom": MEMBER_COLUMNS["nom"],
    "annee": "année de l'édition",
    "montant": "montant du budget participatif, en euros",
    "projets_deposes": "nombre de projets déposés",
    "projets_soumis_au_vote": "nombre de projets soumis au vote",
    "projets_laureats": "nombre de projets lauréats",
    "votants": "nombre de votants",
    "projets_realises": "nombre de projets réalisés",
    "euros_par_habitant": "montant divisé par la population (calculé)",
    "participation": "votants divisés par la population (calculé, entre 0 et 1)",
    "taux_realisation": "projets réalisés divisés par projets lauréats (calculé, entre 0 et 1)",
}
