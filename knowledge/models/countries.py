"""Countries and territories the knowledge base covers."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.content_cache import content_lookup


class CountryKind(models.TextChoices):
    STATE = "state", _("state")
    OCCUPIED = "occupied", _("occupied area")
    SEPARATIST = "separatist", _("separatist area")


class Country(TranslatableMixin, index.Indexed, models.Model):
    """A state, or an occupied or separatist area and the state that controls it.
    A snippet: the name is translated, the code and kind are the same in every language."""

    name = models.CharField(
        verbose_name=_("name"), max_length=120, help_text=_("As readers say it, e.g. 'Russia'.")
    )
    code = models.SlugField(
        verbose_name=_("code"),
        max_length=20,
        help_text=_(
            "Short stable code, the same in every language: ISO 3166 for states "
            "(RU, BY, UA), e.g. UA-OCC for the Russian-occupied areas of Ukraine."
        ),
    )
    kind = models.CharField(
        verbose_name=_("kind"),
        max_length=20,
        choices=CountryKind.choices,
        default=CountryKind.STATE,
    )
    controlled_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For occupied or separatist areas: the state that controls them in practice."),
        verbose_name=_("controlled by"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("kind"),
        FieldPanel("controlled_by"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale")]
    override_translatable_fields = [
        SynchronizedField("code"),
        SynchronizedField("kind"),
        SynchronizedField("controlled_by"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_country_code_per_locale"
            )
        ]

    def __str__(self):
        return self.name


@content_lookup("country")
def shared_country(country_id, *, page):
    """`page.country` (the Country with `country_id`): readers' requests take it from the
    content cache, where every language's profile and builder share it."""
    return page.country
