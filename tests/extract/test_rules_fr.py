"""French extraction rules on short texts written for these tests (hard cases)."""

from __future__ import annotations

import datetime as dt

import pytest
from rules_support import fig, of_type, only, placed, run, speakers

from sitroom.engine import Engine

pytestmark = pytest.mark.slow
SUNDAY = dt.date(2026, 3, 8)


@pytest.mark.parametrize(
    ("cible", "kind"), [("un convoi humanitaire", "attack"), ("un convoi militaire", "battle")]
)
def test_une_attaque_contre_un_convoi_civil_reste_une_attaque(
    engine: Engine, cible: str, kind: str
) -> None:
    texte = f"Des hommes armés ont attaqué {cible} près de Gao samedi."
    assert [r.type for r in run(engine, texte, SUNDAY, "fr").reports] == [kind]


def test_le_president_francais_nomme_avant_est_son_titulaire(engine: Engine) -> None:
    texte = (
        "Emmanuel Macron s'est rendu à Moscou lundi.\n\n"
        "Le lendemain, le président français a rencontré Volodymyr Zelensky à Kiev."
    )
    rencontres = of_type(run(engine, texte, SUNDAY, "fr"), "meeting")
    kiev = [m for m in rencontres if m.location is not None and m.location.name == "Kyiv"]
    assert [m.actor1.name for m in kiev if m.actor1] == ["Emmanuel Macron"]


def test_les_pourparlers_de_geneve_ne_sont_pas_le_lieu_des_frappes(engine: Engine) -> None:
    texte = (
        "La Russie a lancé 396 drones et 29 missiles sur l'Ukraine le jour des "
        "pourparlers de Genève."
    )
    raid = only(run(engine, texte, SUNDAY, "fr"), "air_raid")
    assert raid.location is not None and raid.location.name == "Ukraine"


def test_deux_morts_six_blesses_and_night_of_saturday_to_sunday(engine: Engine) -> None:
    ex = run(
        engine,
        "Deux morts, six blessés : Odessa a été visée par une attaque de drones "
        "russes dans la nuit de samedi à dimanche, ont annoncé les autorités.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert fig(r.killed) == (2, 2, "exact") and fig(r.injured) == (6, 6, "exact")
    assert r.date is not None and r.date.date == SUNDAY
    assert r.location is not None and r.location.name == "Odesa"
    assert r.actor1 is not None and r.actor1.name == "Russia"


def test_des_dizaines_de_blesses(engine: Engine) -> None:
    ex = run(
        engine,
        "Des dizaines de personnes ont été blessées samedi dans une frappe de "
        "missiles sur Kharkiv.",
        SUNDAY,
        "fr",
    )
    assert fig(only(ex, "attack").injured) == (10, None, "vague")


def test_claimed_capture(engine: Engine) -> None:
    ex = run(
        engine,
        "L'armée russe affirme avoir pris le contrôle du village de Kopanky, dans "
        "la région de Kharkiv.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "territory_change")
    assert r.modality == "claimed"
    assert r.location is not None and r.location.name == "Kopanky"


def test_a_claim_does_not_reach_the_next_clause_with_its_own_subject(engine: Engine) -> None:
    ex = run(
        engine,
        "Guerre en Ukraine, en direct : Kiev affirme avoir repris 3 000 km² de territoire "
        "dans l’est de l’Ukraine, Macron s’est entretenu avec Poutine",
        SUNDAY,
        "fr",
    )
    assert only(ex, "territory_change").modality == "claimed"
    assert only(ex, "meeting").modality == "reported"


def test_a_claim_reaches_a_second_infinitive_it_governs(engine: Engine) -> None:
    ex = run(
        engine,
        "Moscou affirme avoir frappé une base à Kharkiv samedi, et avoir abattu dix drones.",
        SUNDAY,
        "fr",
    )
    assert only(ex, "interception").modality == "claimed"


@pytest.mark.parametrize(
    "text",
    [
        "Volodymyr Zelensky a de nouveau appelé à rencontrer Vladimir Poutine à Istanbul.",
        "Emmanuel Macron souhaite rencontrer Vladimir Poutine au fort de Brégançon.",
        "Le président ukrainien a appelé à des négociations avec Moscou à Istanbul.",
    ],
)
def test_a_meeting_only_wished_or_called_for_is_planned(engine: Engine, text: str) -> None:
    assert only(run(engine, text, SUNDAY, "fr"), "meeting").modality == "planned"


def test_un_sommet_qu_on_tente_d_organiser_est_prevu(engine: Engine) -> None:
    ex = run(
        engine,
        "La Turquie tente d'organiser un sommet à Istanbul entre les deux présidents.",
        SUNDAY,
        "fr",
    )
    assert only(ex, "meeting").modality == "planned"


def test_la_premiere_fois_depuis_le_debut_de_la_guerre_est_l_actualite(engine: Engine) -> None:
    ex = run(
        engine,
        "Les présidents russe et chinois se sont rencontrés samedi à Samarcande pour la "
        "première fois depuis le début de la guerre.",
        SUNDAY,
        "fr",
    )
    assert only(ex, "meeting").modality == "reported"


def test_des_drones_comptes_sur_une_semaine_ne_font_pas_un_evenement(engine: Engine) -> None:
    ex = run(
        engine,
        "Au cours de la semaine, la Russie a lancé plus de 1 200 drones et 40 missiles sur "
        "l'Ukraine, selon l'armée de l'air.",
        SUNDAY,
        "fr",
    )
    assert not [r for r in ex.reports if r.type in ("attack", "air_raid")]


def test_a_meeting_one_could_hold_was_held(engine: Engine) -> None:
    ex = run(engine, "Il a pu rencontrer le président ukrainien à Kiev samedi.", SUNDAY, "fr")
    assert only(ex, "meeting").modality == "reported"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« Les prisonniers de guerre doivent être protégés », a affirmé un porte-parole "
            "du premier ministre britannique, Boris Johnson.",
            "porte-parole du premier ministre britannique, Boris Johnson",
        ),
        (
            "« Les prisonniers de guerre doivent être protégés », a déclaré le porte-parole "
            "de l'ONU Stéphane Dujarric.",
            "Stéphane Dujarric",
        ),
        (
            "« Les prisonniers de guerre doivent être protégés », a déclaré le porte-parole "
            "de l'exécutif allemand après un entretien entre Mme Merkel et M. Macron.",
            "porte-parole de l'exécutif allemand",
        ),
    ],
)
def test_un_porte_parole_parle_pour_celui_qu_il_nomme(
    engine: Engine, text: str, speaker: str
) -> None:
    assert speakers(run(engine, text, SUNDAY, "fr")) == [speaker]


