"""What needs an editor's attention, by role: the sections of the admin dashboard
(editorial/panels.py) and of the weekly digest. docs/editors.md, "The dashboard", says
what each section holds and why.

A country team member (a member of a `CountryTeam` group) sees their own countries'
work only: shared experiences, pages in review and sent back, old drafts, indicators not
updated, missing and out-of-date translations. A moderator (the Moderators group, or a
superuser) sees the work across countries: the review queue, stale countries, shared
experiences not handled in time, untranslated resources. Someone in both gets both.

The queries do not grow with the number of countries, pages or submissions: each list
is counted and cut to LIMIT in the database (the translation counts take a few queries
for each of the user's own countries, usually one). Titles and details are translated
with `gettext` when the sections are built: activate the reader's language first. No
item names a sharer or shows their email.
"""

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import CharField, Count, Exists, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, ngettext
from wagtail.models import Locale, Page, WorkflowState, get_default_page_content_type

from countries import translation_status
from countries.choices import Status as CountryStatus
from countries.models import (
    CountryIndexPage,
    CountryPage,
    CountryTeam,
    IndicatorValue,
    StoryPage,
    TrainingLanguage,
)
from countries.workflow import MODERATORS
from resources.models import ResourcePage
from share.choices import CLOSED, Status
from share.models import Submission

LIMIT = 10  # items shown per section; `total` counts them all
DRAFT_AGE = datetime.timedelta(days=30)
STALE_AGE = datetime.timedelta(days=365)
UNHANDLED_AGE = datetime.timedelta(days=14)


@dataclass(frozen=True)
class Item:
    label: str  # a page title, "Shared experience 12 (Kenya)", a language: never a sharer
    url: str  # the admin path where the work is done
    since: datetime.datetime | None  # when it started waiting
    detail: str = ""  # e.g. the moderator's comment, "3 missing, 1 out of date"


@dataclass(frozen=True)
class Section:
    key: str  # stable id, e.g. "sent_back"
    title: str
    items: list[Item]  # at most LIMIT
    total: int
    more_url: str  # the admin view that lists them all


def sections_for(user):
    """The sections `user`'s roles give, team sections first, in a fixed order. Only
    sections with something in them (`total > 0`) are returned: an empty list means
    nothing waits for this user, and the caller says so (or sends no digest)."""
    if not user.is_active:
        return []
    now = timezone.now()
    sections = []
    countries = _team_countries(user)
    if countries:
        sections += _team_sections(countries, now)
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        sections += _moderator_sections(now)
    return [section for section in sections if section.total]


# Country teams


def _team_countries(user):
    """The country pages (every locale) of the teams `user` is in: one query."""
    keys = CountryTeam.objects.filter(group__in=user.groups.all()).values("country_key")
    return list(
        CountryPage.objects.filter(translation_key__in=keys)
        .order_by("path")
        .values("pk", "title", "path", "translation_key", "locale__language_code")
    )


def _team_sections(countries, now):
    english = [c for c in countries if c["locale__language_code"] == settings.LANGUAGE_CODE]
    under = reduce(or_, (Q(path__startswith=c["path"]) for c in countries))
    pages = Page.objects.filter(under)
    return [
        _waiting_submissions(english),
        _pages_in_workflow(
            "in_review",
            gettext("Your pages in review"),
            pages,
            WorkflowState.STATUS_IN_PROGRESS,
        ),
        _pages_in_workflow(
            "sent_back",
            gettext("Pages sent back to you"),
            pages,
            WorkflowState.STATUS_NEEDS_CHANGES,
        ),
        _old_drafts(pages, english, now),
        _stale_indicators(english, now),
        _translations(countries, english),
    ]


def _submission_label(submission_id, country_title):
    if country_title:
        return gettext("Shared experience %(number)s (%(country)s)") % {
            "number": submission_id,
            "country": country_title,
        }
    return gettext("Shared experience %(number)s") % {"number": submission_id}


def _submission_items(submissions):
    statuses = dict(Status.choices)
    return [
        Item(
            label=_submission_label(row["pk"], row["country__title"]),
            url=reverse("shared_experiences:detail", args=[row["pk"]]),
            since=row["created_at"],
            detail=str(statuses.get(row["status"], row["status"])),
        )
        # Named fields only: the sharer's name and email are never read.
        for row in submissions.order_by("created_at", "pk").values(
            "pk", "country__title", "created_at", "status"
        )[:LIMIT]
    ]


