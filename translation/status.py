"""Where each English page stands in each language: the 'Translation status' report (Reports →
Translation status), the translators' dashboard panel and the translation editor's notice share
this one definition.

For each live English page and each other language, one state:

- *missing*: no page in that language (a lead has not sent it for translation);
- *sent back*: a reviewer asked for changes to the submitted translation;
- *in review*: the translation was submitted and waits for a reviewer;
- *new*: the page exists in that language but has never been published;
- *out of date*: readers of that language do not read what the English page says now, for one
  of three reasons, each shown with the row:
  1. the English page was published after its text was last brought into the translation
     editor (what "Sync translated pages", or the translator's "Update from the English
     original", does: translation/update.py);
  2. strings of that text have no translation in that language (wagtail-localize's own
     "Translations" report calls this "Waiting for translations"; the slug is not counted);
  3. everything is translated, but the page was last written before the English page was last
     published (the translation waits to be submitted);
- *up to date*: none of these.

wagtail-localize's "Translations" report compares a translation only with the English text as
last brought into the editor: it says "Up to date" for a page whose English original was
published since (reason 1) or whose translation waits to be submitted (reason 3). Where it says
"Waiting for translations", this report says *new* or *out of date* (reason 2), unless the only
string missing is the slug; the report page explains this to its readers.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, TextChoices
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

import django_filters

from .freshness import is_out_of_date

SOURCE_LANGUAGE = "en"


class State(TextChoices):
    MISSING = "missing", gettext_lazy("Missing")
    SENT_BACK = "sent_back", gettext_lazy("Sent back")
    IN_REVIEW = "in_review", gettext_lazy("In review")
    NEW = "new", gettext_lazy("New")
    OUT_OF_DATE = "out_of_date", gettext_lazy("Out of date")
    UP_TO_DATE = "up_to_date", gettext_lazy("Up to date")


# A page's slug (its address) left untranslated stays the English one: that is not text readers
# miss, so it does not make a translation out of date (wagtail-localize counts it).
UNCOUNTED_PATHS = ("slug",)

# What waits for a translator, in the order their dashboard lists it.
TRANSLATOR_STATES = (State.SENT_BACK, State.NEW, State.OUT_OF_DATE)


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def _date(value):
    return date_format(localtime(value), "DATE_FORMAT")


@dataclass
class PageTranslation:
    """One English page in one other language."""

    source: Page  # the English page
    locale: Locale
    page: Page | None = None  # the page in that language, if any
    state: str = State.MISSING
    translation_id: int | None = None  # the enabled wagtail-localize Translation, if any
    english_changed_at: object = None  # reason 1: the English publication not yet in the editor
    untranslated: int = 0  # reason 2
    not_submitted: bool = False  # reason 3

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def language(self):
        return language_name(self.locale.language_code)

    @property
    def state_label(self):
        return State(self.state).label

    @property
    def title(self):
        return self.source.title

    @property
    def source_edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.source.pk])

    @property
    def edit_url(self):
        """Where to work on it: the translation (editor), or the English page if missing."""
        if self.page is None:
            return self.source_edit_url
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def translation_title(self):
        return self.page.title if self.page is not None else ""

    @property
    def needs_update_from_english(self):
        return self.english_changed_at is not None and self.translation_id is not None

    @property
    def detail(self):
        """Why the row has its state, in a sentence for the translator."""
        if self.state == State.MISSING:
            return _("Not sent for translation yet.")
        parts = []
        if self.state == State.SENT_BACK:
            parts.append(_("The reviewer asked for changes."))
        if self.english_changed_at is not None:
            parts.append(
                _(
                    "The English original was changed on %(date)s: update the text from it "
                    "in the translation editor."
                )
                % {"date": _date(self.english_changed_at)}
            )
        if self.untranslated:
            parts.append(_("Strings to translate: %(count)s.") % {"count": self.untranslated})
        if self.state == State.OUT_OF_DATE and not parts:
            parts.append(_("Translated, not yet submitted for review."))
        return " ".join(parts)


def page_translations(language_codes=None):
    """A PageTranslation for every live English page and every other language (or only
    `language_codes`), ordered by language (as in settings.LANGUAGES), then by page tree.
    A fixed number of queries: 6, plus one per language."""
    english = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    locales = sorted(
        Locale.objects.exclude(pk=english.pk).filter(
            **({"language_code__in": language_codes} if language_codes is not None else {})
        ),
        key=lambda locale: order.get(locale.language_code, len(order)),
    )
    sources = list(
        Page.objects.filter(locale=english, live=True, depth__gt=1)
        .only("pk", "title", "translation_key", "last_published_at", "path", "depth")
        .order_by("path")
    )
    keys = [page.translation_key for page in sources]
    translated = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
            "pk", "title", "translation_key", "locale_id", "live", "last_published_at"
        )
    }
    source_rows = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(object_id__in=keys, locale=english).values(
            "pk", "object_id", "last_updated_at"
        )
    }
    source_ids = [row["pk"] for row in source_rows.values()]
    translations = {
        (row["source_id"], row["target_locale_id"]): row["pk"]
        for row in Translation.objects.filter(
            source_id__in=source_ids, target_locale__in=locales, enabled=True
        ).values("pk", "source_id", "target_locale_id")
    }
    written = {
        (row["source_id"], row["locale_id"]): row["written_at"]
        for row in TranslationLog.objects.filter(source_id__in=source_ids, locale__in=locales)
        .values("source_id", "locale_id")
        .annotate(written_at=Max("created_at"))
    }
    workflow_states = dict(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in translated.values()],
        )
        .values_list("object_id", "status")
    )
    untranslated = {}
    for locale in locales:
        # wagtail-localize's "Waiting for translations", for every source at once.
        missing_strings = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .exclude(context__path__in=UNCOUNTED_PATHS)
            .annotate(
                translated=Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=locale.pk,
                        has_error=False,
                    )
                )
            )
            .filter(translated=False)
            .values("source_id")
            .annotate(count=Count("pk"))
        )
        for row in missing_strings:
            untranslated[(row["source_id"], locale.pk)] = row["count"]

    rows = []
    for locale in locales:
        for source in sources:
            row = PageTranslation(source=source, locale=locale)
            rows.append(row)
            page = translated.get((source.translation_key, locale.pk))
            if page is None:
                continue
            row.page = page
            source_row = source_rows.get(source.translation_key)
            source_id = source_row["pk"] if source_row else None
            row.translation_id = translations.get((source_id, locale.pk))
            published = source.last_published_at
            if row.translation_id is not None:
                if is_out_of_date(published, source_row["last_updated_at"]):
                    row.english_changed_at = published
                row.untranslated = untranslated.get((source_id, locale.pk), 0)
            last_written = written.get((source_id, locale.pk)) or page.last_published_at
            row.not_submitted = is_out_of_date(published, last_written)
            status = workflow_states.get(str(page.pk))
            if status == WorkflowState.STATUS_NEEDS_CHANGES:
                row.state = State.SENT_BACK
            elif status == WorkflowState.STATUS_IN_PROGRESS:
                row.state = State.IN_REVIEW
            elif not page.live:
                row.state = State.NEW
            elif row.english_changed_at or row.untranslated or row.not_submitted:
                row.state = State.OUT_OF_DATE
            else:
                row.state = State.UP_TO_DATE
    return rows


@dataclass
class LocaleStatus:
    """How many English pages are in each state in one language."""

    language_code: str
    language: str
    total: int = 0
    counts: dict = field(default_factory=dict)

    def count(self, state):
        return self.counts.get(state, 0)

    def percent(self, state):
        return round(100 * self.count(state) / self.total) if self.total else 0

    @property
    def missing(self):
        return self.count(State.MISSING)

    @property
    def out_of_date(self):
        return self.count(State.OUT_OF_DATE)

    @property
    def up_to_date(self):
        return self.count(State.UP_TO_DATE)

    @property
    def cells(self):
        """(state, label, "count (percent %)") for each state, in State's order."""
        return [
            (state.value, state.label, f"{self.count(state)} ({self.percent(state)} %)")
            for state in State
        ]


