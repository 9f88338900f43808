"""Month names in the genitive, as Django's "E" date format takes them from the catalogue
(context "alt. month"): "21 November" → "21 лістапада". Listed here so that makemessages
keeps them in the project's catalogues, which take precedence over Django's: its
Belarusian catalogue has "сакавік" (nominative) for March and classical spellings
("верасьня", "сьнежня") where the site uses the official ones."""

from django.utils.translation import pgettext_lazy

GENITIVE_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
