"""The home page's figure for this app: live stories that began as a shared experience."""

from share.models import Submission


def stories_shared_by_the_public():
    # Withdrawn submissions are deleted, so their stories no longer count.
    return Submission.objects.filter(story_page__live=True).count()
