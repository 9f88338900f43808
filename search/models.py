"""Index updates that could not reach the search node, kept until they can."""

from django.db import models


class PendingIndexUpdate(models.Model):
    """A page whose entry in one search backend is out of date because the node was down
    when the page was published, unpublished or deleted. `manage.py rebuild_search_indexes
    --pending` (and the next successful update) applies these; nothing is lost."""

    class Action(models.TextChoices):
        ADD = "add", "add or update"
        DELETE = "delete", "delete"

    backend = models.CharField(max_length=40)
    page_id = models.PositiveIntegerField(help_text="Not a foreign key: deleted pages count too.")
    action = models.CharField(max_length=10, choices=Action.choices)
    queued_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "page_id"], name="one_pending_update_per_page"
            )
        ]
        ordering = ["queued_at"]

    def __str__(self):
        return f"{self.action} page {self.page_id} in {self.backend}"
