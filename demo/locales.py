"""Demo locales and the taxonomy shared by the countries and resources apps."""

from django.conf import settings
from wagtail.models import Locale

from core.taxonomy import Topic

# slug: English name. The QualityRights topics, as the resource library lists them.
TOPICS = {
    "legal-capacity": "Legal capacity and supported decision-making",
    "ending-coercion": "Ending coercion (seclusion and restraint)",
    "recovery": "Recovery",
    "community-inclusion": "Community inclusion",
    "peer-support": "Peer support",
    "civil-society": "Civil society and advocacy",
    "law-and-policy-reform": "Law and policy reform",
    "service-transformation": "Service transformation",
    "assessing-services": "Assessing services",
    "stigma-and-discrimination": "Stigma and discrimination",
    "lived-experience": "Lived experience and participation",
}


def load_locales(stdout):
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    stdout.write(f"Locales: {Locale.objects.count()}")


def load(stdout):
    english = Locale.objects.get(language_code="en")
    for slug, name in TOPICS.items():
        Topic.objects.update_or_create(locale=english, slug=slug, defaults={"name": name})
    stdout.write(f"Topics: {Topic.objects.filter(locale=english).count()}")
