"""The queue of search node updates: what the node has yet to learn."""

from django.db import models


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
