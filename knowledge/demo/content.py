"""English demo content for the knowledge base, from ../shared/facts.md and the seeds.

Every rule keeps its source. Where a report gives no address, the source has none:
an invented link would be worse than none, and the loader says instead that the link
is still missing (NOT_YET_LINKED). Dates are as reported.
"""

from datetime import date

ALLIANCE = {
    "kind": "report",
    "title": "#ObjectWarCampaign: protection and asylum for deserters and conscientious objectors",
    "issuer": "Connection e.V. and partner organisations",
    "date": date(2024, 2, 20),
}
NOVAYA_GAZETA_2022 = {
    "kind": "news",
    "title": "Amendments to the Criminal Code on mobilisation, surrender and refusal to fight",
    "issuer": "Novaya Gazeta Europe",
    "date": date(2022, 9, 24),
}
UKRAINSKA_PRAVDA_2024 = {
    "kind": "news",
    "title": "How electronic summonses work in Russia",
    "issuer": "Ukrainska Pravda",
    "date": date(2024, 4, 11),
}
PRO_ASYL = {
    "kind": "report",
    "title": "Russian refusers: asylum rejections two years after the start of the war",
    "issuer": "PRO ASYL and Connection e.V.",
    "date": date(2024, 2, 21),
}
BMI_2022 = {
    "kind": "official",
    "title": "Statement on protection for Russian deserters",
    "issuer": "German Federal Ministry of the Interior",
    "date": date(2022, 5, 17),
}
LAW_113FZ = {
    "kind": "law",
    "title": "Federal Law No. 113-FZ on Alternative Civilian Service, Article 11 (deadlines)",
    "issuer": "Russian Federation",
    "date": date(2002, 7, 25),
}
ECHR_BAYATYAN = {
    "kind": "court",
    "title": "Bayatyan v. Armenia (application no. 23459/03), Grand Chamber judgment",
    "issuer": "European Court of Human Rights",
    "date": date(2011, 7, 7),
}

# Said of every source above that has no address yet: the corrected content (issue #15)
# replaces these sources with linked, checked ones.
NOT_YET_LINKED = "Not yet linked: being re-checked (2026-12)"

COUNTRIES = [
    {"code": "RU", "name": "Russia", "kind": "state"},
    {"code": "BY", "name": "Belarus", "kind": "state"},
    {"code": "UA", "name": "Ukraine", "kind": "state"},
    {
        "code": "UA-OCC",
        "name": "Russian-occupied areas of Ukraine",
        "kind": "occupied",
        "controlled_by": "RU",
    },
]