def _waiting_submissions(english):
    # Submissions point at the English country page (share/models.py).
    waiting = Submission.objects.filter(country__in=[c["pk"] for c in english]).exclude(
        status__in=CLOSED
    )
    return _submission_section("shared", gettext("Shared experiences waiting for you"), waiting)


def _submission_section(key, title, submissions):
    return Section(
        key=key,
        title=title,
        items=_submission_items(submissions),
        total=submissions.count(),
        more_url=reverse("shared_experiences:index"),
    )


def _language_name(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _page_workflow_states(pages):
    """Workflow states of `pages` with each page's draft title, path and language."""
    page = Page.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField()))
    states = WorkflowState.objects.filter(base_content_type=get_default_page_content_type())
    if pages is not None:
        # object_id is text: compare it with the ids as text, which any database can.
        states = states.filter(
            object_id__in=pages.annotate(text_id=Cast("pk", CharField())).values("text_id")
        )
    return states.select_related("current_task_state").annotate(
        page_title=Subquery(page.values("draft_title")[:1]),
        page_path=Subquery(page.values("path")[:1]),
        page_language=Subquery(page.values("locale__language_code")[:1]),
    )


def _task_time(state, finished=False):
    """When the current task started (or ended), or the workflow if its task is gone."""
    task = state.current_task_state
    if task is None:
        return state.created_at
    return (task.finished_at or task.started_at) if finished else task.started_at


def _comment(state):
    return state.current_task_state.comment if state.current_task_state else ""


def _pages_in_workflow(key, title, pages, status):
    """A team's pages waiting for a moderator, or sent back with the moderator's
    comment; since: when the current task started, or was rejected."""
    states = _page_workflow_states(pages).filter(status=status)
    rejected = status == WorkflowState.STATUS_NEEDS_CHANGES
    items = []
    for state in states.order_by("current_task_state__started_at", "pk")[:LIMIT]:
        items.append(
            Item(
                label=state.page_title or gettext("Page %(id)s") % {"id": state.object_id},
                url=reverse("wagtailadmin_pages:edit", args=[int(state.object_id)]),
                since=_task_time(state, finished=rejected),
                detail=(_comment(state) if rejected else _language_name(state.page_language)),
            )
        )
    return Section(
        key=key,
        title=title,
        items=items,
        total=states.count(),
        more_url=reverse("wagtailadmin_reports:workflow") + "?" + urlencode({"status": status}),
    )


def _in_active_workflow():
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
    )


def _old_drafts(pages, english, now):
    """Unpublished changes left for more than DRAFT_AGE. Pages in review or sent back are
    left out: the sections above list them."""
    cutoff = now - DRAFT_AGE
    drafts = (
        pages.filter(
            has_unpublished_changes=True,
            alias_of__isnull=True,
            latest_revision_created_at__lt=cutoff,
        )
        .exclude(_in_active_workflow())
        .order_by("latest_revision_created_at", "pk")
    )
    items = [
        Item(
            label=row["draft_title"],
            url=reverse("wagtailadmin_pages:edit", args=[row["pk"]]),
            since=row["latest_revision_created_at"],
            detail=_language_name(row["locale__language_code"]),
        )
        for row in drafts.values(
            "pk", "draft_title", "latest_revision_created_at", "locale__language_code"
        )[:LIMIT]
    ]
    more_url = ""
    if english:
        more_url = reverse("wagtailadmin_explore", args=[english[0]["pk"]]) + (
            "?" + urlencode({"latest_revision_created_at_to": cutoff.date().isoformat()})
        )
    return Section(
        key="old_drafts",
        title=gettext("Drafts not touched for 30 days"),
        items=items,
        total=drafts.count(),
        more_url=more_url,
    )


def _day(date):
    return date_format(date, "DATE_FORMAT")


def _as_datetime(date):
    return datetime.datetime.combine(date, datetime.time(), tzinfo=datetime.UTC)


