"""The home page's figure for this app: public stories that began as a shared experience."""

from core import visibility
from countries.models import StoryPage
from share.models import Submission


def stories_shared_by_the_public():
    # Withdrawn submissions are deleted, so their stories no longer count.
    # Live and under no view restriction, as the public sees them.
    public = visibility.public(StoryPage.objects.live())
    return Submission.objects.filter(story_page__in=public).count()
