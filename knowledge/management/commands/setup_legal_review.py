from django.core.management.base import BaseCommand

from knowledge.review import REVIEWERS_GROUP, setup_legal_review


class Command(BaseCommand):
    help = (
        f"Create the '{REVIEWERS_GROUP}' group and the 'Legal review' workflow and attach it to "
        "the knowledge base in every language. Safe to run again (also after adding a language)."
    )

    def handle(self, *args, **options):
        workflow = setup_legal_review()
        pages = workflow.workflow_pages.count()
        message = f"'{workflow.name}' covers {pages} knowledge base(s)."
        self.stdout.write(self.style.SUCCESS(message))
