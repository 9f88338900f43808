# ruff: noqa: E501  (one query per line reads best)
"""The search relevance set: what readers type, and the pages that must come back.

Each entry: (language, query, slugs of the pages that answer it). Queries are mostly
inflected forms that do not occur literally in the expected pages' titles. The slugs are
the same in every language (wagtail-localize keeps them). Used by
tests/test_search_relevance.py, which prints recall@5 and MRR per engine.
"""

RELEVANCE_SET = [
    # English
    ("en", "deserters", ["germany-protection-deserters", "germany-protection-for-russian-deserters-not-for-draft-evaders"]),
    ("en", "penalty for desertion in Russia", ["russia"]),
    ("en", "electronic summons", ["ignored-electronic-summons", "russia-electronic-summons-and-their-consequences"]),
    ("en", "applying for alternative civilian service", ["alternative-service-russia"]),
    ("en", "leaving Ukraine military age", ["leaving-ukraine"]),
    ("en", "mobilisation law", ["ukraine-the-new-mobilisation-law-is-in-force"]),
    ("en", "objector sent to prison", ["ukraine-a-conscientious-objector-is-sent-to-prison"]),
    ("en", "passports embassies Belarus", ["belarus-embassies-stop-issuing-passports"]),
    ("en", "recruitment in occupied areas", ["forced-recruitment-in-the-occupied-areas-of-ukraine", "occupied-areas"]),
    ("en", "money for the groups of the network", ["fundraising"]),
    ("en", "conscription age raised", ["russia-conscription-age-raised-to-30"]),
    ("en", "asylum rejections", ["first-asylum-rejections-for-russians-who-evaded-recruitment", "two-years-of-war-asylum-rejections-for-russian-refusers-continue"]),
    # German
    ("de", "desertierte Soldaten Schutz Deutschland", ["germany-protection-deserters"]),
    ("de", "Einberufungsbescheide", ["ignored-electronic-summons"]),
    ("de", "Zivildienstes", ["alternative-service-russia"]),
    ("de", "wehrpflichtige Männer Ukraine verlassen", ["leaving-ukraine"]),
    ("de", "besetzten Gebieten", ["occupied-areas"]),
    ("de", "Belarus", ["belarus"]),
    ("de", "Appell Bundestag", ["appeal-bundestag"]),
    ("de", "Netzwerk unterstützen", ["fundraising"]),
    ("de", "Beratung Hilfe", ["help"]),
    ("de", "Russland", ["russia"]),
    # Russian
    ("ru", "мобилизованных", ["alternative-service-russia", "russia"]),
    ("ru", "дезертира", ["germany-protection-deserters", "russia"]),
    ("ru", "повестки", ["ignored-electronic-summons"]),
    ("ru", "альтернативной гражданской службы", ["alternative-service-russia"]),
    ("ru", "выезд из Украины", ["leaving-ukraine", "ukraine"]),
    ("ru", "Беларуси", ["belarus"]),
    ("ru", "оккупированных территориях", ["occupied-areas"]),
    ("ru", "убежища в Германии", ["germany-protection-deserters"]),
    ("ru", "отказникам", ["two-years-of-war-asylum-rejections-for-russian-refusers-continue", "russians-refusing-war-what-are-their-chances-of-protection"]),
    ("ru", "обращения к Бундестагу", ["appeal-bundestag"]),
    # Ukrainian
    ("uk", "мобілізованих", ["alternative-service-russia", "russia"]),
    ("uk", "дезертирства", ["germany-protection-deserters", "russia"]),
    ("uk", "повістки", ["ignored-electronic-summons"]),
    ("uk", "альтернативної служби", ["alternative-service-russia"]),
    ("uk", "виїзд з України", ["leaving-ukraine", "ukraine"]),
    ("uk", "Білорусі", ["belarus"]),
    ("uk", "окупованих територіях", ["occupied-areas"]),
    ("uk", "притулку в Німеччині", ["germany-protection-deserters"]),
    ("uk", "відмовникам", ["two-years-of-war-asylum-rejections-for-russian-refusers-continue", "russians-refusing-war-what-are-their-chances-of-protection"]),
    ("uk", "звернення до Бундестагу", ["appeal-bundestag"]),
]  # fmt: skip


def score(ranked_slugs, expected):
    """(recall@5, reciprocal rank) of one query."""
    top = ranked_slugs[:5]
    recall = sum(slug in top for slug in expected) / len(expected)
    rank = next((i for i, slug in enumerate(ranked_slugs, 1) if slug in expected), None)
    return recall, (1 / rank if rank else 0.0)