def _stale_indicators(english, now):
    """Per country and indicator, the latest value when it is older than STALE_AGE.
    Values live on the English country page (docs/indicators.md)."""
    cutoff = (now - STALE_AGE).date()
    stale = list(
        IndicatorValue.objects.filter(country__in=[c["pk"] for c in english])
        .values("country", "country__title", "indicator__name")
        .annotate(latest=Max("date"))
        .filter(latest__lt=cutoff)
        .order_by("latest", "country__title", "indicator__name")
    )
    return Section(
        key="stale_indicators",
        title=gettext("Indicators not updated for 12 months"),
        items=[
            Item(
                label=gettext("%(indicator)s (%(country)s)")
                % {"indicator": row["indicator__name"], "country": row["country__title"]},
                url=reverse("wagtailadmin_pages:edit", args=[row["country"]]),
                since=_as_datetime(row["latest"]),
                detail=gettext("Latest value: %(date)s") % {"date": _day(row["latest"])},
            )
            for row in stale[:LIMIT]
        ],
        total=len(stale),
        more_url=reverse("wagtailadmin_pages:edit", args=[english[0]["pk"]]) if english else "",
    )


def _work_detail(missing, out_of_date):
    parts = []
    if missing:
        parts.append(ngettext("%(n)d missing", "%(n)d missing", missing) % {"n": missing})
    if out_of_date:
        parts.append(
            ngettext("%(n)d out of date", "%(n)d out of date", out_of_date) % {"n": out_of_date}
        )
    return ", ".join(parts)


def _team_languages(countries, english):
    """{country key: the languages its team works in}: those its country page is already
    translated into, and its e-training languages that the portal has. Not every
    portal language: a team is not asked to translate into all eighteen."""
    portal = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    languages = {c["translation_key"]: set() for c in english}
    for country in countries:
        languages.setdefault(country["translation_key"], set()).add(
            country["locale__language_code"]
        )
    training = TrainingLanguage.objects.filter(country_id__in=[c["pk"] for c in english])
    keys = {c["pk"]: c["translation_key"] for c in english}
    for country_id, code in training.values_list("country_id", "language"):
        languages[keys[country_id]].add(code)
    return {key: codes & portal for key, codes in languages.items()}


def _translations(countries, english):
    """Per country and language the team works in (`_team_languages`), its pages with no
    translation or an out-of-date one (countries/translation_status.py), linked to the
    translation report. Languages the country page is already translated into come
    first."""
    started = {(c["translation_key"], c["locale__language_code"]) for c in countries}
    team_languages = _team_languages(countries, english)
    report = reverse("translation_report")
    ranked = []
    for country in english:
        wanted = team_languages[country["translation_key"]]
        if not wanted:
            continue
        work = {}
        for row in translation_status.summary(Page.objects.get(pk=country["pk"])):
            missing, old = work.get(row["locale"].language_code, (0, 0))
            work[row["locale"].language_code] = (
                missing + row["missing"],
                old + row["out_of_date"],
            )
        for code, (missing, out_of_date) in work.items():
            if code not in wanted or not (missing or out_of_date):
                continue
            label = _language_name(code)
            if len(english) > 1:
                label = f"{label} ({country['title']})"
            query = urlencode({"section": country["pk"], "locale": code})
            item = Item(
                label=label,
                url=f"{report}?{query}",
                since=None,
                detail=_work_detail(missing, out_of_date),
            )
            ranked.append(((country["translation_key"], code) not in started, label, item))
    ranked.sort(key=lambda entry: entry[:2])
    return Section(
        key="translations",
        title=gettext("Pages to translate"),
        items=[item for _new, _label, item in ranked[:LIMIT]],
        total=len(ranked),
        more_url=f"{report}?{urlencode({'section': english[0]['pk']})}" if english else report,
    )


# Moderators


def _moderator_sections(now):
    return [
        _review_queue(),
        _stale_countries(now),
        _unhandled_submissions(now),
        _untranslated_resources(),
    ]


def _country_names(paths):
    """English country names by the path of a country page (any locale) that is an
    ancestor of (or is) one of the pages at `paths`: one query."""
    step = Page.steplen
    prefixes = {path[:end] for path in paths for end in range(step, len(path) + 1, step)}
    english = CountryPage.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    )
    return dict(
        CountryPage.objects.filter(path__in=prefixes)
        .annotate(english_title=Subquery(english.values("title")[:1]))
        .values_list("path", "english_title")
    )


def _country_of(path, names):
    for prefix, name in names.items():
        if path.startswith(prefix):
            return name
    return ""