def translation_status(rows=None):
    """One LocaleStatus per non-English locale, in the order of settings.LANGUAGES."""
    statuses = {}
    for row in page_translations() if rows is None else rows:
        status = statuses.setdefault(
            row.language_code, LocaleStatus(row.language_code, row.language)
        )
        status.total += 1
        status.counts[row.state] = status.counts.get(row.state, 0) + 1
    return list(statuses.values())


def translator_languages(user):
    """The languages of the translator teams `user` belongs to (translation/teams.py)."""
    from .teams import translators_group_name

    names = set(user.groups.values_list("name", flat=True))
    return [
        code
        for code, _name in settings.LANGUAGES
        if code != SOURCE_LANGUAGE and translators_group_name(code) in names
    ]


def for_translator(user):
    """{language code: {state: [PageTranslation]}} of what waits for `user`'s teams."""
    languages = translator_languages(user)
    if not languages:
        return {}
    work = {code: {state: [] for state in TRANSLATOR_STATES} for code in languages}
    for row in page_translations(languages):
        if row.state in TRANSLATOR_STATES:
            work[row.language_code][row.state].append(row)
    return work


class TranslationStatusFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"),
        choices=lambda: [
            (code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE
        ],
        method="keep",
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"), choices=State.choices, method="keep"
    )

    class Meta:
        model = Page
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # the report filters its rows itself (they are not a queryset)


class TranslationStatusReport(ReportView):
    """Reports → Translation status: the counts per language, then one row per English page
    and language, filtered by language and state."""

    page_title = gettext_lazy("Translation status")
    header_icon = "globe"
    template_name = "translation/admin/translation_status.html"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 100
    export_headings = {
        "title": gettext_lazy("English page"),
        "language": gettext_lazy("Language"),
        "state_label": gettext_lazy("State"),
        "detail": gettext_lazy("Details"),
        "translation_title": gettext_lazy("Translation"),
    }
    list_export = list(export_headings)
    columns = [
        TitleColumn(
            "title", label=gettext_lazy("English page"), get_url=lambda row: row.source_edit_url
        ),
        Column("language", label=gettext_lazy("Language")),
        StatusTagColumn(
            "state_label",
            label=gettext_lazy("State"),
            primary=lambda row: row.state == State.UP_TO_DATE,
        ),
        Column("detail", label=gettext_lazy("Details")),
        TitleColumn(
            "translation_title",
            label=gettext_lazy("Translation"),
            get_url=lambda row: row.edit_url if row.page is not None else None,
        ),
    ]

    def get_queryset(self):
        self.all_rows = page_translations()
        return self.all_rows

    def filter_queryset(self, rows):
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
            if data.get("language"):
                rows = [row for row in rows if row.language_code == data["language"]]
            if data.get("state"):
                rows = [row for row in rows if row.state == data["state"]]
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["summary"] = translation_status(self.all_rows)
        context["states"] = list(State)
        context["localize_report_url"] = reverse("wagtail_localize:translations_report")
        return context
