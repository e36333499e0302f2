"""Demo countries, stories and indicators (text in countries/demo_content.py).

Idempotent: pages are found by slug and updated, indicator values replaced.
"""

from django.utils.text import slugify
from wagtail.models import Locale

from core.taxonomy import Topic
from countries.models import (
    CountryIndexPage,
    CountryPage,
    IndicatorType,
    IndicatorValue,
    StoryIndexPage,
    StoryPage,
    TrainingLanguage,
)
from demo import country_content as content
from home.models import HomePage

# Sample values grow year on year; a seed per country keeps them different but stable.
SAMPLE_BASE = {
    "etraining-enrolled": 900,
    "etraining-completed": 400,
    "services-assessed": 6,
    "trained-face-to-face": 120,
}


def _child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def _publish(page):
    page.save_revision().publish()
    return page


def _translate(page, locale, **fields):
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    return _publish(translated)


def load_indicator_types():
    english = Locale.get_default()
    types = {}
    for slug, (name, order) in content.INDICATOR_TYPES.items():
        types[slug], _ = IndicatorType.objects.update_or_create(
            locale=english, slug=slug, defaults={"name": name, "sort_order": order}
        )
        for code, names in content.INDICATOR_NAMES.items():
            locale = Locale.objects.get(language_code=code)
            translated = types[slug].get_translation_or_none(locale)
            if translated is None:
                translated = types[slug].copy_for_translation(locale)
            translated.name = names[slug]
            translated.save()
    return types


def load_sections(home):
    sections = {}
    for slug, model in (("countries", CountryIndexPage), ("stories", StoryIndexPage)):
        titles = content.SECTIONS[slug]
        page = _child(
            home,
            model,
            slug,
            title=titles["en"],
            intro=content.SECTION_INTROS[slug],
            show_in_menus=True,
        )
        sections[slug] = _publish(page)
        for locale in Locale.objects.exclude(pk=home.locale_id):
            _translate(page, locale, title=titles[locale.language_code])
    return sections


def load_country(index, name, types, seed):
    code, region, status, languages = content.COUNTRIES[name]
    country = _child(
        index,
        CountryPage,
        slugify(name),
        title=name,
        iso_code=code,
        who_region=region,
        status=status,
        summary=content.SUMMARY[status].format(name=name),
        body=content.SAMPLE_NOTE,
    )
    country.training_languages = [TrainingLanguage(language=lang) for lang in languages]
    values = []
    if status == "implementing":
        for slug, base in SAMPLE_BASE.items():
            for year, date in enumerate(content.DATES, start=1):
                value = base * year * (seed % 4 + 2) + seed * 7
                values.append(
                    IndicatorValue(
                        indicator=types[slug], date=date, value=value, source=content.SAMPLE_SOURCE
                    )
                )
    country.indicator_values = values
    _publish(country)
    if status == "implementing":
        load_stories(country, name)
    return country


def load_stories(country, name):
    topics = {t.slug: t for t in Topic.objects.filter(locale=country.locale)}
    for number, story in enumerate(content.STORIES):
        slug, title, summary, paragraph, objectives, topic_slugs, (value, label) = story
        objective_fields = {
            f"advances_{key}": key in objectives
            for key in ("capacity", "participation", "community", "law")
        }
        page = _child(
            country,
            StoryPage,
            slug,
            title=title.format(name=name),
            summary=summary,
            date=content.DATES[number].replace(month=3 + 4 * number, day=1 + len(name) % 27),
            **objective_fields,
        )
        page.body = [
            ("text", f"<p>{paragraph}</p>"),
            (
                "key_figure",
                {"value": value, "label": label, "date": "2024", "source": content.SAMPLE_SOURCE},
            ),
        ]
        page.topics = [topics[s] for s in topic_slugs if s in topics]
        _publish(page)


def translate_country(country, name):
    first_story = StoryPage.objects.child_of(country).get(slug=content.STORIES[0][0])
    for code, translated_name in content.COUNTRY_TRANSLATIONS[name].items():
        locale = Locale.objects.get(language_code=code)
        _translate(
            country,
            locale,
            title=translated_name,
            summary=content.SUMMARY_TRANSLATIONS[code].format(name=translated_name),
            body=content.SAMPLE_NOTE_TRANSLATIONS[code],
        )
        title, summary, paragraph = content.STORY_TRANSLATIONS[code]
        _translate(
            first_story,
            locale,
            title=title.format(name=translated_name),
            summary=summary,
            body=[("text", f"<p>{paragraph}</p>")],
        )


def load(stdout):
    home = HomePage.objects.get(locale=Locale.get_default())
    types = load_indicator_types()
    sections = load_sections(home)
    for seed, name in enumerate(content.COUNTRIES):
        country = load_country(sections["countries"], name, types, seed)
        if name in content.COUNTRY_TRANSLATIONS:
            translate_country(country, name)
    stdout.write(
        f"Countries: {CountryPage.objects.filter(locale=home.locale).count()}, "
        f"stories: {StoryPage.objects.count()} (in all languages)"
    )
