"""Every type of public page, as a path after the language prefix (demo content).

The accessibility and HTML checks run on each of these in two languages.
"""

PUBLIC_PAGES = {
    "home": "",
    "knowledge-index": "knowledge/",
    "country-profile": "knowledge/russia/",
    "comparison": "knowledge/compare/",
    "situation-form": "knowledge/situation/",
    "situation-answer": "knowledge/situation/?country=RU&situation=summons",
    "guide": "knowledge/ignored-electronic-summons/",
    "application-builder": "knowledge/alternative-service-application-russia/",
    "news-index": "news/",
    "news-index-page-2": "news/?page=2",
    "news-index-filtered": "news/?country=RU&topic=law",
    "news-page": "news/russians-refusing-war-what-are-their-chances-of-protection/",
    "campaign-index": "campaign/",
    "appeal": "campaign/appeal-bundestag/",
    "appeal-sign-form": "campaign/appeal-bundestag/sign/",
    "material": "campaign/material/",
    "fundraising": "campaign/fundraising/",
    "help": "help/",
    "safety": "safety/",
    "search-results": "search/?q=Russia",
    "search-no-results": "search/?q=xyzzyplugh",
    "not-found": "no-such-page/",
}

# Two languages: English (the source) and a Cyrillic translation.
LANGUAGES = ["en", "uk"]