def test_planned_meeting_doit_rencontrer(engine: Engine) -> None:
    ex = run(
        engine,
        "Le président français Emmanuel Macron doit rencontrer Volodymyr Zelensky à Paris jeudi.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "meeting")
    assert r.modality == "planned"
    assert r.date is not None and r.date.date == dt.date(2026, 3, 12)
    assert r.location is not None and r.location.name == "Paris"


@pytest.mark.parametrize(
    "texte",
    [
        "Nina accepte de me rencontrer samedi dans un parc près de Moscou.",
        "Les forces russes rencontrent des difficultés près de Bakhmout samedi.",
    ],
)
def test_rencontrer_le_journaliste_ou_des_difficultes_n_est_pas_une_rencontre(
    engine: Engine, texte: str
) -> None:
    assert of_type(run(engine, texte, SUNDAY, "fr"), "meeting") == []


def test_une_conference_de_presse_n_est_une_rencontre_que_commune(engine: Engine) -> None:
    seul = run(engine, "Le ministre a tenu une conférence de presse à Paris samedi.", SUNDAY, "fr")
    assert of_type(seul, "meeting") == []
    commune = run(
        engine,
        "Emmanuel Macron et Olaf Scholz ont donné une conférence de presse commune à Berlin "
        "samedi.",
        SUNDAY,
        "fr",
    )
    assert placed(commune, "meeting") == ["Berlin"]


@pytest.mark.parametrize(
    "texte",
    [
        "Emmanuel Macron s'est par ailleurs entretenu par téléphone avec son homologue "
        "nigérien samedi.",
        "Emmanuel Macron a eu un appel téléphonique avec Vladimir Poutine samedi.",
    ],
)
def test_un_appel_telephonique_est_une_rencontre(engine: Engine, texte: str) -> None:
    r = only(run(engine, texte, SUNDAY, "fr"), "meeting")
    assert r.date is not None and r.date.date == dt.date(2026, 3, 7)


def test_cancelled_visit(engine: Engine) -> None:
    ex = run(
        engine,
        "La visite du chancelier allemand à Kiev a été annulée pour des raisons de sécurité.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "meeting")
    assert r.modality == "cancelled"
    assert r.location is not None and r.location.name == "Kyiv"


def test_interception_heading_to_a_city(engine: Engine) -> None:
    ex = run(
        engine,
        "Les défenses aériennes ont détruit trois drones qui se dirigeaient vers "
        "Moscou, selon le maire Sergueï Sobianine.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "interception")
    assert r.location is not None and r.location.name == "Moscow"
    assert [(w.kind, w.intercepted) for w in r.weapons] == [("drone", 3)]


def test_inverted_speaker_after_quote(engine: Engine) -> None:
    ex = run(
        engine,
        "« Nous ne céderons pas un mètre de notre terre », a déclaré le président "
        "ukrainien Volodymyr Zelensky.",
        SUNDAY,
        "fr",
    )
    (quote,) = [q for q in ex.quotes if q.direct]
    assert quote.speaker is not None and quote.speaker.name == "Volodymyr Zelensky"
    assert quote.text.startswith("Nous ne céderons")


def test_salvo_dont_abattus_is_the_intercepted_part(engine: Engine) -> None:
    ex = run(
        engine,
        "Au total, la Russie a lancé 60 drones et quatre missiles contre l'Ukraine au cours "
        "de la nuit, dont 48 drones et deux missiles ont été abattus, selon l'armée de l'air.",
        SUNDAY,
        "fr",
    )
    raid = only(ex, "air_raid")
    weapons = {w.kind: w for w in raid.weapons}
    assert (weapons["drone"].launched, weapons["drone"].intercepted) == (60, 48)
    assert (weapons["missile"].launched, weapons["missile"].intercepted) == (4, 2)
    assert raid.date is not None and raid.date.text == "au cours de la nuit"


def test_un_drone_abattu_is_one_intercepted(engine: Engine) -> None:
    ex = run(
        engine,
        "Un drone ukrainien qui se dirigeait vers Moscou a été abattu, selon le maire.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "interception")
    assert [(w.kind, w.intercepted) for w in r.weapons] == [("drone", 1)]


def test_a_headline_in_a_country_takes_the_town_of_its_lede(engine: Engine) -> None:
    ex = run(
        engine,
        "Une frappe de missile a tué deux personnes dans le centre de l'Ukraine\n"
        "La ville de Poltava a été endeuillée, dimanche, selon les autorités locales.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.location is not None and r.location.name == "Poltava"
    assert ex.article.text[r.location.start : r.location.end] == "Poltava"


def test_une_liste_de_lieux_fait_un_evenement_par_lieu(engine: Engine) -> None:
    ex = run(
        engine,
        "Des frappes russes ont touché dimanche Kharkiv et Soumy, faisant deux morts.",
        SUNDAY,
        "fr",
    )
    places = [(r.location.name if r.location else None, fig(r.killed)) for r in ex.reports]
    assert places == [("Kharkiv", (2, 2, "exact")), ("Sumy", None)]


def test_le_jour_d_une_affirmation_ne_date_pas_ce_qu_elle_affirme(engine: Engine) -> None:
    affirme = only(
        run(
            engine,
            "Un blogueur militaire russe a affirmé samedi que les forces russes s'étaient "
            "emparées de Bakhmout.",
            SUNDAY,
            "fr",
        ),
        "territory_change",
    )
    assert affirme.date is not None and affirme.date.precision == "unresolved"
    assert affirme.date.date == dt.date(2026, 3, 7)
    date = only(
        run(
            engine,
            "Les forces russes se sont emparées de Bakhmout samedi, a affirmé un blogueur.",
            SUNDAY,
            "fr",
        ),
        "territory_change",
    ).date
    assert date is not None and date.precision == "day"


def test_les_regions_de_x_et_de_y_font_un_evenement_par_region(engine: Engine) -> None:
    ex = run(
        engine,
        "D'autres frappes ont touché samedi les régions de Kharkiv et de Soumy.",
        SUNDAY,
        "fr",
    )
    assert placed(ex, "attack") == ["Kharkiv Oblast", "Sumy Oblast"]


def test_les_assauts_sont_des_combats(engine: Engine) -> None:
    ex = run(
        engine, "Dimanche, les forces russes ont mené des assauts près de Bakhmout.", SUNDAY, "fr"
    )
    assert only(ex, "battle").location.name == "Bakhmut"


def test_une_attaque_de_troupes_au_sol_est_un_combat(engine: Engine) -> None:
    ex = run(engine, "Dimanche, les troupes russes ont attaqué près de Bakhmout.", SUNDAY, "fr")
    assert only(ex, "battle").location.name == "Bakhmut"
    ex = run(
        engine, "Dimanche, les forces russes ont attaqué Kharkiv avec des drones.", SUNDAY, "fr"
    )
    assert only(ex, "attack").location.name == "Kharkiv"


def test_la_fonction_nommee_avant_ou_apres_son_titulaire(engine: Engine) -> None:
    ex = run(
        engine,
        "Le président ukrainien a dénoncé une « terreur nucléaire » dimanche.\n"
        "Emmanuel Macron s'est entretenu avec Volodymyr Zelensky.\n"
        "« Nous serons aux côtés de l'Ukraine », a déclaré le président français.",
        SUNDAY,
        "fr",
    )
    said = {q.text[:16]: q.speaker.name if q.speaker else None for q in ex.quotes if q.direct}
    assert said == {
        "terreur nucléair": "Volodymyr Zelensky",
        "Nous serons aux ": "Emmanuel Macron",
    }


def test_des_forces_qui_ont_avance_ont_pris_du_terrain(engine: Engine) -> None:
    ex = run(engine, "Dimanche, les forces russes ont avancé près de Bakhmout.", SUNDAY, "fr")
    assert only(ex, "territory_change").location.name == "Bakhmut"
    ex = run(engine, "Dimanche, les négociations ont avancé à Genève.", SUNDAY, "fr")
    assert not of_type(ex, "territory_change")


def test_qui_condamne_une_frappe_ne_l_a_pas_menee(engine: Engine) -> None:
    ex = run(engine, "Washington a condamné les frappes qui ont touché Kiev mardi.", SUNDAY, "fr")
    assert only(ex, "attack").actor1 is None


def test_m_et_le_nom_de_famille_est_la_personne_nommee_avant(engine: Engine) -> None:
    ex = run(
        engine,
        "Le dirigeant Sergueï Aksionov est arrivé jeudi. Dimanche, M. Aksionov a rencontré "
        "des responsables à Kherson.",
        SUNDAY,
        "fr",
    )
    actor = only(ex, "meeting").actor1
    assert actor is not None and actor.name == "Sergueï Aksionov"


def test_une_personne_nommee_tuee_compte_pour_une(engine: Engine) -> None:
    ex = run(
        engine,
        "Le journaliste Nabil al-Quaety a été tué dimanche par des hommes armés à Aden.",
        SUNDAY,
        "fr",
    )
    killed = only(ex, "attack").killed
    assert killed is not None and (killed.min, killed.max) == (1, 1)


def test_un_communique_parle_pour_qui_l_a_publie(engine: Engine) -> None:
    ex = run(
        engine,
        "Benjamin Netanyahu a réuni son cabinet dimanche.\n"
        "« Israël frappera quiconque nous attaque », selon un communiqué de son bureau.",
        SUNDAY,
        "fr",
    )
    said = speakers(ex, direct=True)
    assert said == ["Benjamin Netanyahu"]


def test_le_nom_apres_le_role_et_le_nom_de_famille_seul(engine: Engine) -> None:
    ex = run(
        engine,
        "« Nos forces ont repris l'aéroport », a indiqué le porte-parole des forces "
        "pro-GNA Mohamad Gnounou dans un communiqué.\n"
        "« Ils fuient vers le sud », selon M. Gnounou.\n"
        "« Ils étaient en territoire israélien », a indiqué le lieutenant-colonel "
        "Jonathan Conricus aux journalistes.",
        SUNDAY,
        "fr",
    )
    said = speakers(ex)
    assert said == ["Mohamad Gnounou", "Mohamad Gnounou", "Jonathan Conricus"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # « a-t-il » : l'orateur, pas la personne citée après lui
            "« La Russie ne doit pas gagner la guerre », a insisté en Bavière le chef de "
            "l'État Emmanuel Macron, oubliant sa fenêtre de dialogue avec Vladimir Poutine. "
            "« Nous devons être unis à Madrid », a-t-il insisté alors que les dirigeants du "
            "G7 ont décidé de frapper l'économie russe.",
            ["Emmanuel Macron", "Emmanuel Macron"],
            id="a-t-il",
        ),
        pytest.param(  # « qui a estimé que » : le nom auquel se rattache la relative
            "L'attaque s'ajoutait à celle du ministre de l'Éducation, qui a estimé sur "
            "Twitter que « le président n'était pas à la hauteur ».",
            ["ministre de l'Éducation"],
            id="qui-a-estime",
        ),
    ],
)
def test_qui_parle_par_un_pronom_ou_une_relative(
    engine: Engine, text: str, expected: list[str]
) -> None:
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == expected


def test_affirme_t_il_apres_un_organe_est_cet_organe(engine: Engine) -> None:
    ex = run(
        engine,
        "« Un bus se dirigeait à vive allure vers le convoi », détaille l'état-major. Mais "
        "« ces mesures n'ont pas fait ralentir le bus », affirme-t-il.",
        SUNDAY,
        "fr",
    )
    said = [(q.speaker.text, q.speaker.name) if q.speaker else None for q in ex.quotes]
    assert said == [("l'état-major", "état-major"), ("-t-il", "état-major")]


def test_dans_un_etat_critique_est_un_blesse(engine: Engine) -> None:
    ex = run(
        engine,
        "Un homme a été tué et une femme se trouve dans un état critique après une frappe "
        "russe sur Kryvyï Rih samedi.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert fig(r.killed) == (1, 1, "exact") and fig(r.injured) == (1, 1, "exact")


def test_les_drones_abattus_sont_ceux_de_l_attaquant(engine: Engine) -> None:
    ex = run(
        engine,
        "Dimanche, 12 drones ukrainiens ont été abattus par la défense antiaérienne russe "
        "au-dessus de Belgorod.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "interception")
    assert r.actor1 is not None and r.actor1.name == "Ukraine"


def test_qui_revendique_la_prise_en_est_l_auteur(engine: Engine) -> None:
    ex = run(
        engine,
        "Moscou a revendiqué dimanche la prise de la ville de Marioupol.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "territory_change")
    assert r.modality == "claimed"
    assert r.actor1 is not None and r.actor1.name == "Russia"


def test_des_villes_ciblees_par_des_missiles_sont_autant_d_attaques(engine: Engine) -> None:
    ex = run(
        engine,
        "Odessa, Poltava et Tchernihiv, trois villes ciblées dimanche par des missiles russes.",
        SUNDAY,
        "fr",
    )
    places = placed(ex, "attack")
    assert places == ["Chernihiv", "Odesa", "Poltava"]


def test_la_capitale_regionale_n_est_pas_celle_du_pays(engine: Engine) -> None:
    ex = run(
        engine,
        "L'Ukraine dénonce un bombardement sur Kherson. Quatre civils ont été tués dimanche "
        "dans la capitale régionale.",
        SUNDAY,
        "fr",
    )
    assert all(r.location is None or r.location.name != "Kyiv" for r in ex.reports)


def test_s_entretenir_avec_est_une_rencontre(engine: Engine) -> None:
    ex = run(engine, "Le président français s’est entretenu dimanche avec Poutine.", SUNDAY, "fr")
    r = only(ex, "meeting")
    assert "Vladimir Putin" in [p.name for p in r.participants]


def test_le_pays_d_une_guerre_n_est_pas_le_lieu_de_la_rencontre(engine: Engine) -> None:
    ex = run(
        engine,
        "Les présidents russe et chinois se rencontrent dimanche pour la première fois depuis "
        "le début de la guerre en Ukraine.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "meeting")
    assert r.location is None or r.location.name != "Ukraine"


def test_expulser_des_diplomates_est_une_sanction(engine: Engine) -> None:
    ex = run(engine, "La France expulse dimanche 35 diplomates russes.", SUNDAY, "fr")
    assert [(r.type, r.subtype) for r in ex.reports] == [("sanction", "diplomatic")]


def test_un_locuteur_lu_dans_la_citation_n_en_est_pas_un(engine: Engine) -> None:
    ex = run(
        engine,
        "« Tout ce que nous savons, c'est que les élèves ont été emmenés », a-t-il précisé "
        "dimanche.",
        SUNDAY,
        "fr",
    )
    quote = next(q for q in ex.quotes if q.direct)
    assert quote.speaker is None or "Tout" not in quote.speaker.name


def test_poursuit_et_raconte_rapportent_une_parole(engine: Engine) -> None:
    ex = run(
        engine,
        "« Le blessé a été évacué par hélicoptère vers Gao », poursuit le communiqué.\n"
        "« Nous avons tout perdu dimanche », raconte Oksana Melnyk.",
        SUNDAY,
        "fr",
    )
    said = [(q.text[:10], q.speaker.name if q.speaker else None) for q in ex.quotes if q.direct]
    assert [text for text, _ in said] == ["Le blessé ", "Nous avons"]
    assert said[1][1] == "Oksana Melnyk"


def test_une_fusillade_est_une_attaque_datee_par_sa_relative(engine: Engine) -> None:
    ex = run(
        engine,
        "La fusillade qui a eu lieu vendredi 6 mars près de Tessit a fait deux morts.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.date is not None and (r.date.date, r.date.precision) == (dt.date(2026, 3, 6), "day")


@pytest.mark.parametrize(
    ("texte", "orateur"),
    [
        pytest.param(  # un verbe qui qualifie rapporte des mots
            "La ministre des Affaires étrangères, Anna Kovalenko, l'a qualifié de « l'un des "
            "plus grands jours de la diplomatie ».",
            "Anna Kovalenko",
            id="qualifier-de",
        ),
        pytest.param(  # les mots sont ceux du verbe dont ils dépendent, pas du plus proche
            "Le président Pavel Dourov a accusé le général Marc Lenoir d'avoir une « mentalité "
            "colonialiste », tandis que celui-ci a estimé que son rival avait menti.",
            "Pavel Dourov",
            id="le-verbe-qui-regit-la-citation",
        ),
        pytest.param(  # le nom après le sigle entre parenthèses de l'organisation
            "« Les bases étrangères perpétuent les vieilles politiques », a affirmé le "
            "président du mouvement burkinabè des droits de l'homme et des peuples (MBDHP), "
            "Chrisogone Zougmoré.",
            "Chrisogone Zougmoré",
            id="nom-apres-le-sigle",
        ),
        pytest.param(  # le journal dans un « sujet » que l'analyseur ouvre par « dans »
            "Si dans un éditorial publié vendredi le « Global Times » reconnaît que les propos du "
            "président américain sont « plutôt positifs », il estime que rien n'a changé.",
            "Global Times",
            id="le-journal-de-l-editorial",
        ),
        pytest.param(  # « qui » que l'analyseur n'a pas rattaché : le nom juste avant
            "Plus de 10.000 personnes ont fui la ville vers les camps du Haut-commissariat de "
            "l'ONU pour les réfugiés (HCR), qui fait état d'une « crise humanitaire en cours » "
            "dans la région.",
            "UN Refugee Agency",
            id="qui-fait-etat",
        ),
    ],
)
def test_qui_prononce_une_citation_partielle(engine: Engine, texte: str, orateur: str) -> None:
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == [orateur]


def test_un_office_coupe_par_l_analyseur_reste_entier(engine: Engine) -> None:
    ex = run(
        engine,
        "Xi Jinping s'est entretenu jeudi avec Joe Biden.\n"
        "« J'espère que la partie américaine comprend parfaitement cela », a ajouté le numéro "
        "un chinois, alors que Pékin proteste depuis plusieurs jours.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["Xi Jinping"]


def test_l_auteur_en_signature_ne_parle_pas(engine: Engine) -> None:
    ex = run(
        engine,
        "Par Julien Morel, envoyé spécial à Kharkiv\n"
        "Les haut-parleurs diffusent des appels au recrutement. « Nous tiendrons jusqu'au "
        "bout », me répond-il en serrant les poings.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == [None]


def test_un_prenom_seul_est_la_personne_nommee_avant(engine: Engine) -> None:
    ex = run(
        engine,
        "« Il faut stocker de la nourriture en cas de confinement », confie Nassima Ahmed à "
        "l'AFP.\nLe camp de Waara abrite environ 2.000 familles.\n"
        "« J'ai peur. J'ai vraiment peur pour mes enfants », ajoute Nassima, dont la crainte "
        "est partagée par des millions de déplacés.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["Nassima Ahmed"] * 2


def test_un_titre_sans_nom_est_l_orateur_qui_vient_de_parler(engine: Engine) -> None:
    ex = run(
        engine,
        "« Le pays tout entier porte le deuil », a déclaré Julien Marchetti lors d'une "
        "cérémonie à l'aéroport.\n"
        "« Ils étaient jeunes, généreux et brillants », a souligné le Premier ministre, "
        "visiblement ému.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["Julien Marchetti"] * 2


def test_le_communique_est_celui_du_corps_qui_vient_de_parler(engine: Engine) -> None:
    ex = run(
        engine,
        "« Le convoi a essuyé des tirs près de Ménaka », détaille l'état-major.\n"
        "Niger : l'armée renforce sa présence à la frontière\n"
        "« Le blessé a été évacué par hélicoptère vers Gao », poursuit le communiqué.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["état-major"] * 2


def test_des_morts_lors_d_affrontements_sont_ceux_du_combat(engine: Engine) -> None:
    ex = run(
        engine, "Trois soldats ont été tués dans des affrontements près de Gao lundi.", SUNDAY, "fr"
    )
    r = only(ex, "battle")
    assert fig(r.killed) == (3, 3, "exact")
    assert not [x for x in ex.reports if x.type == "attack"]


def test_une_prise_du_debut_de_la_guerre_est_du_passe(engine: Engine) -> None:
    ex = run(
        engine,
        "Les forces russes se sont emparées de Marioupol au début de la guerre, rappelle le maire.",
        SUNDAY,
        "fr",
    )
    assert only(ex, "territory_change").modality == "historical"


def test_deux_jours_apres_la_frappe_la_date_de_deux_jours_plus_tot(engine: Engine) -> None:
    ex = run(
        engine,
        "« Nous ne savons pas encore qui a tiré », a déclaré le ministre, deux jours "
        "après la frappe qui a fait trois morts à Kharkiv.",
        dt.date(2026, 3, 10),
        "fr",
    )
    r = only(ex, "attack")
    assert r.date is not None and (r.date.date, r.date.precision) == (dt.date(2026, 3, 8), "day")


def test_au_lendemain_d_une_attaque_date_de_la_veille_du_jour_de_la_phrase(
    engine: Engine,
) -> None:
    texte = (
        "Le 18 août dernier, au lendemain des attaques en Espagne, la députée avait déjà "
        "fait parler d'elle sur les réseaux."
    )
    r = only(run(engine, texte, dt.date(2017, 8, 26), "fr"), "attack")
    assert r.date is not None and r.date.date == dt.date(2017, 8, 17)


def test_une_phrase_de_temps_en_tete_finit_a_sa_premiere_virgule(engine: Engine) -> None:
    texte = (
        "Trois jours après l'incendie qui a ravagé Notre-Dame de Paris, un homme a été "
        "interpellé avec deux bidons d'essence dans une cathédrale de New York, a dit la police."
    )
    r = only(run(engine, texte, dt.date(2019, 4, 18), "fr"), "other")
    assert r.location is not None and r.location.name == "New York City"


def test_le_premier_jour_d_une_visite_n_est_pas_du_passe(engine: Engine) -> None:
    texte = (
        "Le président a été accueilli lundi à Londres, au premier jour d'une visite d'État "
        "de trois jours au Royaume-Uni."
    )
    assert only(run(engine, texte, dt.date(2026, 3, 10), "fr"), "meeting").modality != "historical"


def test_l_annexion_de_la_crimee_est_un_changement_de_territoire(engine: Engine) -> None:
    ex = run(engine, "La Russie avait déjà annexé la Crimée en 2014.", SUNDAY, "fr")
    r = only(ex, "territory_change")
    assert r.modality == "historical"
    assert r.actor1 is not None and r.actor1.name == "Russia"


def test_des_dirigeants_attendus_a_un_sommet_est_une_rencontre_prevue(engine: Engine) -> None:
    ex = run(
        engine,
        "Plusieurs chefs d'Etat, dont Emmanuel Macron, sont attendus à Madrid pour un sommet.",
        SUNDAY,
        "fr",
    )
    assert only(ex, "meeting").modality == "planned"


def test_une_attaque_imputee_aux_talibans_est_la_leur(engine: Engine) -> None:
    ex = run(
        engine,
        "Sept membres des forces de sécurité afghanes ont été tués jeudi dans une attaque "
        "imputée aux talibans près de Kaboul.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.actor1 is not None and r.actor1.name == "Taliban"


@pytest.mark.parametrize(
    "texte",
    [
        "Les autorités afghanes ont libéré lundi et mardi un millier de prisonniers talibans.",
        "Jair Bolsonaro a retiré de Facebook son commentaire offensant samedi.",
        "Abou Ibrahim Al-Qourachi se serait donné la mort samedi pour éviter d'être capturé "
        "par un détachement américain à Idlib.",
    ],
)
def test_prendre_autre_chose_que_du_terrain_n_est_pas_un_changement_de_territoire(
    engine: Engine, texte: str
) -> None:
    assert not of_type(run(engine, texte, SUNDAY, "fr"), "territory_change")


def test_selon_nomme_la_source_jusqu_a_la_virgule(engine: Engine) -> None:
    ex = run(
        engine,
        'Selon le communiqué, 63 terroristes ont été tués et 25 personnes "côté amis" sont mortes.',
        SUNDAY,
        "fr",
    )
    assert speakers(ex) == ["communiqué"]


def test_des_touristes_francais_tues_ne_sont_pas_les_attaquants(engine: Engine) -> None:
    ex = run(
        engine,
        "Niger : six touristes français et deux guides tués par des hommes armés",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.actor1 is None or r.actor1.name != "France"


def test_une_tete_de_pont_etablie_est_un_gain_de_terrain(engine: Engine) -> None:
    ex = run(
        engine,
        "Les forces ukrainiennes ont établi lundi une tête de pont sur la rive gauche du Dniepr.",
        SUNDAY,
        "fr",
    )
    assert only(ex, "territory_change").actor1 is not None


def test_detaille_et_rappelle_rapportent_une_parole(engine: Engine) -> None:
    ex = run(
        engine,
        "« Le bus se dirigeait à vive allure vers le convoi », détaille le ministère.\n"
        "« Nous restons prêts à négocier », rappelle Dmytro Kouleba.",
        SUNDAY,
        "fr",
    )
    said = speakers(ex, direct=True)
    assert len(said) == 2 and said[1] == "Dmytro Kouleba"


def test_les_forces_de_kiev_sont_l_armee_ukrainienne(engine: Engine) -> None:
    ex = run(engine, "Les forces de Kiev avancent, selon les autorités de Moscou.", SUNDAY, "fr")
    actors = {m.text: m.label for m in ex.mentions if m.kind == "actor"}
    assert actors["forces de Kiev"] == "Armed Forces of Ukraine"
    assert actors["autorités de Moscou"] == "Russia"


def test_des_soldats_tues_ne_sont_pas_les_attaquants(engine: Engine) -> None:
    ex = run(
        engine,
        "Au moins 50 soldats ukrainiens ont été tués lors de l’attaque d’une caserne à Mykolaïv.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.actor1 is None or r.actor1.country != "UA"


def test_les_forces_du_gouvernement_d_union_nationale_reprennent_l_aeroport(
    engine: Engine,
) -> None:
    ex = run(
        engine,
        "Les forces du Gouvernement libyen d'union nationale (GNA) ont annoncé mercredi avoir "
        "repris le contrôle de l'aéroport de Tripoli.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "territory_change")
    assert r.actor1 is not None and r.actor1.name == "Government of National Accord"
    assert r.modality == "claimed"


def test_la_reprise_de_la_ville_est_un_changement_de_controle(engine: Engine) -> None:
    ex = run(
        engine,
        "Kiev revendique la reprise de la ville de Koupiansk dans l'Est.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "territory_change")
    assert r.location is not None and r.location.name == "Kupiansk"
    assert r.actor1 is not None and r.actor1.name == "Ukraine"


def test_un_titre_au_verbe_de_parole_mal_etiquete_reste_une_phrase(engine: Engine) -> None:
    # the tagger reads "dément" as an adverb: the headline still states events
    titre = (
        "Guerre en Ukraine en direct : Kiev dément une attaque au drone sur l'état-major "
        "russe de la mer Noire ; des bombardements « massifs » à Mykolaïv"
    )
    assert "Mykolaiv" in placed(run(engine, titre, SUNDAY, "fr"), "attack")


def test_chaque_etape_d_un_voyage_a_son_lieu(engine: Engine) -> None:
    texte = "Lundi, Antonio Guterres ira en Turquie, avant de se rendre à Moscou et à Kiev."
    assert placed(run(engine, texte, SUNDAY, "fr"), "meeting") == ["Kyiv", "Moscow", "Turkey"]


def test_une_attaque_eventuelle_n_est_pas_un_evenement(engine: Engine) -> None:
    titre = "Guerre en Ukraine en direct : la Finlande prête à se battre en cas d'attaque russe"
    assert run(engine, titre, SUNDAY, "fr").reports == ()


def test_cet_attentat_est_l_attaque_deja_racontee(engine: Engine) -> None:
    ex = run(
        engine,
        "Une attaque contre un convoi a blessé trois soldats jeudi près de Ménaka.\n"
        "Cet attentat intervient à la date anniversaire de l'opération Serval, le 11 janvier "
        "2013.\n"
        "Selon un décompte de l'AFP, 18 militaires ont été tués au Mali depuis l'opération "
        "Serval.",
        SUNDAY,
        "fr",
    )
    violent = [r for r in ex.reports if r.type in ("attack", "battle")]
    assert len(violent) == 1
    assert fig(violent[0].injured) == (3, 3, "exact")


def test_lire_aussi_annonce_un_autre_article(engine: Engine) -> None:
    ex = run(
        engine,
        "Lire aussi sur BBC Afrique : Le président américain a exhorté Moscou à cesser ses "
        "frappes sur Kharkiv lundi.",
        SUNDAY,
        "fr",
    )
    assert ex.reports == ()


def test_un_dirigeant_qui_se_rend_quelque_part_fait_une_visite(engine: Engine) -> None:
    ex = run(
        engine,
        "Mardi, le secrétaire général de l'ONU ira à Ankara avant de se rendre à Kiev.",
        SUNDAY,
        "fr",
    )
    visits = of_type(ex, "meeting")
    assert visits and all(r.modality == "planned" for r in visits)
    assert "Kyiv" in {r.location.name for r in visits if r.location}


def test_des_refugies_arrives_ne_font_pas_une_visite(engine: Engine) -> None:
    ex = run(engine, "Des milliers de réfugiés sont arrivés dimanche en Pologne.", SUNDAY, "fr")
    assert not of_type(ex, "meeting")


def test_envisager_de_se_rendre_est_une_visite_prevue(engine: Engine) -> None:
    ex = run(engine, "La présidente de la Chambre envisage de se rendre à Taipei.", SUNDAY, "fr")
    assert only(ex, "meeting").modality == "planned"


def test_une_localite_absente_du_repertoire_garde_son_nom(engine: Engine) -> None:
    ex = run(
        engine,
        "Six civils ont été tués dimanche par des hommes armés dans la localité de Tinzawatène, "
        "près de Gao.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.location is not None and r.location.name == "Tinzawatène"
    assert r.location.geonames_id is None and r.location.lat is None


def test_une_province_absente_lue_avec_son_nom_reste_le_lieu(engine: Engine) -> None:
    ex = run(
        engine,
        "Les combats se sont poursuivis samedi dans la province d'Abyane, dans le "
        "sud du Yémen, faisant douze morts.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "battle")
    assert r.location is not None and r.location.name == "Abyane"
    assert r.location.geonames_id is None


def test_une_region_que_la_table_connait_reste_la_region(engine: Engine) -> None:
    texte = "Des missiles ont été tirés samedi de la région de Wonsan, sur la côte est."
    r = only(run(engine, texte, SUNDAY, "fr"), "attack")
    assert r.location is not None and r.location.precision == "admin1"


def test_un_camp_nomme_d_apres_une_localite_absente_la_nomme(engine: Engine) -> None:
    ex = run(
        engine,
        "Des hommes armés ont tué six civils dimanche dans le camp de déplacés de "
        "Kandaroua, à 40 km au nord-est de la capitale Niamey, selon les autorités.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.location is not None and r.location.name == "Kandaroua"


def test_un_bilan_sans_attaque_apres_des_combats_est_celui_des_combats(engine: Engine) -> None:
    ex = run(
        engine,
        "Les combats entre l'armée et les jihadistes ont repris samedi près de Gao.\n"
        "Onze combattants ont été tués samedi, selon une source militaire.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "battle")
    assert fig(r.killed) == (11, 11, "exact")
    assert not of_type(ex, "attack")


def test_des_soldats_et_des_jihadistes_tues_sont_les_morts_d_un_combat(engine: Engine) -> None:
    texte = "Cinq soldats et trois jihadistes ont été tués samedi près de Gao."
    assert [r.type for r in run(engine, texte, SUNDAY, "fr").reports] == ["battle"]


def test_un_accrochage_est_un_combat(engine: Engine) -> None:
    texte = "L'accrochage s'est déroulé jeudi près de Gao, a indiqué l'état-major."
    assert only(run(engine, texte, SUNDAY, "fr"), "battle").location is not None


def test_des_morts_dans_les_deux_camps_sont_ceux_d_un_combat(engine: Engine) -> None:
    texte = "Samedi, au moins dix personnes sont mortes dans les deux camps près de Gao."
    r = only(run(engine, texte, SUNDAY, "fr"), "battle")
    assert fig(r.killed) == (10, None, "at_least")


def test_l_ancien_chef_d_un_parti_est_la_personne_nommee_avant(engine: Engine) -> None:
    texte = (
        "Jean Dufresnoy a appelé lundi à cesser les livraisons d'armes.\n"
        "L'ancien chef du parti socialiste a estimé que cela allait « prolonger la guerre »."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Jean Dufresnoy"]


def test_un_titre_local_plus_loin_nomme_le_titulaire_d_une_fonction(engine: Engine) -> None:
    texte = (
        "Le président somalien a dénoncé samedi une « catastrophe nationale » à Mogadiscio.\n"
        "Les secours fouillaient encore les décombres dimanche.\n"
        "« Nous reconstruirons », a déclaré le président Abdirahman Warsame à la télévision."
    )
    said = speakers(run(engine, texte, SUNDAY, "fr"), direct=True)
    assert said == ["Abdirahman Warsame", "Abdirahman Warsame"]


def test_un_pays_que_l_attaque_a_choque_n_en_est_pas_le_lieu(engine: Engine) -> None:
    texte = "Le massacre de samedi a choqué la France, selon le ministre."
    lieux = [r.location.name for r in run(engine, texte, SUNDAY, "fr").reports if r.location]
    assert "France" not in lieux


def test_la_mosquee_d_une_localite_absente_la_nomme(engine: Engine) -> None:
    ex = run(
        engine,
        "Neuf personnes tuées dans l'attaque d'une mosquée au Mali\n\n"
        "Des hommes armés ont attaqué vendredi la grande mosquée de Tessalit-Nord, "
        "faisant neuf morts.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.location is not None and r.location.name == "Tessalit-Nord"
    assert fig(r.killed) == (9, 9, "exact")


def test_les_morts_de_cet_attentat_sont_ceux_de_l_embuscade(engine: Engine) -> None:
    ex = run(
        engine,
        "Un convoi a été pris en embuscade samedi dans la ville de Boungou.\n"
        "Les autorités affirment qu'au moins 38 personnes ont été tuées dans cet attentat.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert r.location is not None and r.location.name == "Boungou"
    assert fig(r.killed) == (38, None, "at_least")


def test_il_y_a_huit_morts_n_est_pas_du_passe(engine: Engine) -> None:
    ex = run(
        engine, "« Il y a huit morts dans l'attaque de la base de Gao », dit-il.", SUNDAY, "fr"
    )
    assert only(ex, "attack").modality != "historical"


def test_un_enfant_parmi_les_blesses_est_un_enfant_blesse(engine: Engine) -> None:
    ex = run(
        engine,
        "Un garçon de huit ans figure parmi les trois blessés de la frappe sur Kharkiv samedi.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert fig(r.children_injured) == (1, 1, "exact")
    assert r.children_killed is None


def test_mourir_d_une_epidemie_n_est_pas_une_attaque(engine: Engine) -> None:
    ex = run(
        engine,
        "Cette semaine, des dizaines de personnes sont mortes de diverses épidémies à Aden. "
        "Trois civils sont morts samedi dans une frappe à Aden.",
        SUNDAY,
        "fr",
    )
    r = only(ex, "attack")
    assert fig(r.killed) == (3, 3, "exact")


def test_mourir_dans_un_accident_n_est_pas_une_attaque(engine: Engine) -> None:
    ex = run(
        engine,
        "Au moins 22 personnes ont été tuées et deux autres blessées dans le crash d'un avion "
        "militaire samedi près de Kharkiv.",
        SUNDAY,
        "fr",
    )
    assert not of_type(ex, "attack")


def test_un_bilan_sur_vingt_ans_n_est_pas_un_evenement(engine: Engine) -> None:
    ex = run(engine, "Au Mexique, 47 journalistes ont été tués depuis vingt ans.", SUNDAY, "fr")
    assert not of_type(ex, "attack")


def test_le_meme_mois_est_le_mois_de_la_date_dite_avant(engine: Engine) -> None:
    ex = run(
        engine,
        "Le 3 février, une frappe a tué deux combattants près de Damas. Le même mois, cinq "
        "combattants ont été tués dans une frappe de missile à Alep.",
        SUNDAY,
        "fr",
    )
    alep = [r for r in ex.reports if r.location is not None and r.location.name == "Aleppo"]
    assert len(alep) == 1 and alep[0].date is not None
    assert (alep[0].date.date, alep[0].date.precision) == (dt.date(2026, 2, 1), "month")


def test_le_dernier_mot_du_nom_d_un_pays_est_ce_pays(engine: Engine) -> None:
    # seul, « Congo » serait une petite ville du Brésil ; après « la République
    # démocratique du Congo », c'est ce pays
    text = (
        "La RD Congo suspend les soldats de l'ONU liés à une fusillade.\n\n"
        "Une dispute a eu lieu au poste-frontière entre l'Ouganda et le Congo."
    )
    ex = run(engine, text, SUNDAY, "fr")
    assert [m.ref for m in ex.mentions if m.kind == "place" and m.text == "Congo"] == ["203312"]


@pytest.mark.parametrize(
    "texte",
    [
        "Les forces russes n'ont pas attaqué Kharkiv samedi.",
        "« Nous n'avons attaqué personne à Kharkiv samedi », a déclaré un officier russe.",
        "« Nous n’avons attaqué personne à Kharkiv samedi », a déclaré un officier russe.",
    ],
)
def test_un_evenement_que_le_texte_nie_est_dementi(engine: Engine, texte: str) -> None:
    assert [r.modality for r in run(engine, texte, SUNDAY, "fr").reports] == ["denied"]


def test_ne_que_n_est_pas_une_negation(engine: Engine) -> None:
    ex = run(engine, "Samedi, les frappes n'ont tué que deux personnes à Kharkiv.", SUNDAY, "fr")
    r = only(ex, "attack")
    assert r.modality == "reported" and fig(r.killed) == (2, 2, "exact")


def test_une_frappe_sans_auteur_sur_l_ukraine_est_russe_depuis_l_invasion(
    engine: Engine,
) -> None:
    text = (
        "Lundi matin, Dnipro, Lviv et Kiev ont été ciblées par des frappes. "
        "La Russie dément viser des civils."
    )
    strikes = of_type(run(engine, text, SUNDAY, "fr"), "attack")
    assert sorted(r.location.name for r in strikes if r.location) == ["Dnipro", "Kyiv", "Lviv"]
    assert {r.actor1.name if r.actor1 else None for r in strikes} == {"Russia"}


def test_un_nom_de_personne_qui_qualifie_un_autre_nom_ne_compte_personne(
    engine: Engine,
) -> None:
    ex = run(
        engine,
        "En représailles, l'Iran a frappé dimanche deux bases militaires en Irak, "
        "sans faire de victimes.",
        SUNDAY,
        "fr",
    )
    assert len(ex.reports) == 1  # a strike on bases: the parse makes it a battle
    r = ex.reports[0]
    assert fig(r.killed) == (0, 0, "exact") and fig(r.injured) == (0, 0, "exact")


@pytest.mark.parametrize(
    ("dit", "morts", "blessés"),
    [
        ("Un autre corps a été retrouvé, portant le bilan à trois morts.", 3, None),
        ("Le nombre de morts est passé à 12, selon le gouverneur.", 12, None),
        ("Le nombre de blessés a grimpé à 40, selon le maire.", None, 40),
    ],
)
def test_un_bilan_porte_a_un_nombre(
    engine: Engine, dit: str, morts: int | None, blessés: int | None
) -> None:
    texte = f"Un missile russe a frappé Kharkiv dimanche. {dit}"
    r = only(run(engine, texte, SUNDAY, "fr"), "attack")
    assert (r.killed.min if r.killed else None, r.injured.min if r.injured else None) == (
        morts,
        blessés,
    )


def test_une_contre_attaque_au_meme_village_est_un_autre_combat(engine: Engine) -> None:
    texte = (
        "Les forces russes ont attaqué près de Toretske dimanche. Un blogueur militaire "
        "russe a affirmé que les forces ukrainiennes avaient contre-attaqué près de Toretske."
    )
    combats = of_type(run(engine, texte, SUNDAY, "fr"), "battle")
    camps = {(c.modality, c.actor1.country if c.actor1 else None) for c in combats}
    assert camps == {("reported", "RU"), ("claimed", "UA")}


@pytest.mark.parametrize(
    "phrase",
    [
        "Les forces russes se sont emparées de Bakhmout samedi.",
        "Les forces russes ont pris la ville de Bakhmout samedi.",
        "Samedi, les localités de Bakhmout et de Soledar ont été capturées.",
        "La Russie a répondu samedi en s'emparant de Bakhmout.",
    ],
)
def test_une_ville_prise_est_un_changement_de_territoire(engine: Engine, phrase: str) -> None:
    ex = run(engine, phrase, SUNDAY, "fr")
    assert "Bakhmut" in placed(ex, "territory_change")


@pytest.mark.parametrize(
    "phrase",
    [
        "L’étau russe se resserre de plus en plus sur la ville de Sievierodonetsk.",
        "Les défenseurs de Sievierodonetsk, encerclés, résistent toujours.",
    ],
)
def test_une_ville_encerclee_est_un_combat(engine: Engine, phrase: str) -> None:
    assert placed(run(engine, phrase, SUNDAY, "fr"), "battle") == ["Sievierodonetsk"]


def test_des_forces_retirees_d_une_ville_sont_un_changement_de_territoire(
    engine: Engine,
) -> None:
    phrase = "L’armée russe a annoncé avoir retiré ses forces présentes à Balakliïa et Izioum."
    assert placed(run(engine, phrase, SUNDAY, "fr"), "territory_change") == [
        "Balakliia",
        "Izium",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # le média, la fonction puis le nom, que l'analyseur rattache ailleurs
            "« Ils bombardent tout (…) tout le temps », a écrit sur sa chaîne Telegram le "
            "gouverneur de la région de Soumy (nord), Ivan Petrenko, appelant la population "
            "à partir.",
            "Ivan Petrenko",
            id="sur-telegram-nom",
        ),
        pytest.param(  # un nom que l'analyseur coupe en deux reste entier
            "« Même si un cessez-le-feu est signé, la guerre continuera », a ajouté Halyna "
            "Savtchouk.",
            "Halyna Savtchouk",
            id="nom-entier",
        ),
    ],
)
def test_qui_parle_apres_une_inversion(engine: Engine, text: str, expected: str) -> None:
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == [expected]


def test_le_destinataire_des_propos_ne_parle_pas(engine: Engine) -> None:
    ex = run(
        engine,
        "« Nous n'avons trahi personne – nous défendons nos villes », a déclaré à Kyiv Post "
        "Iryna Bondar, une habitante d'Irpin.",
        SUNDAY,
        "fr",
    )
    said = speakers(ex, direct=True)
    assert len(said) == 1 and said[0] is not None and said[0].endswith("Bondar"), said


def test_des_mots_entre_guillemets_ne_parlent_pas(engine: Engine) -> None:
    # « une guerre totale » est l'objet de « lancé », pas son sujet : Il (le ministre) parle
    ex = run(
        engine,
        "Le ministre Sergueï Lavrov s'est exprimé lundi. Il a souligné que l'Occident, "
        "« décidé à dominer le monde », avait lancé « une guerre totale » contre la Russie.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["Sergei Lavrov", "Sergei Lavrov"]


def test_selon_lui_est_la_personne_nommee_avant(engine: Engine) -> None:
    ex = run(
        engine,
        "Le ministre Sergueï Lavrov a parlé lundi à Moscou. Selon lui, « les sanctions ont "
        "échoué depuis longtemps ».",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["Sergei Lavrov"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_une_apostrophe_ou_l_autre(engine: Engine, apostrophe: str) -> None:
    # le lexique écrit « d'après » ; le texte garde l'apostrophe de sa source
    text = f"D{apostrophe}après le gouverneur Ivan Petrenko, « deux missiles ont frappé la ville »."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Ivan Petrenko"]


@pytest.mark.parametrize(
    ("texte", "sous_type"),
    [
        ("Trois hommes ont été arrêtés samedi à Lyon.", "arrest"),
        ("La police a interpellé douze manifestants samedi.", "arrest"),
        ("Les casques bleus arrêtés samedi à Goma seront rapatriés.", "arrest"),
        ("Un journaliste a été condamné à cinq ans de prison samedi.", "sentence"),
        ("Les juges ont émis un mandat d'arrêt contre lui samedi.", "warrant"),
    ],
)
def test_une_arrestation_ou_une_condamnation_est_un_evenement_other(
    engine: Engine, texte: str, sous_type: str
) -> None:
    ex = run(engine, texte, SUNDAY, "fr")
    assert [(r.type, r.subtype) for r in ex.reports] == [("other", sous_type)]


@pytest.mark.parametrize(
    "texte",
    [
        "Le convoi s'est arrêté samedi à la frontière.",
        "Samedi, une mère a interpellé le président de la République.",
        "Tout est arrêté dès que la moindre alerte est donnée.",
        "La décision, condamnée par l'Ukraine, a été prise samedi.",
    ],
)
def test_s_arreter_interpeller_quelqu_un_ou_condamner_une_decision_n_est_pas_un_acte(
    engine: Engine, texte: str
) -> None:
    assert [r.type for r in run(engine, texte, SUNDAY, "fr").reports] == []


@pytest.mark.parametrize(
    ("texte", "evenements"),
    [
        ("Les talibans ont décrété samedi un cessez-le-feu de trois jours.", 1),
        ("Un cessez-le-feu est entré en vigueur en juillet 2020.", 1),
        ("L'ONU a appelé samedi à un cessez-le-feu.", 0),
        ("Les talibans n'annonceront pas samedi un autre cessez-le-feu.", 0),
    ],
)
def test_une_treve_decretee_ou_en_vigueur_est_un_evenement(
    engine: Engine, texte: str, evenements: int
) -> None:
    ex = run(engine, texte, SUNDAY, "fr")
    assert [(r.type, r.subtype) for r in ex.reports] == [("other", "ceasefire")] * evenements


def test_le_lieu_d_un_evenement_qui_en_date_un_autre_n_est_pas_le_sien(engine: Engine) -> None:
    texte = (
        "Au lendemain de son déplacement à Moscou, le président français Emmanuel Macron "
        "a rencontré samedi son homologue ukrainien Volodymyr Zelensky."
    )
    meetings = of_type(run(engine, texte, SUNDAY, "fr"), "meeting")
    saturday = [m for m in meetings if m.date and m.date.date == dt.date(2026, 3, 7)]
    assert len(saturday) == 1
    assert saturday[0].location is None or saturday[0].location.name != "Moscow"


def test_le_role_donne_en_apposition_nomme_sa_personne_ensuite(engine: Engine) -> None:
    ex = run(
        engine,
        "« Le sujet sera la paix », estime Alexandre Baounov, analyste au centre Carnegie.\n"
        "« Il y a une vraie chance de progrès », ajoute l'analyste.",
        SUNDAY,
        "fr",
    )
    assert speakers(ex, direct=True) == ["Alexandre Baounov", "Alexandre Baounov"]


def test_des_missiles_contre_un_pays_ne_sont_pas_les_siens(engine: Engine) -> None:
    texte = (
        "La Russie a lancé samedi 112 drones et huit missiles contre l'Ukraine, dont 94 "
        "drones et cinq missiles ont été abattus, selon l'armée de l'air ukrainienne."
    )
    r = only(run(engine, texte, SUNDAY, "fr"), "air_raid")
    assert r.actor1 is not None and r.actor1.name == "Russia"


def test_qui_lance_une_salve_en_partie_abattue_l_a_menee(engine: Engine) -> None:
    texte = (
        "Selon l'armée de l'air ukrainienne, la Russie a lancé 87 drones et trois missiles "
        "dans la nuit de samedi à dimanche, dont 71 drones ont été abattus."
    )
    r = only(run(engine, texte, SUNDAY, "fr"), "air_raid")
    assert r.actor1 is not None and r.actor1.name == "Russia"


def test_l_hopital_ou_les_blesses_sont_evacues_n_est_pas_le_lieu(engine: Engine) -> None:
    texte = (
        "Un engin explosif a frappé un convoi près de Ménaka jeudi. Deux soldats ont été "
        "blessés et évacués vers l'hôpital militaire de Gao."
    )
    ex = run(engine, texte, SUNDAY, "fr")
    assert "Gao" not in placed(ex, "attack")
    assert "Ménaka" in placed(ex, "attack")


def test_a_devant_un_nom_absent_du_repertoire_est_une_localite(engine: Engine) -> None:
    texte = (
        "C'est dans cette même région de Tillabéry que 71 soldats avaient été tués "
        "le 10 décembre à Inates."
    )
    assert placed(run(engine, texte, SUNDAY, "fr"), "attack") == ["Inates"]


@pytest.mark.parametrize(
    "unite", ["du 501e régiment de chars situé à Mourmelon-le-Grand", "basé à Mourmelon-le-Grand"]
)
def test_la_garnison_d_un_soldat_tue_n_est_pas_le_lieu(engine: Engine, unite: str) -> None:
    texte = f"Un soldat {unite} a été tué mardi au Mali."
    assert placed(run(engine, texte, SUNDAY, "fr"), "attack") in (["Mali"], [])


@pytest.mark.parametrize(
    ("texte", "morts"),
    [
        ("Attentat de Strasbourg : une quatrième victime succombe à ses blessures.", 4),
        ("Une troisième victime de l'attaque au couteau a succombé jeudi à Lyon.", 3),
        (
            "Une attaque au couteau a fait deux morts jeudi à Lyon. Une troisième victime est "
            "en état de mort cérébrale.",
            2,
        ),
    ],
)
def test_la_nieme_victime_morte_fait_n_morts(engine: Engine, texte: str, morts: int | None) -> None:
    r = only(run(engine, texte, SUNDAY, "fr"), "attack")
    assert fig(r.killed) == (None if morts is None else (morts, morts, "exact"))


@pytest.mark.parametrize("qui", ["un autre journaliste", "un policier", "un casque bleu"])
def test_une_personne_nommee_par_son_metier_compte_un_mort(engine: Engine, qui: str) -> None:
    texte = f"Samedi, {qui} a été tué lors d'un bombardement à Kherson."
    assert fig(only(run(engine, texte, SUNDAY, "fr"), "attack").killed) == (1, 1, "exact")


def test_un_etat_contraint_d_agir_n_est_pas_le_lieu(engine: Engine) -> None:
    texte = (
        "Mais Moscou a été contrainte de céder de vastes territoires près de Kharkiv et "
        "d'autres villes de l'est, dont elle s'était emparée au début de la guerre."
    )
    assert placed(run(engine, texte, SUNDAY, "fr"), "territory_change") == ["Kharkiv"]


def test_une_citation_pronostiquee_est_de_la_personne_nommee_avant(engine: Engine) -> None:
    texte = (
        "« La trêve ne sera pas annoncée », a estimé Sayed Musawi, un analyste basé à Kaboul.\n"
        "Mais « elle va se poursuivre », a-t-il pronostiqué."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Sayed Musawi"] * 2


def test_pour_x_virgule_citation_cite_x(engine: Engine) -> None:
    texte = (
        "Pour Emmanuel Macron, « ce crime odieux » a tout d'une attaque terroriste, même s'il "
        "n'a pas été revendiqué."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Emmanuel Macron"]


def test_le_chef_du_gouvernement_est_le_premier_ministre_qui_vient_de_parler(
    engine: Engine,
) -> None:
    texte = (
        "« Ils n'étaient pas armés », a insisté Jean Castex.\n"
        "Pour le chef du gouvernement, « ce crime odieux » a tout d'une attaque terroriste."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Jean Castex"] * 2


def test_un_participe_de_parole_continue_le_locuteur_du_verbe_avant(engine: Engine) -> None:
    texte = (
        "Le porte-parole Jonathan Conricus a indiqué que l'armée israélienne ratissait le "
        "secteur, ajoutant qu'elle était « en état d'alerte »."
    )
    # read on its own, "ajoutant" would take the army of the clause before it
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Jonathan Conricus"]


def test_un_participe_de_parole_seul_cite_le_sujet(engine: Engine) -> None:
    texte = (
        "Le ministre yéménite Najib Ghallab a condamné le meurtre, affirmant qu'il constituait "
        "« une attaque contre la presse »."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Najib Ghallab"]


def test_le_rapport_cite_son_auteur(engine: Engine) -> None:
    texte = (
        "Amnesty International a publié jeudi un rapport sur les prisons. « Les détenus sont "
        "battus », affirme le rapport."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Amnesty International"]


def test_la_publication_est_celle_du_groupe_qui_revendique(engine: Engine) -> None:
    texte = (
        "Le groupe État islamique a revendiqué jeudi l'attaque dans son organe de propagande "
        "Al-Naba. La publication évoque une « attaque éclair » dans la région de Kouré."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["Islamic State"]


def test_des_groupes_sujets_du_meme_verbe_s_additionnent(engine: Engine) -> None:
    texte = "Deux hommes et quatre femmes ont été assassinés samedi à Kouré par des hommes armés."
    assert fig(only(run(engine, texte, SUNDAY, "fr"), "attack").killed) == (6, 6, "exact")


def test_une_femme_et_son_fils_font_deux_morts(engine: Engine) -> None:
    texte = "Une femme et son fils ont été tués dans une frappe sur Kharkiv samedi."
    assert fig(only(run(engine, texte, SUNDAY, "fr"), "attack").killed) == (2, 2, "exact")


def test_un_evenement_de_la_seconde_guerre_mondiale_est_du_passe(engine: Engine) -> None:
    texte = "Des milliers de civils ont été tués à Kharkiv pendant la Seconde Guerre mondiale."
    assert only(run(engine, texte, SUNDAY, "fr"), "attack").modality == "historical"


def test_les_autres_abattus_s_ajoutent_aux_tues(engine: Engine) -> None:
    texte = (
        "Des talibans ont attaqué jeudi un poste de police à Seyagird : ils y ont mis le feu, "
        "tuant cinq policiers, et ont abattu les deux autres."
    )
    (event,) = run(engine, texte, SUNDAY, "fr").reports
    assert fig(event.killed) == (7, 7, "exact")


def test_le_deces_de_blesses_ne_compte_pas_de_blesses(engine: Engine) -> None:
    texte = (
        "Neuf policiers ont été tués dimanche dans une embuscade près de Kirkouk. Après le "
        "décès de deux blessés, le bilan initial a été revu à la hausse."
    )
    (event,) = run(engine, texte, SUNDAY, "fr").reports
    assert event.injured is None


def test_un_recit_date_ses_jours_dans_l_annee_qu_il_raconte(engine: Engine) -> None:
    texte = (
        "Les premiers pourparlers ont eu lieu à Gomel en février 2022. "
        "Le 10 mars, les ministres Dmytro Kouleba et Sergueï Lavrov se sont rencontrés à "
        "Antalya."
    )
    ex = run(engine, texte, dt.date(2026, 2, 18), "fr")
    vus = [r for r in of_type(ex, "meeting") if r.location and r.location.name == "Antalya"]
    assert [(r.date.date if r.date else None, r.modality) for r in vus] == [
        (dt.date(2022, 3, 10), "historical")
    ]


def test_les_groupes_en_apposition_et_ceux_tues_avec_eux_s_additionnent(engine: Engine) -> None:
    texte = (
        "Des ingénieurs belges, trois hommes et deux femmes, ont été tués jeudi près de "
        "Tombouctou avec leur interprète et leur chauffeur."
    )
    (event,) = run(engine, texte, SUNDAY, "fr").reports
    assert fig(event.killed) == (7, 7, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # un groupe verbal de deux verbes, inversé après la citation
            "« Nous manquons de tout dans les camps », fait valoir à l'AFP le gouverneur de "
            "la province, Mohamed Traoré.",
            ["Mohamed Traoré"],
            id="fait-valoir",
        ),
        pytest.param(  # un verbe pronominal, inversé
            "« C'est une première », s'est félicitée la présidence sénégalaise.",
            ["présidence sénégalaise"],
            id="s-est-felicitee",
        ),
        pytest.param(  # un participe rattaché au nom de qui parle
            "Le texte a été adopté mardi, l'ambassadeur malien à l'ONU, Oumar Diallo, "
            "évoquant un « tournant historique ».",
            ["Oumar Diallo"],
            id="participe",
        ),
        pytest.param(  # une copule entre guillemets n'est pas l'auxiliaire du verbe
            "« Les sanctions ont été levées. La logique est que tout est permis », a déclaré "
            "Marta Novak dans un communiqué.",
            ["Marta Novak"],
            id="copule-citee",
        ),
    ],
)
def test_qui_parle_apres_un_groupe_verbal(engine: Engine, text: str, expected: list[str]) -> None:
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == expected


def test_a_t_il_avant_un_participe_est_un_pronom(engine: Engine) -> None:
    texte = (
        "« Le gouvernement ne cédera pas », a déclaré le ministre Paul Kerbrat. "
        "« Ceux qui attaquent nos soldats le paieront », a-t-il prévenu."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == [
        "Paul Kerbrat",
        "Paul Kerbrat",
    ]


def test_une_personne_nommee_dans_la_citation_n_est_pas_le_il_qui_suit(engine: Engine) -> None:
    texte = (
        "Le président Paul Kerbrat a défendu les frappes. « Nous faisons la guerre aux "
        "terroristes. Omar Zidane fait la guerre à son peuple. Nous ne reculerons pas », "
        "a-t-il déclaré."
    )
    said = speakers(run(engine, texte, SUNDAY, "fr"), direct=True)
    assert said and all(name == "Paul Kerbrat" for name in said)


def test_le_communique_poursuit_apres_un_il_qui_continue_la_voix(engine: Engine) -> None:
    texte = (
        "Un civil a été tué au Mali lors d'un contrôle. « Le conducteur a ignoré les "
        "sommations », détaille l'état-major. Mais « le bus n'a pas ralenti », affirme-t-il. "
        "Un second tir de sommation a alors été effectué. « Le blessé a été évacué vers "
        "Gao », poursuit le communiqué."
    )
    said = speakers(run(engine, texte, SUNDAY, "fr"), direct=True)
    assert said == ["état-major", "état-major", "état-major"]


def test_qui_apres_le_nom_d_une_personne_est_cette_personne(engine: Engine) -> None:
    texte = (
        "C'est d'abord la ministre des Armées Aline Morvan qui a réagi publiquement, en "
        "adressant sur Twitter ses « félicitations » aux « alliés américains » de la France. "
        "Elle assure également « poursuivre le combat sans relâche »."
    )
    said = speakers(run(engine, texte, SUNDAY, "fr"), direct=True)
    assert said and all(name == "Aline Morvan" for name in said)


def test_a_t_elle_poursuivi_continue_la_voix_d_avant(engine: Engine) -> None:
    texte = (
        "L'armée turque a frappé des positions kurdes en Irak, a annoncé la présidence "
        "turque. De même, les deux pays se sont accordés pour ne « pas imposer d'embargo "
        "sur les armes », "
        "a-t-elle poursuivi."
    )
    assert speakers(run(engine, texte, SUNDAY, "fr"), direct=True) == ["présidence turque"]


def test_la_veille_d_une_relative_ne_date_pas_l_attentat(engine: Engine) -> None:
    texte = (
        "Un kamikaze qui s'était enregistré à l'hôtel la veille a fait exploser sa bombe "
        "à Colombo, tuant trente personnes."
    )
    (event,) = run(engine, texte, dt.date(2026, 3, 9), "fr").reports
    assert event.date is not None and event.date.precision == "unresolved"


def test_notamment_tue_un_bebe_est_au_moins_un_mort(engine: Engine) -> None:
    texte = "Des bombardements ont frappé Odessa dimanche et ont notamment tué un bébé."
    (event,) = run(engine, texte, SUNDAY, "fr").reports
    assert fig(event.killed) == (1, None, "at_least")


def test_le_quotidien_est_le_journal_qui_vient_de_parler(engine: Engine) -> None:
    text = (
        "Le Global Times estime que les relations ont « stagné ». Selon le quotidien, « les "
        "paroles du président ne se sont pas traduites en actes »."
    )
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Global Times"]


def test_le_communique_d_un_ministere_est_celui_du_ministere(engine: Engine) -> None:
    text = (
        "Un communiqué du ministère nigérien de la défense qui a confirmé l'attaque, fait état "
        'de plusieurs morts. Selon le communiqué, 25 personnes "côté amis" ont été tuées.'
    )
    ex = run(engine, text, SUNDAY, "fr")
    assert [q.speaker.name if q.speaker else None for q in ex.quotes] == [
        "ministère nigérien de la défense"
    ]


def test_fait_etat_n_a_pas_etat_pour_sujet(engine: Engine) -> None:
    text = (
        "Ce bilan a été confirmé par une source militaire séparatiste qui a, en outre, fait "
        'état de la capture de "40 soldats pro-gouvernement et de la saisie d\'équipements" des '
        "assaillants."
    )
    ex = run(engine, text, SUNDAY, "fr")
    assert [q.speaker.name if q.speaker else None for q in ex.quotes] == [
        "source militaire séparatiste"
    ]


def test_un_sommet_rappele_au_plus_que_parfait_est_du_passe(engine: Engine) -> None:
    text = (
        "Les dirigeants du G5 Sahel et Emmanuel Macron avaient réaffirmé leur détermination "
        "lors d'un sommet à Nouakchott le 30 juin."
    )
    assert only(run(engine, text, dt.date(2020, 7, 23), "fr"), "meeting").modality == "historical"


def test_poursuivre_le_combat_n_est_pas_un_combat(engine: Engine) -> None:
    text = "Le ministre a promis de poursuivre le combat contre les jihadistes au Mali jeudi."
    assert of_type(run(engine, text, SUNDAY, "fr"), "battle") == []


def test_l_imparfait_d_un_portrait_cite(engine: Engine) -> None:
    text = "Jusqu'où ira-t-il ? « Il a perdu pied avec la réalité », disait Angela Merkel."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Angela Merkel"]


def test_on_n_est_personne(engine: Engine) -> None:
    text = "Au début, on se disait « c'est du bluff, ce sont des pousse-au-crime »."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == [None]


def test_celle_qui_est_la_personne_nommee_avant(engine: Engine) -> None:
    text = (
        "La résistante Yvette Lundy est morte dimanche. « Il me disait qu'il avait encore un "
        "gars », expliquait en 2017 celle qui s'est engagée en 1940."
    )
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Yvette Lundy"]


def test_l_afp_est_a_qui_l_on_parle_pas_qui_parle(engine: Engine) -> None:
    text = (
        "Il est probable que « le coronavirus va coûter plus de vies » que ce qui est annoncé, "
        "souligne à l'AFP le responsable qui a requis l'anonymat."
    )
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["responsable"]


def test_les_quartiers_les_plus_touches_ne_sont_pas_frappes(engine: Engine) -> None:
    text = "Des bénévoles patrouillent vendredi les quartiers les plus touchés de Brooklyn."
    assert run(engine, text, SUNDAY, "fr").reports == ()


def test_un_nom_colle_a_l_afp_est_le_nom_sans_l_afp(engine: Engine) -> None:
    text = "« Les gens ne comprennent pas les difficultés », a déclaré à l'AFP Sylvia Beudjekian."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Sylvia Beudjekian"]


@pytest.mark.parametrize(
    ("then", "modality"),
    [
        ("En mars 2022, les forces russes se sont emparées de Kherson.", "historical"),
        ("Depuis mars 2022, les forces russes se sont emparées de Kherson.", "reported"),
    ],
)
def test_un_fait_sans_date_dans_un_recit_d_antan_est_un_rappel(
    engine: Engine, then: str, modality: str
) -> None:
    text = f"{then} Des bombardements ont visé Mykolaïv."
    ex = run(engine, text, dt.date(2026, 2, 18), "fr")
    assert only(ex, "attack").modality == modality


def test_hier_dans_une_citation_compte_du_jour_ou_elle_fut_dite(engine: Engine) -> None:
    text = (
        "Le porte-parole de l'armée a déclaré jeudi à la presse : « Hier, des drones ont "
        "frappé Kharkiv »."
    )
    attack = only(run(engine, text, dt.date(2026, 2, 27), "fr"), "attack")  # un vendredi
    assert attack.date is not None and attack.date.date == dt.date(2026, 2, 25)


def test_des_humanitaires_executes_avec_leur_chauffeur_sont_tues(engine: Engine) -> None:
    text = (
        "Six humanitaires ont été exécutés dimanche avec leur chauffeur et leur guide par des "
        "hommes armés dans la réserve de girafes de Kouré."
    )
    attack = only(run(engine, text, SUNDAY, "fr"), "attack")
    assert fig(attack.killed) == (8, 8, "exact")


def test_ceux_tues_avec_des_gens_non_comptes_ne_font_pas_le_bilan(engine: Engine) -> None:
    text = (
        "Ils ont été exécutés, avec leur chauffeur et leur guide nigériens, par des hommes "
        "armés à moto alors qu'ils visitaient la réserve de girafes de Kouré."
    )
    attack = only(run(engine, text, SUNDAY, "fr"), "attack")
    assert attack.killed is None


def test_une_execution_judiciaire_n_est_pas_une_attaque(engine: Engine) -> None:
    text = "Un détenu du couloir de la mort a été exécuté mercredi aux Etats-Unis."
    assert run(engine, text, SUNDAY, "fr").reports == ()


def test_un_titre_au_pays_redit_le_fait_d_un_lieu_que_le_geocodeur_ignore(
    engine: Engine,
) -> None:
    text = (
        "Six humanitaires français tués dimanche au Niger\n\n"
        "Ils ont été exécutés dimanche par des hommes armés à moto alors qu'ils visitaient "
        "la réserve de girafes de Kouré."
    )
    attack = only(run(engine, text, dt.date(2020, 8, 14), "fr"), "attack")
    assert attack.location is not None and attack.location.name == "Kouré"
    assert fig(attack.killed) == (6, 6, "exact")


def test_les_dirigeants_du_g7_parlent_pour_le_g7(engine: Engine) -> None:
    text = "« Nous continuons à nous consulter », ont déclaré les dirigeants du G7 dimanche."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["G7"]


def test_ils_est_le_corps_qui_vient_de_parler(engine: Engine) -> None:
    text = (
        "Les dirigeants du G7 ont accusé la Chine de « pratiques qui faussent l'économie "
        "mondiale » et disent vouloir coopérer. Ils se sont retrouvés en Bavière. « Nous "
        "continuons à nous consulter », ont-ils déclaré dans leur communiqué final."
    )
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["G7", "G7"]


def test_se_poursuivre_ne_dit_rien(engine: Engine) -> None:
    text = (
        'Le ministre "tient à saluer le courage des femmes et des hommes du service de santé '
        "des armées\".♦ La traque des groupes jihadistes se poursuit au SahelL'armée mène "
        "une série d'opérations militaires dans le Liptako."
    )
    said = speakers(run(engine, text, SUNDAY, "fr"), direct=True)
    assert not any(s and "jihadistes" in s for s in said)


def test_saluer_fait_parler(engine: Engine) -> None:
    text = "Le président Emmanuel Macron a salué « le courage et la vision » des soldats."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Emmanuel Macron"]


def test_la_crimee_prise_par_la_russie_est_un_rappel_apres_2014(engine: Engine) -> None:
    text = "La Russie s'est alors emparée de la Crimée et a soutenu les séparatistes à l'est."
    ex = run(engine, text, dt.date(2022, 3, 1), "fr")
    assert only(ex, "territory_change").modality == "historical"


def test_nier_toute_implication_ne_dement_pas_la_frappe(engine: Engine) -> None:
    text = "Des missiles tirés sur le port d’Odessa ; Moscou nie toute implication"
    attack = only(run(engine, text, dt.date(2022, 7, 23), "fr"), "attack")
    assert attack.modality == "reported"


def test_la_frappe_niee_reste_dementie(engine: Engine) -> None:
    text = "Moscou a nié avoir tiré des missiles sur le port d'Odessa samedi."
    attack = only(run(engine, text, dt.date(2022, 7, 23), "fr"), "attack")
    assert attack.modality == "denied"


def test_et_surtout_kiev_prolonge_la_liste(engine: Engine) -> None:
    text = "Lundi matin, Dnipro, Lviv, Vinnytsia et surtout Kiev ont été ciblées par des missiles."
    ex = run(engine, text, dt.date(2022, 10, 10), "fr")
    assert placed(ex, "attack") == ["Dnipro", "Kyiv", "Lviv", "Vinnytsia"]


def test_le_chef_tue_compte_un_mort_et_son_groupe_n_attaque_pas(engine: Engine) -> None:
    text = "Le chef de l’organisation Etat islamique tué dans une opération américaine en Syrie"
    attack = only(run(engine, text, dt.date(2022, 2, 3), "fr"), "attack")
    assert fig(attack.killed) == (1, 1, "exact")
    assert attack.actor1 is None or attack.actor1.name != "Islamic State"


def test_le_deplacement_qui_date_la_rencontre_est_une_autre_rencontre(engine: Engine) -> None:
    text = (
        "Au lendemain de son déplacement à Moscou, le président français a rencontré son "
        "homologue ukrainien."
    )
    meetings = of_type(run(engine, text, dt.date(2022, 2, 8), "fr"), "meeting")
    assert [(m.location.name if m.location else None) for m in meetings] == ["Moscow", None]
    assert meetings[0].date is not None and meetings[0].date.date == dt.date(2022, 2, 7)
    assert meetings[1].date is None or meetings[1].date.date != dt.date(2022, 2, 7)


@pytest.mark.parametrize(
    "texte",
    [
        "Malte n'a pas encore levé les restrictions de déplacement à La Valette.",
        "Le déplacement des populations vers Lviv se poursuit.",
    ],
)
def test_se_deplacer_n_est_pas_un_voyage(engine: Engine, texte: str) -> None:
    assert of_type(run(engine, texte, SUNDAY, "fr"), "meeting") == []


def test_ne_rencontrer_que_si_n_est_pas_une_rencontre(engine: Engine) -> None:
    text = (
        "Donald Trump a déclaré qu'il ne rencontrerait son homologue russe Vladimir Poutine "
        "à Budapest que s'il savait qu'un accord était possible."
    )
    assert of_type(run(engine, text, SUNDAY, "fr"), "meeting") == []


def test_la_relative_de_la_frappe_qui_ouvre_la_phrase_reste_a_elle(engine: Engine) -> None:
    text = (
        "Au lendemain de la frappe russe meurtrière qui a touché un centre commercial à "
        "Krementchouk, les dirigeants occidentaux ont exprimé leur indignation à Elmau."
    )
    attack = only(run(engine, text, dt.date(2022, 6, 28), "fr"), "attack")
    assert attack.location is not None and attack.location.name == "Kremenchuk"
    assert attack.date is not None and attack.date.date == dt.date(2022, 6, 27)


def test_une_tentative_d_attaque_de_drones_est_une_interception(engine: Engine) -> None:
    text = "Une tentative d'attaque de drones contre Moscou a été déjouée dimanche."
    ex = run(engine, text, SUNDAY, "fr")
    assert of_type(ex, "attack") == []
    assert only(ex, "interception").location is not None


def test_une_tentative_d_attentat_reste_un_attentat(engine: Engine) -> None:
    text = "Une caméra a filmé la tentative d'attentat de lundi à New York."
    assert of_type(run(engine, text, SUNDAY, "fr"), "interception") == []


def test_la_peninsule_ukrainienne_n_est_pas_celle_qui_s_en_empare(engine: Engine) -> None:
    text = (
        "La Russie du président Poutine a réagi à la défaite de son allié en s'emparant "
        "de la péninsule ukrainienne de Crimée."
    )
    taken = only(run(engine, text, dt.date(2022, 3, 1), "fr"), "territory_change")
    assert taken.actor1 is None or taken.actor1.name != "Ukraine"
    assert taken.modality == "historical"


def test_les_sept_dirigeants_sont_le_g7(engine: Engine) -> None:
    text = "« Nous invitons nos partenaires à agir », ont déclaré les sept dirigeants dimanche."
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["G7"]


def test_le_chancelier_allemand_est_celui_que_l_article_a_nomme(engine: Engine) -> None:
    text = (
        "A Prague, Olaf Scholz formule sa vision de l'Europe.\n"
        "Dans un discours lundi, le chancelier allemand a plaidé pour un renforcement de "
        "la « souveraineté européenne »."
    )
    assert speakers(run(engine, text, SUNDAY, "fr"), direct=True) == ["Olaf Scholz"]