# Profiles: page fields, review date, and rules (each rule: model fields + "sources").
PROFILES = [
    {
        "country": "RU",
        "title": "Russia",
        "slug": "russia",
        "search_description": "Conscription, objection, mobilisation and penalties in Russia.",
        "introduction": (
            "Russia calls up men for twelve months of military service twice a year and has "
            "mobilised reservists since September 2022. Objection is only possible before "
            "conscription, and refusing to fight carries long prison terms."
        ),
        "last_reviewed": date(2026, 10, 1),
        "rules": [
            {
                "topic": "conscription",
                "heading": "Conscription age 18 to 30",
                "applies_to": ["conscripts"],
                "status": "in_force",
                "status_since": date(2024, 1, 1),
                "legal_act": "Federal Law on Military Duty and Military Service",
                "service_months": 12,
                "summary": (
                    "Men are called up between their 18th and 30th birthday; the upper limit "
                    "was 27 until the end of 2023. Military service lasts twelve months. An "
                    "electronic register of people liable for service has been announced."
                ),
                "sources": [
                    {
                        "kind": "news",
                        "title": "Conscription age raised to 30",
                        "issuer": "TASS",
                        "date": date(2023, 7, 28),
                    },
                    {
                        "kind": "report",
                        "title": "Digest of the Movement of Conscientious Objection, December 2023",
                        "issuer": "Movement of Conscientious Objectors",
                        "date": date(2024, 1, 31),
                    },
                ],
            },
            {
                "topic": "objection",
                "heading": "Alternative civilian service",
                "applies_to": ["conscripts"],
                "status": "in_force",
                "legal_act": "Federal Law No. 113-FZ on Alternative Civilian Service",
                "availability": "limited",
                "available_until": (
                    "only before conscription: by 1 April for the autumn call-up, "
                    "by 1 October for the following spring call-up"
                ),
                "service_months": 21,
                "summary": (
                    "Conscripts can apply for alternative civilian service instead of military "
                    "service. It lasts 21 months instead of 12. The application must reach the "
                    "military commissariat before the deadline for the call-up."
                ),
                "sources": [ALLIANCE, LAW_113FZ],
            },
            {
                "topic": "objection",
                "heading": "No objection for reservists and soldiers",
                "applies_to": ["reservists", "mobilized", "contract"],
                "status": "in_force",
                "availability": "unavailable",
                "available_until": "not for reservists, mobilised or contract soldiers",
                "summary": (
                    "Reservists and soldiers, including the mobilised, have no legal procedure "
                    "for alternative service. One court decision in March 2023 still upheld a "
                    "mobilised man's right to it, but that is an exception."
                ),
                "sources": [ALLIANCE],
            },
            {
                "topic": "mobilization",
                "heading": "Partial mobilisation",
                "applies_to": ["reservists", "mobilized"],
                "status": "in_force",
                "status_since": date(2022, 9, 21),
                "legal_act": "Presidential Decree No. 647",
                "summary": (
                    "Since September 2022 reservists can be mobilised. The decree has not been "
                    "repealed, so new call-ups remain possible at any time."
                ),
                "sources": [NOVAYA_GAZETA_2022],
            },
            {
                "topic": "evasion",
                "heading": "Electronic summons and restrictions",
                "applies_to": ["conscripts", "reservists", "evaders"],
                "status": "in_force",
                "status_since": date(2024, 4, 11),
                "legal_act": "Federal Law on Military Duty and Military Service",
                "penalty_kind": "administrative",
                "other_consequences": (
                    "Ban on leaving the country from the day the summons counts as served; after "
                    "20 days without reporting: no business registration, no real-estate deals, "
                    "no driving, no loans."
                ),
                "summary": (
                    "A summons posted in the electronic register counts as served seven days "
                    "later, whether or not it was read. From then on the person may not leave "
                    "Russia; further restrictions follow after 20 days."
                ),
                "sources": [UKRAINSKA_PRAVDA_2024],
            },
            {
                "topic": "refusal",
                "heading": "Refusal to take part in hostilities",
                "applies_to": ["mobilized", "contract", "conscripts"],
                "status": "in_force",
                "status_since": date(2022, 9, 24),
                "legal_act": "Criminal Code of the Russian Federation",
                "article": "Art. 332",
                "penalty_kind": "criminal",
                "prison_min_months": 24,
                "prison_max_months": 120,
                "summary": (
                    "Refusing to take part in hostilities is punished with two to three years "
                    "of imprisonment, and up to ten years if it has grave consequences."
                ),
                "sources": [NOVAYA_GAZETA_2022],
            },
            {
                "topic": "refusal",
                "heading": "Voluntary surrender",
                "applies_to": ["mobilized", "contract", "conscripts"],
                "status": "in_force",
                "status_since": date(2022, 9, 24),
                "legal_act": "Criminal Code of the Russian Federation",
                "article": "Art. 352.1",
                "penalty_kind": "criminal",
                "prison_min_months": 36,
                "prison_max_months": 120,
                "summary": (
                    "Surrendering voluntarily is punished with three to ten years of imprisonment."
                ),
                "sources": [NOVAYA_GAZETA_2022],
            },
            {
                "topic": "desertion",
                "heading": "Absence from the unit during mobilisation",
                "applies_to": ["mobilized", "contract", "deserters"],
                "status": "in_force",
                "status_since": date(2022, 9, 24),
                "legal_act": "Criminal Code of the Russian Federation",
                "article": "Art. 337",
                "penalty_kind": "criminal",
                "prison_min_months": 60,
                "prison_max_months": 120,
                "summary": (
                    "Being absent from the unit for more than a month during mobilisation is "
                    "punished with five to ten years of imprisonment."
                ),
                "sources": [NOVAYA_GAZETA_2022],
            },
            {
                "topic": "asylum",
                "heading": "Protection in Germany",
                "applies_to": ["deserters", "evaders"],
                "status": "in_force",
                "status_since": date(2022, 5, 17),
                "availability": "limited",
                "available_until": "deserters have better chances than draft evaders",
                "summary": (
                    "Germany said in May 2022 that credible deserters are generally presumed to "
                    "face persecution; draft evaders were not covered. Since early 2023 the "
                    "Federal Office for Migration and Refugees has rejected men who evaded "
                    "recruitment early. Of about 5,400 Russian men aged 18 to 45 who applied, "
                    "few were granted protection."
                ),
                "sources": [BMI_2022, PRO_ASYL],
            },
        ],
    },
    {
        "country": "BY",
        "title": "Belarus",
        "slug": "belarus",
        "search_description": "Conscription, objection, desertion and leaving Belarus.",
        "introduction": (
            "Belarus allows alternative service only for religious objectors and only before "
            "conscription. Deserters face the harshest penalties in the region, and Belarusians "
            "abroad can no longer renew their passports at embassies."
        ),
        "last_reviewed": date(2026, 9, 15),
        "rules": [
            {
                "topic": "objection",
                "heading": "Alternative service for religious objectors",
                "applies_to": ["conscripts"],
                "status": "in_force",
                "status_since": date(2016, 7, 1),
                "legal_act": "Law on Alternative Service",
                "availability": "limited",
                "available_until": "only before conscription, and only on religious grounds",
                "summary": (
                    "Only people whose religion forbids military service can apply, and only "
                    "before they are conscripted. Alternative service lasts twice as long as "
                    "military service."
                ),
                "sources": [ALLIANCE],
            },
            {
                "topic": "objection",
                "heading": "No objection for reservists and soldiers",
                "applies_to": ["reservists", "mobilized", "contract"],
                "status": "in_force",
                "availability": "unavailable",
                "available_until": "not for reservists or soldiers",
                "summary": (
                    "Reservists and serving soldiers cannot apply for alternative service. "
                    "Belarus does not follow international standards on conscientious objection."
                ),
                "sources": [ALLIANCE],
            },
            {
                "topic": "desertion",
                "heading": "Desertion and refusal in wartime",
                "applies_to": ["mobilized", "contract", "conscripts", "deserters"],
                "status": "in_force",
                "legal_act": "Criminal Code of the Republic of Belarus",
                "penalty_kind": "criminal",
                "death_penalty": True,
                "summary": (
                    "Objectors and deserters face repression and prison. According to the "
                    "alliance, refusal can in the worst case be punished with death."
                ),
                "sources": [ALLIANCE],
            },
            {
                "topic": "leaving",
                "heading": "No passports at embassies",
                "applies_to": [],
                "status": "in_force",
                "legal_act": "Presidential Decree No. 278",
                "availability": "limited",
                "available_until": "passports are issued and renewed only inside Belarus",
                "summary": (
                    "Since September 2023 Belarusian embassies no longer issue or renew "
                    "passports. People abroad must return to Belarus to get a new one."
                ),
                "sources": [
                    {
                        "kind": "law",
                        "title": "Decree No. 278 on documents for citizens abroad",
                        "issuer": "President of the Republic of Belarus",
                        "date": date(2023, 9, 4),
                    },
                ],
            },
            {
                "topic": "asylum",
                "heading": "Protection abroad",
                "applies_to": ["deserters", "evaders"],
                "status": "in_force",
                "availability": "limited",
                "available_until": "punishment for refusal counts as legitimate state action",
                "summary": (
                    "Most Belarusian objectors fled to Kazakhstan, Georgia or Armenia. In "
                    "Germany, punishment for refusing military service alone is treated as "
                    "legitimate state action and does not lead to asylum."
                ),
                "sources": [ALLIANCE, ECHR_BAYATYAN],
            },
        ],
    },
    {
        "country": "UA",
        "title": "Ukraine",
        "slug": "ukraine",
        "search_description": "Mobilisation, objection, evasion and leaving Ukraine.",
        "introduction": (
            "Ukraine suspended the right to conscientious objection when the full-scale war "
            "began. Men aged 18 to 60 may generally not leave the country, and evading "
            "mobilisation is a crime."
        ),
        "last_reviewed": date(2026, 10, 20),
        "rules": [
            {
                "topic": "objection",
                "heading": "Alternative service suspended in wartime",
                "applies_to": ["conscripts", "reservists", "mobilized"],
                "status": "suspended",
                "status_since": date(2022, 2, 24),
                "legal_act": "Law on Alternative (Non-Military) Service",
                "availability": "unavailable",
                "available_until": "in peacetime only for members of 10 religious communities",
                "summary": (
                    "The defence ministry says there is no alternative service in wartime. In "
                    "peacetime it was open only to members of ten religious communities."
                ),
                "sources": [ALLIANCE],
            },
            {
                "topic": "mobilization",
                "heading": "Mobilisation from age 25",
                "applies_to": ["reservists", "conscripts"],
                "status": "in_force",
                "status_since": date(2024, 5, 18),
                "legal_act": "Law on Mobilisation Preparation and Mobilisation",
                "summary": (
                    "The mobilisation age was lowered from 27 to 25. Men had to update their "
                    "military records within 60 days and must carry their papers."
                ),
                "sources": [
                    {
                        "kind": "official",
                        "title": "Law on mobilisation in force",
                        "issuer": "Verkhovna Rada of Ukraine",
                        "date": date(2024, 5, 18),
                    },
                ],
            },
            {
                "topic": "evasion",
                "heading": "Evasion of mobilisation",
                "applies_to": ["reservists", "evaders"],
                "status": "in_force",
                "legal_act": "Criminal Code of Ukraine",
                "article": "Art. 336",
                "penalty_kind": "criminal",
                "prison_min_months": 36,
                "prison_max_months": 60,
                "summary": (
                    "Evading mobilisation is punished with three to five years of imprisonment. "
                    "Conscientious objectors have been sentenced under this article. On 25 May "
                    "2023 the Supreme Court freed a jailed objector and ordered a retrial; on 6 "
                    "May 2025 the Constitutional Court opened proceedings on the article."
                ),
                "sources": [
                    ALLIANCE,
                    {
                        "kind": "court",
                        "title": "Supreme Court decision in the case of a conscientious objector",
                        "issuer": "Supreme Court of Ukraine",
                        "date": date(2023, 5, 25),
                    },
                    {
                        "kind": "court",
                        "title": "Proceedings on Article 336 of the Criminal Code",
                        "issuer": "Constitutional Court of Ukraine",
                        "date": date(2025, 5, 6),
                    },
                ],
            },
            {
                "topic": "leaving",
                "heading": "Men aged 18 to 60 may not leave",
                "applies_to": ["conscripts", "reservists", "evaders"],
                "status": "in_force",
                "status_since": date(2022, 2, 24),
                "legal_act": "Rules for crossing the state border under martial law",
                "availability": "unavailable",
                "available_until": "exceptions only for specific groups",
                "summary": (
                    "Men aged 18 to 60 are generally barred from leaving Ukraine under martial law."
                ),
                "sources": [ALLIANCE],
            },
            {
                "topic": "leaving",
                "heading": "Consular services tied to military registration",
                "applies_to": ["conscripts", "reservists", "evaders"],
                "status": "in_force",
                "status_since": date(2024, 5, 18),
                "legal_act": "Law on Mobilisation Preparation and Mobilisation",
                "other_consequences": (
                    "No consular services abroad without updated military records."
                ),
                "summary": (
                    "Men of military age abroad get consular services, such as a new passport, "
                    "only if their military registration is up to date."
                ),
                "sources": [
                    {
                        "kind": "official",
                        "title": "Law on mobilisation in force",
                        "issuer": "Verkhovna Rada of Ukraine",
                        "date": date(2024, 5, 18),
                    },
                ],
            },
            {
                "topic": "asylum",
                "heading": "Temporary protection in the EU",
                "applies_to": ["evaders", "deserters"],
                "status": "in_force",
                "availability": "limited",
                "available_until": "temporary humanitarian residence, not permanent protection",
                "summary": (
                    "Ukrainian objectors often went to Western Europe, where they receive "
                    "temporary humanitarian residence. That is not permanent protection; the "
                    "alliance demands refugee protection where the right to objection is violated."
                ),
                "sources": [ALLIANCE, ECHR_BAYATYAN],
            },
        ],
    },
    {
        "country": "UA-OCC",
        "title": "Russian-occupied areas of Ukraine",
        "slug": "occupied-areas",
        "search_description": "Forced recruitment in the Russian-occupied and separatist areas.",
        "introduction": (
            "In the Russian-occupied and separatist areas men are recruited by force. There is "
            "no right to conscientious objection: objectors are sent to the front or imprisoned."
        ),
        "last_reviewed": date(2026, 3, 15),
        "rules": [
            {
                "topic": "mobilization",
                "heading": "Forced recruitment",
                "applies_to": ["conscripts", "reservists"],
                "status": "in_force",
                "summary": "Men in the occupied and separatist areas are recruited by force.",
                "sources": [ALLIANCE],
            },
            {
                "topic": "objection",
                "heading": "No right to conscientious objection",
                "applies_to": ["conscripts", "reservists", "mobilized"],
                "status": "in_force",
                "availability": "unavailable",
                "available_until": "no procedure exists",
                "summary": "There is no way to refuse military service on grounds of conscience.",
                "sources": [ALLIANCE],
            },
            {
                "topic": "refusal",
                "heading": "Objectors sent to the front or imprisoned",
                "applies_to": ["conscripts", "reservists", "mobilized"],
                "status": "in_force",
                "penalty_kind": "criminal",
                "other_consequences": "Objectors are sent to the front line.",
                "summary": "People who refuse are sent to the front or imprisoned.",
                "sources": [ALLIANCE],
            },
        ],
    },
]

