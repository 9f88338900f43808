"""Admin report 'Translation status': per language, how many live English pages are missing,
out of date or up to date in that language.

- *missing*: no live page with the English page's translation key in that language;
- *out of date*: the English page was published after the translation was last synced
  (wagtail-localize logs every sync as a TranslationLog; a translation made without
  wagtail-localize counts from its own last publication);
- *up to date*: the rest.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationLog, TranslationSource

from .translation_freshness import is_out_of_date

SOURCE_LANGUAGE = "en"


@dataclass
class LocaleStatus:
    language_code: str
    language: str
    total: int
    missing: int
    out_of_date: int
    up_to_date: int

    def _percent(self, count):
        return round(100 * count / self.total) if self.total else 0

    @property
    def missing_percent(self):
        return self._percent(self.missing)

    @property
    def out_of_date_percent(self):
        return self._percent(self.out_of_date)

    @property
    def up_to_date_percent(self):
        return self._percent(self.up_to_date)

    @property
    def missing_display(self):
        return f"{self.missing} ({self.missing_percent} %)"

    @property
    def out_of_date_display(self):
        return f"{self.out_of_date} ({self.out_of_date_percent} %)"

    @property
    def up_to_date_display(self):
        return f"{self.up_to_date} ({self.up_to_date_percent} %)"


def translation_status():
    """One LocaleStatus per non-English locale, in the order of settings.LANGUAGES."""
    english = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    sources = {
        key: published
        for key, published in Page.objects.filter(
            locale=english, live=True, depth__gt=1
        ).values_list("translation_key", "last_published_at")
    }
    translations = {
        (key, locale_id): published
        for key, locale_id, published in Page.objects.filter(translation_key__in=sources, live=True)
        .exclude(locale=english)
        .values_list("translation_key", "locale_id", "last_published_at")
    }
    source_keys = dict(
        TranslationSource.objects.filter(object_id__in=sources, locale=english).values_list(
            "pk", "object_id"
        )
    )
    synced = {
        (source_keys[row["source_id"]], row["locale_id"]): row["synced_at"]
        for row in TranslationLog.objects.filter(source_id__in=source_keys)
        .values("source_id", "locale_id")
        .annotate(synced_at=Max("created_at"))
    }

    names = dict(settings.LANGUAGES)
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    locales = sorted(
        Locale.objects.exclude(pk=english.pk),
        key=lambda locale: order.get(locale.language_code, len(order)),
    )
    rows = []
    for locale in locales:
        missing = out_of_date = up_to_date = 0
        for key, source_published in sources.items():
            if (key, locale.pk) not in translations:
                missing += 1
                continue
            synced_at = synced.get((key, locale.pk)) or translations[(key, locale.pk)]
            if is_out_of_date(source_published, synced_at):
                out_of_date += 1
            else:
                up_to_date += 1
        rows.append(
            LocaleStatus(
                locale.language_code,
                names.get(locale.language_code, locale.language_code),
                len(sources),
                missing,
                out_of_date,
                up_to_date,
            )
        )
    return rows


class TranslationStatusReport(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "home_translation_status"
    index_results_url_name = "home_translation_status_results"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    paginate_by = None
    export_headings = {
        "language": _("Language"),
        "total": _("English pages"),
        "missing": _("Missing"),
        "out_of_date": _("Out of date"),
        "up_to_date": _("Up to date"),
        "missing_percent": _("Missing (%)"),
        "out_of_date_percent": _("Out of date (%)"),
        "up_to_date_percent": _("Up to date (%)"),
    }
    list_export = list(export_headings)
    columns = [
        Column("language", label=_("Language")),
        Column("total", label=_("English pages")),
        Column("missing_display", label=_("Missing")),
        Column("out_of_date_display", label=_("Out of date")),
        Column("up_to_date_display", label=_("Up to date")),
    ]

    def get_queryset(self):
        return translation_status()
