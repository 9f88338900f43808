# ruff: noqa: E501  (one query per line reads best)
"""The search relevance set: what readers type, and what must come back.

Written the way people type into a search box when they are frightened and in a hurry:
questions, typos, Latin letters for Cyrillic words, abbreviations and colloquial words,
article numbers, inflected forms — not copied from the pages. Each entry:

    (language, kind, query, expected)

`expected` names the answers: a page by its slug (the same in every language), or a rule as
"<profile slug>#<the start of its English heading>" (e.g. "russia#Desertion: 5 to 15"); a
tuple stands for one answer that any of its members gives (an ambiguous query: "сколько
служат срочники" is answered by the Russian or the Belarusian rule).
A rule card also counts for its profile's slug (it links into the profile); a profile does
not count for one of its rules (the reader would still have to find it on the page).

Kinds: question, typo, latin (Latin letters for Cyrillic), synonym (abbreviations,
colloquial and official words), article (article numbers), inflection, keywords.
tests/test_search_relevance.py reports recall@1, recall@5 and MRR per engine, language and
kind, and fails below the floors there.
"""

from collections import defaultdict

# "Desertion" typed in Belarusian without a country: the Belarusian rule on leaving one's
# unit (the content of 2026-12 no longer calls it desertion: Art. 445 is leaving the unit,
# and its penalties could not be checked) or the desertion rules of Russia and Ukraine,
# whose armies Belarusian readers may serve in too.
DESERTION_RULES_BE = (
    "belarus#Leaving your unit is a crime",
    "russia#Desertion: 5 to 15",
    "ukraine#Desertion under martial law",
)

