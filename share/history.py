"""Every change to a submission goes to Wagtail's audit log (Reports → Site history),
labelled with the submission's number only."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

from share.choices import Status

ACTIONS = {
    "share.received": (_("Received"), _("Shared experience received")),
    "share.converted": (_("Converted to story"), _("Draft story created")),
    "share.withdrawal_requested": (_("Withdrawal requested"), _("The sharer asked to withdraw")),
    "share.story_deleted": (
        _("Draft story deleted"),
        _("The story was never published: deleted with its translations and revisions"),
    ),
    "share.story_emptied": (
        _("Story emptied"),
        _("The story was unpublished and its text and photo removed from every revision"),
    ),
    "share.photo_deleted": (_("Photo deleted"), _("The story's copy of the photo was deleted")),
    "share.withdrawn": (_("Withdrawn"), _("Deleted at the sharer's request")),
    "share.contacts_purged": (_("Contact details deleted"), _("Name and email deleted")),
}


class StatusChanged(LogFormatter):
    label = _("Status changed")

    def format_message(self, log_entry):
        labels = dict(Status.choices)
        return _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": labels.get(log_entry.data.get("old"), log_entry.data.get("old")),
            "new": labels.get(log_entry.data.get("new"), log_entry.data.get("new")),
        }


@hooks.register("register_log_actions")
def register_share_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
    actions.register_action("share.status")(StatusChanged)


def record(submission, action, user=None, **data):
    return wagtail_log(submission, action, user=user, data=data)