def _review_queue():
    """Every page waiting for a moderator, oldest first, with its country and language."""
    states = _page_workflow_states(None).filter(status=WorkflowState.STATUS_IN_PROGRESS)
    shown = list(states.order_by("current_task_state__started_at", "pk")[:LIMIT])
    names = _country_names([state.page_path for state in shown if state.page_path])
    items = []
    for state in shown:
        where = [_country_of(state.page_path or "", names), _language_name(state.page_language)]
        items.append(
            Item(
                label=state.page_title or gettext("Page %(id)s") % {"id": state.object_id},
                url=reverse("wagtailadmin_pages:edit", args=[int(state.object_id)]),
                since=_task_time(state),
                detail=", ".join(part for part in where if part),
            )
        )
    return Section(
        key="review_queue",
        title=gettext("Review queue"),
        items=items,
        total=states.count(),
        more_url=reverse("wagtailadmin_reports:workflow")
        + "?"
        + urlencode({"status": WorkflowState.STATUS_IN_PROGRESS}),
    )


def _stale_countries(now):
    """Live English country pages past planning with no indicator value dated in the
    last STALE_AGE, or no story first published in it (in any language)."""
    value_cutoff = (now - STALE_AGE).date()
    story_cutoff = now - STALE_AGE
    latest_value = IndicatorValue.objects.filter(country=OuterRef("pk")).order_by("-date")
    latest_story = (
        StoryPage.objects.live()
        .with_country_key()
        .filter(country_key=OuterRef("translation_key"))
        .order_by("-first_published_at")
    )
    countries = (
        CountryPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .exclude(status=CountryStatus.PLANNING)
        .annotate(
            latest_value=Subquery(latest_value.values("date")[:1]),
            latest_story=Subquery(latest_story.values("first_published_at")[:1]),
        )
        .filter(
            Q(latest_value__isnull=True)
            | Q(latest_value__lt=value_cutoff)
            | Q(latest_story__isnull=True)
            | Q(latest_story__lt=story_cutoff)
        )
    )
    items = []
    for row in countries.order_by("title", "pk").values(
        "pk", "title", "latest_value", "latest_story"
    )[:LIMIT]:
        value = row["latest_value"] and _as_datetime(row["latest_value"])
        story = row["latest_story"]
        stale, stale_since = [], []
        if not value or value < _as_datetime(value_cutoff):
            stale_since.append(value)
            stale.append(
                gettext("no numbers since %(date)s") % {"date": _day(row["latest_value"])}
                if value
                else gettext("no numbers yet")
            )
        if not story or story < story_cutoff:
            stale_since.append(story)
            stale.append(
                gettext("no story since %(date)s") % {"date": _day(timezone.localdate(story))}
                if story
                else gettext("no story yet")
            )
        items.append(
            Item(
                label=row["title"],
                url=reverse("wagtailadmin_pages:edit", args=[row["pk"]]),
                # Stale since its oldest news; no age when one of them never came.
                since=None if None in stale_since else min(stale_since),
                detail=capfirst("; ".join(stale)),
            )
        )
    index = (
        CountryIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("pk", flat=True)
        .first()
    )
    return Section(
        key="stale_countries",
        title=gettext("Countries with no new numbers or stories for 12 months"),
        items=items,
        total=countries.count(),
        more_url=reverse("wagtailadmin_explore", args=[index]) if index else "",
    )


def _unhandled_submissions(now):
    """Shared experiences neither converted nor declined UNHANDLED_AGE after they came."""
    waiting = Submission.objects.exclude(status__in=CLOSED).filter(
        created_at__lt=now - UNHANDLED_AGE
    )
    return _submission_section(
        "unhandled_shared", gettext("Shared experiences not handled within 14 days"), waiting
    )


def _untranslated_resources():
    """Per language, the live English resources with no live translation in it."""
    sources = ResourcePage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )
    total = sources.count()
    translated = dict(
        Page.objects.live()
        .filter(translation_key__in=sources.values("translation_key"), alias_of__isnull=True)
        .order_by()
        .values("locale")
        .annotate(n=Count("pk"))
        .values_list("locale", "n")
    )
    report = reverse("translation_report")
    items = []
    if total:
        locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
        for locale in locales.order_by("language_code"):
            missing = total - translated.get(locale.pk, 0)
            if missing:
                items.append(
                    Item(
                        label=_language_name(locale.language_code),
                        url=f"{report}?{urlencode({'locale': locale.language_code})}",
                        since=None,
                        detail=ngettext(
                            "%(n)d resource missing", "%(n)d resources missing", missing
                        )
                        % {"n": missing},
                    )
                )
    return Section(
        key="untranslated_resources",
        title=gettext("Resources not yet translated"),
        items=items[:LIMIT],
        total=len(items),
        more_url=report,
    )