RELEVANCE_SET = [
    # --- English ----------------------------------------------------------------------
    ("en", "question", "what happens if i dont go to the military enlistment office", ["ignored-electronic-summons"]),
    ("en", "question", "can i refuse to serve in the russian army", ["alternative-service-russia"]),
    ("en", "question", "how do i apply for alternative service", ["alternative-service-russia"]),
    ("en", "question", "will germany give me asylum if i deserted", ["germany-protection-deserters"]),
    ("en", "question", "can men leave ukraine", ["leaving-ukraine", "ukraine#Men aged 23 to 60"]),
    ("en", "question", "i got a summons by sms in belarus what do i do", ["belarus-summons-exit-ban"]),
    ("en", "question", "russia wants to draft me and i live in occupied ukraine", ["occupied-areas-forced-recruitment"]),
    ("en", "question", "what age can russia call me up", ["russia#Conscription age 18 to 30"]),
    ("en", "question", "is there conscription in ukraine", ["ukraine#No conscript service"]),
    ("en", "question", "how do i sign the appeal to the bundestag", ["appeal-bundestag"]),
    ("en", "keywords", "desertion penalties Russia", ["russia#Desertion: 5 to 15", "russia"]),
    ("en", "keywords", "prison for draft evasion russia", ["russia#Criminal liability for evading"]),
    ("en", "keywords", "exit ban russia summons", ["russia#Exit ban once a summons"]),
    ("en", "keywords", "electronic summons", ["ignored-electronic-summons", "russia#Electronic summons: when it counts"]),
    ("en", "keywords", "passport embassy belarus", ["belarus#No passports at embassies"]),
    ("en", "keywords", "temporary protection EU ukrainians", ["ukraine#EU temporary protection"]),
    ("en", "keywords", "surrender to ukraine", ["occupied-areas#Surrendering to Ukraine"]),
    ("en", "keywords", "donate to the network", ["fundraising"]),
    ("en", "keywords", "counselling hotline", ["help"]),
    ("en", "typo", "desertin russia", ["russia"]),
    ("en", "typo", "alternatve servise", ["alternative-service-russia"]),
    ("en", "typo", "asylym germany deserter", ["germany-protection-deserters"]),
    ("en", "typo", "mobilsation ukraine", ["ukraine#General mobilisation"]),
    ("en", "synonym", "AWOL ukraine", ["ukraine#Absence without leave"]),
    ("en", "synonym", "draft dodger prison russia", ["russia#Criminal liability for evading"]),
    ("en", "synonym", "TCC summons fine", ["ukraine#Fines and driving bans"]),
    ("en", "synonym", "mobilization reservists russia", [("russia#Men in the reserve stay liable", "russia#Partial mobilisation decree", "russia#Reservists with a reserve contract")]),
    ("en", "synonym", "szch", [("ukraine#Absence without leave", "ukraine#First AWOL")]),
    ("en", "question", "i got a call up paper what do i do", [("ignored-electronic-summons", "belarus-summons-exit-ban")]),
    # The news item on Germany reviewing draft evaders' cases and the EU court's EZ ruling on
    # draft evaders answer it as well as the asylum rules.
    ("en", "keywords", "asylum for draft evaders", [("russia#Germany: protection is rare", "russia#EU law: refusing", "germany-protection-deserters", "belarus#Protection abroad", "germany-deserters-should-as-a-rule-get-protection-draft-evaders-under-review", "cjeu-2020-ez")]),
    ("en", "keywords", "illegal mobilisation", [("ru-gatchina-2022-mushumansky", "ru-leningrad-regional-2023-mushumansky")]),
    ("en", "article", "Art. 328", ["russia#Criminal liability for evading", "occupied-areas#Evading the Russian call-up"]),
    ("en", "article", "article 338", ["russia#Desertion: 5 to 15"]),
    ("en", "article", "352.1", ["russia#Voluntary surrender"]),
    ("en", "article", "Art. 408 ukraine", ["ukraine#Desertion under martial law"]),
    ("en", "inflection", "deserters germany", ["germany-protection-deserters"]),
    ("en", "inflection", "objectors alternative services", [("alternative-service-russia", "russia#Alternative civilian service")]),
    ("en", "synonym", "draft dodging", [("russia#Criminal liability for evading conscription", "belarus#Evading call-up", "occupied-areas#Evading the Russian call-up")]),
    ("en", "keywords", "petition", [("appeal-bundestag", "appeal-european-parliament")]),
    ("en", "keywords", "donate", ["fundraising"]),
    # From the second reader's test (2026-12-03): the Russian profile says "against your
    # beliefs", never "objection"; "after" is a small word; a special case of a rule.
    ("en", "keywords", "conscientious objection russia", [("russia#Alternative civilian service", "alternative-service-russia")]),
    ("en", "question", "leave russia after summons", ["russia#Exit ban once"]),
    ("ru", "synonym", "мобилизация", ["russia#Partial mobilisation decree"]),
    # --- German -----------------------------------------------------------------------
    ("de", "question", "was passiert wenn ich den Einberufungsbescheid ignoriere", ["ignored-electronic-summons"]),
    ("de", "question", "kann ich als Mann die Ukraine verlassen", ["leaving-ukraine"]),
    ("de", "question", "schützt mich Deutschland wenn ich desertiert bin", ["germany-protection-deserters"]),
    ("de", "question", "wie beantrage ich Zivildienst in Russland", ["alternative-service-russia"]),
    ("de", "question", "ich bin in Belarus und habe eine SMS vom Militär bekommen", ["belarus-summons-exit-ban"]),
    ("de", "question", "bis wann muss ich den Antrag auf Zivildienst stellen", ["alternative-service-russia"]),
    ("de", "keywords", "Strafe für Desertion Russland", ["russia#Desertion: 5 to 15"]),
    ("de", "keywords", "Ausreiseverbot Russland", ["russia#Exit ban once a summons"]),
    ("de", "keywords", "Pässe Botschaften Belarus", ["belarus#No passports at embassies"]),
    ("de", "keywords", "vorübergehender Schutz EU Ukraine", ["ukraine#EU temporary protection"]),
    ("de", "keywords", "freiwillige Gefangenschaft Russland", ["russia#Voluntary surrender"]),
    ("de", "keywords", "Befehlsverweigerung Strafe Russland", ["russia#Refusing to fight"]),
    ("de", "keywords", "Grenze illegal überqueren Ukraine", ["ukraine#Crossing the border irregularly"]),
    ("de", "keywords", "Appell Bundestag", ["appeal-bundestag"]),
    ("de", "keywords", "Beratung Hilfe", ["help"]),
    ("de", "keywords", "Netzwerk spenden", ["fundraising"]),
    ("de", "synonym", "Kriegsdienstverweigerung Ukraine Krieg", ["ukraine#No alternative service in wartime"]),
    ("de", "keywords", "Kriegsdienstverweigerer Russland", [("russia#Alternative civilian service", "alternative-service-russia", "russia#Germany: protection is rare", "germany-protection-deserters")]),
    ("de", "keywords", "Asyl Verweigerer abgelehnt", [("russia#Germany: protection is rare", "germany-protection-deserters")]),
    ("de", "synonym", "Mobilisierung unrechtmässig", [("ru-gatchina-2022-mushumansky", "ru-leningrad-regional-2023-mushumansky")]),
    ("de", "synonym", "KDV Belarus", ["belarus#Alternative service only for religious"]),
    ("de", "synonym", "Fahnenflucht Ukraine Strafe", ["ukraine#Desertion under martial law"]),
    ("de", "synonym", "Wehrpflicht Alter Russland", ["russia#Conscription age 18 to 30"]),
    ("de", "synonym", "Mobilisierung Ukraine", ["ukraine#General mobilisation"]),
    ("de", "synonym", "Gefängnis Wehrdienstentziehung Russland", ["russia#Criminal liability for evading"]),
    ("de", "typo", "Deserteuere Schutz Deutschland", ["germany-protection-deserters"]),
    ("de", "typo", "Zivildeinst Russland", ["alternative-service-russia"]),
    ("de", "typo", "Einberufungsbeschied elektronisch", ["ignored-electronic-summons"]),
    ("de", "article", "Art. 336", ["ukraine#Evading mobilisation"]),
    ("de", "article", "Artikel 338", ["russia#Desertion: 5 to 15"]),
    ("de", "article", "Artikel 337 russisches Strafgesetzbuch", ["russia#Leaving your unit without permission"]),
    ("de", "inflection", "Deserteure", ["germany-protection-deserters"]),
    ("de", "inflection", "besetzten Gebieten Zwangsrekrutierung", ["occupied-areas-forced-recruitment"]),
    ("de", "synonym", "Wehrdienstentzug", [("russia#Criminal liability for evading conscription", "belarus#Evading call-up", "ukraine#Evading mobilisation")]),
    # --- Russian ----------------------------------------------------------------------
    ("ru", "question", "что будет если не пойти в военкомат", ["ignored-electronic-summons"]),
    ("ru", "question", "можно ли выехать из украины в 20 лет", ["leaving-ukraine", "ukraine#Men aged 23 to 60"]),
    ("ru", "question", "что грозит за дезертирство", ["russia#Desertion: 5 to 15"]),
    ("ru", "question", "как подать на альтернативную службу", ["alternative-service-russia"]),
    ("ru", "question", "защитит ли германия дезертира", ["germany-protection-deserters"]),
    ("ru", "question", "пришла повестка по смс в беларуси что делать", ["belarus-summons-exit-ban"]),
    ("ru", "question", "меня хотят забрать в армию на оккупированной территории", ["occupied-areas-forced-recruitment"]),
    ("ru", "question", "до скольки лет призывают в россии", ["russia#Conscription age 18 to 30"]),
    ("ru", "question", "сколько служат срочники", [("russia#Conscription age 18 to 30", "belarus#Conscription age 18 to 27")]),
    ("ru", "latin", "dezertir nakazanie", ["russia#Desertion: 5 to 15"]),
    ("ru", "latin", "povestka", [("ignored-electronic-summons", "russia#Electronic summons: when it counts as served")]),
    ("ru", "latin", "mobilizatsiya", [("russia#Partial mobilisation decree", "ukraine#General mobilisation", "belarus#Summonses by SMS")]),
    ("ru", "latin", "alternativnaya sluzhba", ["alternative-service-russia"]),
    ("ru", "latin", "prizyv v armiyu", [("russia#Conscription age 18 to 30", "russia#Call-up all year round")]),
    ("ru", "latin", "ubezhishche v germanii", ["germany-protection-deserters"]),
    ("ru", "typo", "мобилизцаия", [("russia#Partial mobilisation decree", "ukraine#General mobilisation", "belarus#Summonses by SMS")]),
    ("ru", "typo", "дезиртирство", ["russia#Desertion: 5 to 15"]),
    ("ru", "typo", "альтернатиная служба", ["alternative-service-russia"]),
    ("ru", "typo", "электроная повестка", ["ignored-electronic-summons"]),
    ("ru", "synonym", "уклонист", ["russia#Criminal liability for evading"]),
    ("ru", "synonym", "АГС", ["alternative-service-russia"]),
    ("ru", "synonym", "СОЧ наказание", ["russia#Leaving your unit without permission"]),
    ("ru", "synonym", "самоволка", ["russia#Leaving your unit without permission"]),
    ("ru", "synonym", "повестка на госуслугах", ["ignored-electronic-summons", "russia#Electronic summons: when it counts"]),
    ("ru", "synonym", "ТЦК", ["ukraine"]),
    ("ru", "synonym", "военкомат", [("russia", "ignored-electronic-summons")]),
    ("ru", "question", "законно ли уклоняться", [("russia#Criminal liability for evading", "belarus#Evading call-up", "ukraine#Evading mobilisation", "occupied-areas#Evading the Russian call-up")]),
    ("ru", "synonym", "незаконная мобилизация", [("ru-gatchina-2022-mushumansky", "ru-leningrad-regional-2023-mushumansky")]),
    ("ru", "synonym", "нелегально перейти границу украины", ["ukraine#Crossing the border irregularly"]),
    ("ru", "synonym", "военкомат запрет выезда", ["russia#Exit ban once a summons"]),
    ("ru", "synonym", "сбежал из армии что будет", [("russia#Desertion: 5 to 15", "ukraine#Desertion under martial law")]),
    ("ru", "question", "не хочу служить в армии", [("alternative-service-russia", "russia#Alternative civilian service")]),
    ("ru", "article", "ст 337", ["russia#Leaving your unit without permission"]),
    ("ru", "article", "статья 338", ["russia#Desertion: 5 to 15"]),
    ("ru", "article", "ст. 328 УК РФ", ["russia#Criminal liability for evading"]),
    ("ru", "article", "352.1", ["russia#Voluntary surrender"]),
    ("ru", "article", "ст 21.5 коап", ["russia#Fines for not reporting"]),
    ("ru", "inflection", "мобилизованных", [("russia#No alternative service procedure for the mobilised", "russia#Partial mobilisation decree")]),
    ("ru", "inflection", "дезертиров", ["germany-protection-deserters"]),
    ("ru", "inflection", "повестки", ["ignored-electronic-summons"]),
    ("ru", "keywords", "сдача в плен", ["russia#Voluntary surrender"]),
    ("ru", "keywords", "паспорт в посольстве беларусь", ["belarus#No passports at embassies"]),
    ("ru", "keywords", "горячая линия консультация", ["help"]),
    ("ru", "question", "можно ли уехать за границу если пришла повестка", ["russia#Exit ban once a summons counts as served"]),
    ("ru", "synonym", "бусификация", ["ukraine#General mobilisation"]),
    ("ru", "synonym", "AWOL", [("russia#Leaving your unit without permission", "ukraine#Absence without leave")]),
    # --- Ukrainian --------------------------------------------------------------------
    ("uk", "question", "що буде якщо не піти до ТЦК", ["ukraine#Fines and driving bans"]),
    ("uk", "question", "чи можна виїхати з україни у 20 років", ["leaving-ukraine", "ukraine#Men aged 23 to 60"]),
    ("uk", "question", "яке покарання за СЗЧ", ["ukraine#Absence without leave"]),
    ("uk", "question", "що загрожує за ухилення від мобілізації", ["ukraine#Evading mobilisation"]),
    ("uk", "question", "чи є альтернативна служба під час війни", ["ukraine#No alternative service"]),
    ("uk", "question", "чи захистить німеччина дезертира", ["germany-protection-deserters"]),
    ("uk", "question", "скільки служать в армії", [("ukraine#No conscript service", "belarus#Conscription age 18 to 27", "russia#Conscription age 18 to 30")]),
    ("uk", "question", "не хочу служити в армії", ["ukraine#No alternative service in wartime"]),
    ("uk", "synonym", "ухилянт", ["ukraine#Evading mobilisation"]),
    ("uk", "synonym", "СЗЧ", [("ukraine#Absence without leave", "ukraine#First AWOL")]),
    ("uk", "synonym", "військкомат штраф", ["ukraine#Fines and driving bans"]),
    ("uk", "synonym", "ТЦК повістка", ["ukraine"]),
    ("uk", "synonym", "втік з армії покарання", [("ukraine#Desertion under martial law", "russia#Desertion: 5 to 15")]),
    ("uk", "synonym", "ТЦК", ["ukraine"]),
    ("uk", "synonym", "Резерв+", ["ukraine"]),
    ("uk", "synonym", "бусифікація", ["ukraine"]),
    ("uk", "synonym", "самоволка покарання", ["ukraine#Absence without leave"]),
    ("uk", "latin", "vidstrochka", ["ukraine"]),
    ("uk", "latin", "dezertyr", [("germany-protection-deserters", "ukraine#Desertion under martial law: 5 to 12 years")]),
    ("uk", "latin", "mobilizatsiia", ["ukraine#General mobilisation"]),
    ("uk", "latin", "vyizd za kordon", ["leaving-ukraine"]),
    ("uk", "latin", "povistka", ["ignored-electronic-summons"]),
    ("uk", "typo", "мобілізаціяя", ["ukraine#General mobilisation"]),
    ("uk", "typo", "дезертирсво", ["ukraine#Desertion under martial law"]),
    ("uk", "typo", "альтернатина служба", ["ukraine#No alternative service"]),
    ("uk", "article", "ст. 336", ["ukraine#Evading mobilisation"]),
    ("uk", "article", "стаття 408", ["ukraine#Desertion under martial law"]),
    ("uk", "article", "ст 407 ККУ", ["ukraine#Absence without leave"]),
    ("uk", "article", "210-1", ["ukraine#Fines and driving bans"]),
    ("uk", "inflection", "мобілізованих", [("russia#No alternative service procedure for the mobilised", "ukraine#General mobilisation")]),
    ("uk", "inflection", "повістки", ["ignored-electronic-summons"]),
    ("uk", "inflection", "дезертирів", [("germany-protection-deserters", "ukraine#Desertion under martial law: 5 to 12 years")]),
    ("uk", "keywords", "тимчасовий захист ЄС", ["ukraine#EU temporary protection"]),
    ("uk", "keywords", "незаконний перетин кордону", ["ukraine#Crossing the border irregularly"]),
    ("uk", "keywords", "базова військова служба", ["ukraine#No conscript service"]),
    ("uk", "keywords", "військово-обліковий документ", ["ukraine#Update your records"]),
    ("uk", "keywords", "звернення до Бундестагу", ["appeal-bundestag"]),
    # --- Belarusian -------------------------------------------------------------------
    ("be", "question", "што будзе калі не з'явіцца па позве", ["belarus-summons-exit-ban"]),
    ("be", "question", "ці можна выехаць з Беларусі", ["belarus#Commissariats can bar you"]),
    ("be", "question", "якое пакаранне за ўхіленне ад прызыву", ["belarus#Evading call-up"]),
    ("be", "question", "ці ёсць альтэрнатыўная служба ў Беларусі", ["belarus#Alternative service only for religious"]),
    ("be", "question", "ці абароніць Германія дэзерціра", ["germany-protection-deserters"]),
    ("be", "question", "што рабіць калі прыйшла позва", ["belarus-summons-exit-ban"]),
    ("be", "question", "колькі служаць у войску", ["belarus#Conscription age 18 to 27"]),
    ("be", "keywords", "позва па SMS", ["belarus#Summonses by SMS", "belarus-summons-exit-ban"]),
    ("be", "keywords", "смяротная кара", ["belarus#Treason by soldiers"]),
    ("be", "keywords", "здача ў палон", ["russia#Voluntary surrender"]),
    ("be", "keywords", "прызыўны ўзрост", ["belarus#Conscription age 18 to 27"]),
    ("be", "keywords", "Літва прытулак", ["belarus#Protection abroad"]),
    ("be", "keywords", "акупаваныя тэрыторыі прымусовая мабілізацыя", ["occupied-areas#Forced mobilisation", "occupied-areas-forced-recruitment"]),
    ("be", "keywords", "дапамога кансультацыя", ["help"]),
    ("be", "keywords", "зварот да Бундэстага", ["appeal-bundestag"]),
    ("be", "inflection", "мабілізацыі Беларусь", [("belarus#Summonses by SMS", "belarus#Evading mobilisation")]),
    ("be", "inflection", "дэзерціраў", ["germany-protection-deserters"]),
    ("be", "inflection", "пашпарты ў пасольствах", ["belarus#No passports at embassies"]),
    ("be", "latin", "pozva", ["belarus-summons-exit-ban"]),
    ("be", "latin", "dezercirstva", [DESERTION_RULES_BE]),
    ("be", "latin", "alternatyunaja sluzhba", ["belarus#Alternative service only for religious"]),
    ("be", "typo", "дэзерцирства", [DESERTION_RULES_BE]),
    ("be", "typo", "ухиленне ад прызыву", ["belarus#Evading call-up"]),
    ("be", "typo", "альтэрнатыуная служба", ["belarus#Alternative service only for religious"]),
    ("be", "synonym", "ваенкамат забарона выезду", ["belarus#Commissariats can bar you"]),
    ("be", "synonym", "уцекач з войска", [DESERTION_RULES_BE]),
    ("be", "synonym", "уцёк з войска", [DESERTION_RULES_BE]),
    ("be", "article", "арт. 435", ["belarus#Evading call-up"]),
    ("be", "article", "артыкул 356", ["belarus#Treason by soldiers"]),
    ("be", "article", "ст 434", ["belarus#Evading mobilisation"]),
    ("be", "article", "КК артыкул 435", ["belarus#Evading call-up"]),
    ("be", "keywords", "Наш Дом", ["help"]),
]  # fmt: skip


