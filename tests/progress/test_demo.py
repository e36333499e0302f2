"""The demo's targets: the two published ones with their sources, loaded once however
often the demo runs, translated into the demo's languages."""

import datetime
import io

from countries.models import Target
from demo import targets as demo
from tests.support import targets as support


def test_the_two_published_targets_with_their_sources(client, portal_site):
    support.enrolled()
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    english = Target.objects.filter(locale__language_code="en").order_by("sort_order")
    assert [(t.name, t.value, t.deadline, t.source, t.indicator.slug) for t in english] == [
        (
            "5 million learners by the end of 2024",
            5_000_000,
            datetime.date(2024, 12, 31),
            "WHO news release, 2022",
            "etraining-enrolled",
        ),
        (
            "1 million learners",
            1_000_000,
            None,
            "Invitation to the global launch of the QualityRights e-training, 2022",
            "etraining-enrolled",
        ),
    ]
    assert Target.objects.count() == 6  # English, French, Arabic
    html = client.get("/fr/progress/").content.decode()
    assert "5 millions d&#x27;apprenants d&#x27;ici la fin de 2024" in html
