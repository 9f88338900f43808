# ruff: noqa: E501  (one query per line reads best)
"""The search relevance set: what readers type, and the pages that must come back.

Each entry: (language, query, slugs of the pages that answer it and contain a form of its
words). Queries are mostly inflected forms that do not occur literally in the expected
pages' titles. The slugs are the same in every language (wagtail-localize keeps them).
When the demo content changes, a page that no longer uses the words leaves its entries
and a new page that answers the query joins them; a page that still answers stays, even
when the engine ranks it lower. Used by
tests/test_search_relevance.py, which prints recall@5 and MRR per engine.
"""

RELEVANCE_SET = [
    # English
    ("en", "deserters", ["germany-protection-deserters", "germany-deserters-should-as-a-rule-get-protection-draft-evaders-under-review", "germany-now-rejects-russian-deserters-too"]),
    ("en", "penalty for desertion in Russia", ["russia", "russia-up-to-20-years-for-desertion-by-former-prisoners"]),
    ("en", "electronic summons", ["ignored-electronic-summons", "russia-electronic-summons-and-their-consequences"]),
    ("en", "applying for alternative civilian service", ["alternative-service-russia"]),
    ("en", "leaving Ukraine military age", ["leaving-ukraine"]),
    ("en", "mobilisation law", ["ukraine-the-new-mobilisation-law-is-in-force"]),
    ("en", "objector sent to prison", ["ukraine-a-conscientious-objector-is-sent-to-prison"]),
    ("en", "passports embassies Belarus", ["belarus-embassies-stop-issuing-passports"]),
    ("en", "recruitment in occupied areas", ["forced-recruitment-in-the-occupied-areas-of-ukraine", "occupied-areas"]),
    ("en", "money for the groups of the network", ["fundraising", "thank-you-200000-euros-for-the-european-network"]),
    ("en", "conscription age raised", ["russia-conscription-age-raised-to-30"]),
    ("en", "asylum rejections", ["first-asylum-rejections-for-russians-who-evaded-recruitment", "two-years-of-war-asylum-rejections-for-russian-refusers-continue"]),
    # German
    ("de", "desertierte Soldaten Schutz Deutschland", ["germany-protection-deserters", "germany-deserters-should-as-a-rule-get-protection-draft-evaders-under-review", "germany-now-rejects-russian-deserters-too"]),
    ("de", "Einberufungsbescheide", ["ignored-electronic-summons", "russia-electronic-summons-and-their-consequences"]),
    ("de", "Zivildienstes", ["alternative-service-russia"]),
    ("de", "wehrpflichtige Männer Ukraine verlassen", ["leaving-ukraine"]),
    ("de", "besetzten Gebieten", ["occupied-areas"]),
    ("de", "Belarus", ["belarus"]),
    ("de", "Appell Bundestag", ["appeal-bundestag"]),
    ("de", "Netzwerk unterstützen", ["fundraising"]),
    ("de", "Beratung Hilfe", ["help"]),
    ("de", "Russland", ["russia"]),
    # Russian
    ("ru", "мобилизованных", ["alternative-service-russia", "russia", "russia-a-court-upholds-a-mobilised-mans-right-to-alternative-service"]),
    ("ru", "дезертира", ["germany-protection-deserters", "russia", "germany-now-rejects-russian-deserters-too", "germany-deserters-should-as-a-rule-get-protection-draft-evaders-under-review"]),
    ("ru", "повестки", ["ignored-electronic-summons", "russia-electronic-summons-and-their-consequences"]),
    ("ru", "альтернативной гражданской службы", ["alternative-service-russia"]),
    ("ru", "выезд из Украины", ["ukraine", "ukraine-men-aged-18-to-22-may-now-leave-the-country"]),
    ("ru", "Беларуси", ["belarus"]),
    ("ru", "оккупированных территориях", ["occupied-areas"]),
    ("ru", "убежища в Германии", ["germany-protection-deserters", "few-russian-men-who-apply-for-asylum-in-germany-get-protection"]),
    ("ru", "отказникам", ["two-years-of-war-asylum-rejections-for-russian-refusers-continue", "where-objectors-have-fled-to"]),
    ("ru", "обращения к Бундестагу", ["appeal-bundestag"]),
    # Ukrainian
    ("uk", "мобілізованих", ["alternative-service-russia", "russia", "russia-a-court-upholds-a-mobilised-mans-right-to-alternative-service"]),
    ("uk", "дезертирства", ["germany-protection-deserters", "russia", "russia-up-to-20-years-for-desertion-by-former-prisoners"]),
    ("uk", "повістки", ["ignored-electronic-summons", "russia-electronic-summons-and-their-consequences"]),
    ("uk", "альтернативної служби", ["alternative-service-russia", "russia-apply-for-alternative-service-by-1-october", "russia-apply-for-alternative-service-by-1-april"]),
    ("uk", "виїзд з України", ["ukraine", "ukraine-men-aged-18-to-22-may-now-leave-the-country"]),
    ("uk", "Білорусі", ["belarus"]),
    ("uk", "окупованих територіях", ["occupied-areas"]),
    ("uk", "притулку в Німеччині", ["germany-protection-deserters", "few-russian-men-who-apply-for-asylum-in-germany-get-protection"]),
    ("uk", "відмовникам", ["two-years-of-war-asylum-rejections-for-russian-refusers-continue", "where-objectors-have-fled-to"]),
    ("uk", "звернення до Бундестагу", ["appeal-bundestag"]),
]  # fmt: skip


def score(ranked_slugs, expected):
    """(recall@5, reciprocal rank) of one query."""
    top = ranked_slugs[:5]
    recall = sum(slug in top for slug in expected) / len(expected)
    rank = next((i for i, slug in enumerate(ranked_slugs, 1) if slug in expected), None)
    return recall, (1 / rank if rank else 0.0)
