"""The search app's tables: the queue of node updates, the vocabulary, editors' synonyms."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from .forms import SearchSynonymForm


class PendingIndexUpdate(models.Model):
    """An object whose entry in one search node backend is out of date.

    Saving, publishing, moving and deleting only write these rows (in the same transaction
    as the change, so nothing is lost and nothing is queued for a change rolled back); the
    queue worker (`manage.py search_index_worker`, or `manage.py rebuild_search_indexes
    --pending` from cron) applies them to the node and deletes them. One row per object and
    backend: the latest action wins, and the object's state is read when it is applied.
    """

    class Action(models.TextChoices):
        ADD = "add", "add or update"
        DELETE = "delete", "delete"

    backend = models.CharField(max_length=40)
    model = models.CharField(
        max_length=100,
        default="wagtailcore.page",
        help_text="The indexed root model, e.g. wagtailcore.page or wagtailimages.image.",
    )
    object_id = models.PositiveIntegerField(help_text="Not a foreign key: deleted objects too.")
    action = models.CharField(max_length=10, choices=Action.choices)
    queued_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Failed attempts to apply it.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "model", "object_id"], name="one_pending_update_per_object"
            )
        ]
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.model} {self.object_id} in {self.backend}"


class SearchTerm(models.Model):
    """A word of the published pages in one language: the vocabulary that typo correction and
    Latin-typed Cyrillic are matched against (search/vocabulary.py).

    Built from the pages' own text (titles, bodies, rules), never from what readers type, and
    refreshed when a page is published and by `manage.py rebuild_search_indexes`.
    """

    language = models.CharField(max_length=10)
    word = models.CharField(max_length=60)
    lemma = models.CharField(max_length=60, help_text="Base form (core/lemmas.py).")
    skeleton = models.CharField(
        max_length=60, help_text="Loose Latin spelling (search/translit.py), for Latin-typed words."
    )
    pages = models.PositiveIntegerField(
        default=1, help_text="Pages using it (at the last rebuild)."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="one_search_term_per_word")
        ]
        indexes = [
            models.Index(fields=["language", "lemma"], name="search_term_lemma"),
            models.Index(fields=["language", "skeleton"], name="search_term_skeleton"),
        ]

    def __str__(self):
        return f"{self.word} ({self.language})"


class SearchSynonym(RevisionMixin, TranslatableMixin, models.Model):
    """Words that readers use for one thing, in one language: an abbreviation and what it
    stands for, a colloquial word and the official one ("ВВК", "военно-врачебная комиссия",
    "медкомиссия"). A search for any of them finds pages with any of them.

    Edited by the editors of each language. A group about something every language has (the
    summons, the military commissariat) can be translated: the translation lists that
    language's own words for it, not a translation of the English ones. A group that exists
    in one language only (an abbreviation) is simply added in that language.
    """

    terms = models.TextField(
        help_text=(
            "One word or phrase per line (or separated by commas), e.g. 'ВВК' and "
            "'военно-врачебная комиссия'. Inflected forms are found anyway: write the "
            "dictionary form."
        )
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="For editors only: why these belong together."
    )
    # A code of the knowledge base's countries, chosen by name (search/forms.py: the list is
    # content, read when the form is shown, not when Django checks the models).
    country = models.CharField(
        max_length=20,
        blank=True,
        help_text=(
            "Only when readers who use these words mean one country, whichever language "
            "they write in ('ТЦК', 'бусифікація': Ukraine). Results about it then come "
            "first, as if the reader had named it. Leave empty for words used about several "
            "countries ('military commissariat')."
        ),
    )

    broad = models.BooleanField(
        default=False,
        verbose_name=_("broad words"),
        help_text=(
            "Tick for words that nearly every page is about ('army', 'армия', 'войска'): "
            "a query leaves them out when another of its words is on some page. 'колькі "
            "служаць у войску' then finds Belarus's rule on the term of service, which says "
            "'служба' but never 'войска'."
        ),
    )

    # Every save is a revision with its author (the admin's and wagtail-localize's): the
    # history shows what changed, as words here change what every reader of a language finds.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="searchsynonym")

    # The same country and breadth in every language's list (wagtail-localize copies them;
    # save() too, for groups that no sync made, as the demo's).
    override_translatable_fields = [
        SynchronizedField("country", overridable=False),
        SynchronizedField("broad", overridable=False),
    ]
    base_form_class = SearchSynonymForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return ", ".join(self.term_list()[:3])

    def save(self, *args, **kwargs):
        if self.translation_key:
            others = SearchSynonym.objects.filter(translation_key=self.translation_key)
            others.exclude(pk=self.pk).exclude(country=self.country, broad=self.broad).update(
                country=self.country, broad=self.broad
            )
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def term_list(self):
        from .synonyms import split_terms

        return split_terms(self.terms)
