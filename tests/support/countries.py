"""Builders for countries tests: real pages in the real tree, published."""

import datetime

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from countries.models import (
    CountryIndexPage,
    CountryPage,
    IndicatorType,
    IndicatorValue,
    StoryIndexPage,
    StoryPage,
)


def publish(page):
    page.save_revision().publish()
    return page


def _index(home, model, title, slug):
    """The home page's child of type `model`, made and published the first time."""
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=title, slug=slug, show_in_menus=True)
        home.add_child(instance=index)
        publish(index)
    return index


def country_index(home):
    return _index(home, CountryIndexPage, "Countries", "countries")


def story_index(home):
    return _index(home, StoryIndexPage, "Stories", "stories")


def country(index, title, code, status="implementing", region="afr", **fields):
    page = CountryPage(
        title=title,
        iso_code=code,
        status=status,
        who_region=region,
        summary=f"{title} summary.",
        **fields,
    )
    index.add_child(instance=page)
    return publish(page)


def story(country_page, title, date=datetime.date(2024, 5, 1), **fields):
    fields.setdefault("advances_capacity", True)
    page = StoryPage(title=title, summary=f"{title} summary.", date=date, **fields)
    country_page.add_child(instance=page)
    return publish(page)


def translate(page, code, **fields):
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    ).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    return publish(translated)


def indicator_type(slug="etraining-completed", name="E-training learners completed"):
    kind, _ = IndicatorType.objects.get_or_create(
        locale=Locale.get_default(), slug=slug, defaults={"name": name}
    )
    return kind


def add_values(country_page, kind, values, source="sample data"):
    country_page.indicator_values = [
        IndicatorValue(indicator=kind, date=date, value=value, source=source)
        for date, value in values
    ]
    return publish(country_page)


def edit_form(page, **changes):
    """The admin's edit form data for a country page, as the browser would send it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "iso_code": page.iso_code,
        "who_region": page.who_region,
        "status": page.status,
        "year_joined": "",
        "summary": page.summary,
        "body": rich_text("<p>Body</p>"),
        "partners": rich_text(""),
        "contact": rich_text(""),
        "training_languages": inline_formset([]),
        "indicator_values": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)
