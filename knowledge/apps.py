from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, workflow_approved

        from .review import on_page_published, on_workflow_approved

        workflow_approved.connect(on_workflow_approved, dispatch_uid="knowledge.review")
        page_published.connect(on_page_published, dispatch_uid="knowledge.changelog")
