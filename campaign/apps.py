from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")

    def ready(self):
        from .models import Signatory
        from .moderation import on_signatory_saved

        # Moderators hear of each new signature (campaign/moderation.py).
        post_save.connect(
            on_signatory_saved, sender=Signatory, dispatch_uid="campaign.notify_moderators"
        )
