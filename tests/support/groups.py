"""Groups that Wagtail and wagtail-localize make in their data migrations, which a
live-server test's flush takes away (the groups the portal makes, the country teams and
Moderators, are made again by its own code)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page


def editors_group():
    """Wagtail's Editors group, the translators, with wagtail-localize's permission to
    translate, as their migrations make them: the previous live-server test's flush
    took them away."""
    kind, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    translate, _created = Permission.objects.get_or_create(
        content_type=kind, codename="submit_translation", name="Can submit translations"
    )
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        translate,
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
