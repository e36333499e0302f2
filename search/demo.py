"""Demo search promotion: the e-training, first for anyone searching "e-training".

The text is written for the demo. Idempotent: running it twice changes nothing.
"""

from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.models import HomePage

PROMOTED_QUERY = "e-training"


def load(stdout):
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return
    SearchPromotion.objects.update_or_create(
        query=Query.get(PROMOTED_QUERY),
        page=home,
        defaults={
            "sort_order": 0,
            "description": "Sample promotion: where to start the QualityRights e-training.",
        },
    )
    stdout.write(f'Search: promoted the home page for "{PROMOTED_QUERY}".')
