"""The demo's two targets: the published ones, with their sources (shared/LANGUAGE.md).
Every other demo figure is sample data and says so.

Idempotent: a target is found by its indicator and value, and updated."""

import datetime

from wagtail.models import Locale

from countries.models import IndicatorType, Scope, Target

# (indicator slug, value, deadline, sort order, {language: (name, source)})
TARGETS = [
    (
        "etraining-enrolled",
        5_000_000,
        datetime.date(2024, 12, 31),
        1,
        {
            "en": ("5 million learners by the end of 2024", "WHO news release, 2022"),
            "fr": (
                "5 millions d'apprenants d'ici la fin de 2024",
                "Communiqué de presse de l'OMS, 2022",
            ),
            "ar": (
                "٥ ملايين متعلم بحلول نهاية عام ٢٠٢٤",
                "بيان صحفي لمنظمة الصحة العالمية، ٢٠٢٢",
            ),
        },
    ),
    (
        "etraining-enrolled",
        1_000_000,
        None,
        2,
        {
            "en": (
                "1 million learners",
                "Invitation to the global launch of the QualityRights e-training, 2022",
            ),
            "fr": (
                "1 million d'apprenants",
                "Invitation au lancement mondial de la formation en ligne QualityRights, 2022",
            ),
            "ar": (
                "مليون متعلم",
                "دعوة إلى الإطلاق العالمي للتدريب الإلكتروني QualityRights، ٢٠٢٢",
            ),
        },
    ),
]


def load(stdout):
    english = Locale.get_default()
    for slug, value, deadline, order, texts in TARGETS:
        indicator = IndicatorType.objects.get(locale=english, slug=slug)
        name, source = texts["en"]
        target, _ = Target.objects.update_or_create(
            locale=english,
            indicator=indicator,
            value=value,
            defaults={
                "name": name,
                "source": source,
                "deadline": deadline,
                "scope": Scope.GLOBAL,
                "sort_order": order,
            },
        )
        for code, (name, source) in texts.items():
            if code == "en":
                continue
            locale = Locale.objects.get(language_code=code)
            translated = target.get_translation_or_none(locale)
            if translated is None:
                translated = target.copy_for_translation(locale)
            translated.name, translated.source = name, source
            translated.save()
    stdout.write(f"Targets: {Target.objects.filter(locale=english).count()} (published figures)")
