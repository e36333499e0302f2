"""Country teams: each country gets a group "<Country> editors" that may add and edit (not
publish) its pages in every locale, translate them into any of the portal's languages
(wagtail-localize's "Translate this page", limited to pages the group may edit by
portal/wagtail_localize_review.py), and a collection "<Country>" for its images and
documents. Names follow the English page's title; see docs/countries.md and
docs/translation.md.

CountryPage.save calls `provision_team`; this module reads the team model only (the
receiver names the page model lazily), so the dependency runs one way."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale

from countries.models.team import CountryTeam

PAGE_PERMISSIONS = ["add_page", "change_page"]
# What every team group holds whatever the page: the admin, and wagtail-localize's
# "Translate" (its translations go through "Country review" like any edit).
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def group_name(country_name):
    return f"{country_name} editors"


def name_taken(country):
    """True when a group of that name exists and is not this country's own team."""
    own = CountryTeam.objects.filter(country_key=country.translation_key).values("group_id")
    return Group.objects.filter(name=group_name(country.title)).exclude(pk__in=own).exists()


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _english_title(country):
    default = Locale.get_default()
    if country.locale_id == default.pk:
        return country.title
    source = country.get_translation_or_none(default)
    return source.title if source else country.title


def grant_group_permissions(group):
    """Give a team's group what every team holds; idempotent. Also run after `migrate`
    (countries/apps.py), so groups made by an earlier release get what a new one adds."""
    wanted = Q()
    for app_label, codename in GROUP_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(wanted))


def provision_team(country):
    """Create or update the team of `country` (any locale). Idempotent; the caller holds
    the transaction (CountryPage.save)."""
    name = _english_title(country)
    team, _created = CountryTeam.objects.select_related("group", "collection").get_or_create(
        country_key=country.translation_key
    )
    if team.group is None:
        team.group, _created = Group.objects.get_or_create(name=group_name(name))
        grant_group_permissions(team.group)
    elif team.group.name != group_name(name):
        team.group.name = group_name(name)
        team.group.save(update_fields=["name"])
    if team.collection is None:
        # Wagtail's migrations make the root collection; a flushed database lacks it.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        team.collection = root.add_child(name=name)
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=team.group,
                collection=team.collection,
                permission=_permission(app_label, codename),
            )
    elif team.collection.name != name:
        team.collection.name = name
        team.collection.save(update_fields=["name"])
    team.save()
    # Each locale's page carries its own permission rows, added when it is first saved.
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=team.group, page_id=country.pk, permission=_permission("wagtailcore", codename)
        )
    return team


@receiver(post_delete, sender="countries.CountryPage")
def retire_team(sender, instance, **kwargs):
    """Deleting the English page removes the group (and so every permission it held);
    the collection is kept, renamed "(archived)", so no image or document is lost."""
    if instance.locale_id != Locale.get_default().pk:
        return  # a translation's permission rows went with it
    team = CountryTeam.objects.filter(country_key=instance.translation_key).first()
    if team is None:
        return
    if team.group:
        team.group.delete()
    if team.collection:
        # In English, like the group's name: not in whichever language the deleting
        # request happened to use.
        team.collection.name = f"{team.collection.name} (archived)"
        team.collection.save(update_fields=["name"])
    team.delete()