# Russia's conscription rule as it stood before 2024, published first so the demo
# change log shows a real change.
RUSSIA_BEFORE_2024 = {
    "heading": "Conscription age 18 to 27",
    "status_since": date(2008, 1, 1),
    "summary": (
        "Men are called up between their 18th and 27th "
        "birthday. Military service lasts twelve months."
    ),
}

GUIDES = [
    {
        "title": "What happens if I ignore an electronic summons?",
        "slug": "ignored-electronic-summons",
        "countries": ["RU"],
        "topics": ["evasion", "leaving"],
        "applies_to": ["conscripts", "reservists", "evaders"],
        "summary": (
            "In Russia an electronic summons counts as served seven days after it is posted, "
            "even if you never open it. You may then not leave the country, and after 20 days "
            "further restrictions apply."
        ),
        "body": [
            ("heading", {"text": "What the register does"}),
            (
                "paragraph",
                "<p>From the day the summons counts as served you may not leave Russia. "
                "After 20 days without reporting you can no longer register a business, "
                "buy or sell real estate, drive or take out a loan.</p>",
            ),
            ("paragraph", "<p>Talk to the counselling hotline before you decide what to do.</p>"),
        ],
        "sources": [UKRAINSKA_PRAVDA_2024],
        "last_reviewed": date(2026, 10, 1),
    },
    {
        "title": "How do I apply for alternative civilian service in Russia?",
        "slug": "alternative-service-russia",
        "countries": ["RU"],
        "topics": ["objection", "conscription"],
        "applies_to": ["conscripts"],
        "summary": (
            "Apply to the military commissariat before your call-up: by 1 April for the autumn "
            "call-up and by 1 October for the following spring call-up. Alternative service lasts "
            "21 months."
        ),
        "body": [
            (
                "paragraph",
                "<p>Reservists and mobilised soldiers have no procedure to apply. "
                "Write down your reasons of conscience and keep a copy of everything you "
                "hand in.</p>",
            ),
        ],
        "sources": [ALLIANCE],
        "last_reviewed": date(2026, 10, 1),
    },
    {
        "title": "Will Germany protect me if I deserted from the Russian army?",
        "slug": "germany-protection-deserters",
        "countries": ["RU"],
        "topics": ["asylum", "desertion"],
        "applies_to": ["deserters", "evaders"],
        "summary": (
            "Germany presumes that credible deserters face persecution, but it has rejected "
            "many men who evaded recruitment early, treating them as draft evaders."
        ),
        "body": [
            (
                "paragraph",
                "<p>Evidence that you served or were called up matters. Get advice "
                "before your asylum interview.</p>",
            ),
        ],
        "sources": [BMI_2022, PRO_ASYL],
        "last_reviewed": date(2026, 9, 1),
    },
    {
        "title": "Can I leave Ukraine as a man of military age?",
        "slug": "leaving-ukraine",
        "countries": ["UA"],
        "topics": ["leaving", "mobilization"],
        "applies_to": ["conscripts", "reservists", "evaders"],
        "summary": (
            "Men aged 18 to 60 are generally barred from leaving Ukraine. Abroad, consular "
            "services depend on up-to-date military registration."
        ),
        "body": [
            (
                "paragraph",
                "<p>Crossing the border irregularly is dangerous and punishable. "
                "Ask the counselling hotline about your situation.</p>",
            ),
        ],
        "sources": [ALLIANCE],
        "last_reviewed": date(2026, 10, 20),
    },
]

INDEX_EXTRA = {}
