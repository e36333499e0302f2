"""Demo submissions in the moderation queue, visibly marked as sample data.

Idempotent: a sample is found by its text and left alone."""

from wagtail.models import Locale

from countries.models import CountryPage
from share.choices import Role
from share.models import Submission

SAMPLES = [
    (
        "kenya",
        Role.LIVED_EXPERIENCE,
        "en",
        "Sample data, written for the demo. The peer support group at our community centre "
        "helped me find work again. Nobody decided for me: they asked what I wanted.",
    ),
    (
        "ghana",
        Role.FAMILY,
        "fr",
        "Exemple fictif, écrit pour la démo. Le service a arrêté d'enfermer les personnes. "
        "Mon frère peut maintenant recevoir des visites.",
    ),
]


def load(stdout):

    english = Locale.get_default()
    made = 0
    for slug, role, language, text in SAMPLES:
        country = CountryPage.objects.filter(locale=english, slug=slug).first()
        if country is None or Submission.objects.filter(what_happened=text).exists():
            continue
        Submission.objects.create(
            what_happened=text,
            country=country,
            role=role,
            language=language,
            consent_publish=True,
        )
        made += 1
    stdout.write(f"Shared experiences: {made} sample submission(s) added.")