def matches(result_id, wanted):
    """Whether a result ("russia", "russia#Desertion: …") answers an expected id, or one of
    a tuple of ids (a query with several equally good answers)."""
    if isinstance(wanted, tuple):
        return any(matches(result_id, one) for one in wanted)
    if "#" in wanted:
        return "#" in result_id and result_id.startswith(wanted)
    return result_id.split("#", 1)[0] == wanted


def first_rank(result_ids, wanted):
    return next((i for i, rid in enumerate(result_ids, 1) if matches(rid, wanted)), None)


def score(result_ids, expected):
    """{"recall@1", "recall@5", "rr"} of one query. recall@k: the share of the expected
    answers among the first k results, out of as many as fit in k (a query with two
    answers is complete at k=1 when either comes first)."""
    ranks = [first_rank(result_ids, wanted) for wanted in expected]
    found = [r for r in ranks if r is not None]

    def recall(k):
        return sum(r <= k for r in found) / min(k, len(expected))

    return {
        "recall@1": recall(1),
        "recall@5": recall(5),
        "rr": 1 / min(found) if found else 0.0,
    }


def report(rows):
    """Lines of the report: overall, per language, per kind. `rows` are dicts with
    language, kind and the keys of score()."""
    groups = defaultdict(list)
    for row in rows:
        groups["all"].append(row)
        groups[f"language {row['language']}"].append(row)
        groups[f"kind {row['kind']}"].append(row)
    lines = [f"{'':<20} {'queries':>7} {'recall@1':>9} {'recall@5':>9} {'MRR':>7}"]
    for name in ["all"] + sorted(k for k in groups if k != "all"):
        group = groups[name]
        n = len(group)
        lines.append(
            f"{name:<20} {n:>7} {sum(r['recall@1'] for r in group) / n:>9.3f} "
            f"{sum(r['recall@5'] for r in group) / n:>9.3f} {sum(r['rr'] for r in group) / n:>7.3f}"
        )
    return lines


def averages(rows):
    n = len(rows)
    return {key: sum(r[key] for r in rows) / n for key in ("recall@1", "recall@5", "rr")}
