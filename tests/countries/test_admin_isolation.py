"""A country team member sees their own country and shared material in the admin, never
another country's drafts or collection (countries/admin_scope.py); moderators see all."""

import pytest
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale
from wagtail_localize.models import Translation, TranslationSource

from countries.models import StoryPage
from tests.support import countries as build
from tests.support.share import jpeg


@pytest.fixture
def world(portal_site, django_user_model):
    index = build.country_index(portal_site)
    kenya = build.country(index, "Kenya", "KE")
    ghana = build.country(index, "Ghana", "GH")
    public_story = build.story(ghana, "Ghana public story")
    draft = StoryPage(
        title="Ghana draft story",
        summary="Draft.",
        date=build.datetime.date(2024, 5, 1),
        advances_capacity=True,
        live=False,
    )
    ghana.add_child(instance=draft)
    kenya_draft = StoryPage(
        title="Kenya draft story",
        summary="Draft.",
        date=build.datetime.date(2024, 5, 1),
        advances_capacity=True,
        live=False,
    )
    kenya.add_child(instance=kenya_draft)
    image = get_image_model().objects.create(
        title="Ghana image", collection=Collection.objects.get(name="Ghana"), file=jpeg()
    )
    users = {}
    for group in ("Kenya editors", "Moderators"):
        user = django_user_model.objects.create_user(group.split()[0].lower(), password="pw")
        user.groups.add(Group.objects.get(name=group))
        users[group] = user
    return {
        "index": index,
        "draft": draft,
        "kenya_draft": kenya_draft,
        "public_story": public_story,
        "image": image,
        "kenya": users["Kenya editors"],
        "moderator": users["Moderators"],
    }


def as_user(client, user):
    client.force_login(user)
    return client


def test_the_page_chooser_hides_other_countries_drafts_only(client, world):
    client = as_user(client, world["kenya"])
    found = client.get("/admin/choose-page/search/", {"q": "story"}).content.decode()
    assert "Kenya draft story" in found and "Ghana public story" in found
    assert "Ghana draft story" not in found
    ghana = world["draft"].get_parent()
    browsed = client.get(f"/admin/choose-page/{ghana.pk}/").content.decode()
    # Ghana's page itself is public and unchanged: its public children are listed.
    assert "Ghana public story" in browsed and "Ghana draft story" not in browsed
    assert client.get(f"/admin/choose-page/{world['draft'].pk}/").status_code == 404
    chosen = client.get("/admin/choose-page/chosen-multiple/", {"id": world["draft"].pk})
    assert chosen.status_code == 404
    # Moderators hold permissions on the country index: they see every country.
    client = as_user(client, world["moderator"])
    found = client.get("/admin/choose-page/search/", {"q": "story"}).content.decode()
    assert "Ghana draft story" in found


def test_a_country_page_with_an_unpublished_edit_is_hidden_from_other_teams(client, world):
    ghana = world["draft"].get_parent().specific
    ghana.title = "Ghana renamed in a draft"
    ghana.save_revision()
    client = as_user(client, world["kenya"])
    listing = client.get(f"/admin/choose-page/{world['index'].pk}/").content.decode()
    assert "Kenya" in listing and "Ghana renamed in a draft" not in listing
    api = client.get("/admin/api/main/pages/", {"child_of": world["index"].pk}).json()
    assert [item["title"] for item in api["items"]] == ["Kenya"]


def test_another_countrys_image_is_refused(client, world):
    client = as_user(client, world["kenya"])
    image = world["image"]
    assert client.get(f"/admin/images/chooser/{image.pk}/select_format/").status_code == 404
    assert client.post(f"/admin/images/chooser/{image.pk}/select_format/").status_code == 404
    assert client.get(f"/admin/api/main/images/{image.pk}/").status_code == 404
    listing = client.get("/admin/api/main/images/").json()
    assert listing["meta"]["total_count"] == 0
    own = get_image_model().objects.create(
        title="Kenya image", collection=Collection.objects.get(name="Kenya"), file=jpeg()
    )
    assert client.get(f"/admin/images/chooser/{own.pk}/select_format/").status_code == 200
    assert client.get(f"/admin/api/main/images/{own.pk}/").status_code == 200


def test_wagtail_localize_report_hides_other_countries_drafts(client, world):
    build.translate(world["draft"].get_parent(), "fr", title="Ghana")
    source, _ = TranslationSource.get_or_create_from_instance(world["draft"])
    Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="fr"))
    url = "/admin/localize/reports/translations/"
    assert "Ghana draft story" not in as_user(client, world["kenya"]).get(url).content.decode()
    assert "Ghana draft story" in as_user(client, world["moderator"]).get(url).content.decode()


def test_select_all_in_a_bulk_action_lists_no_other_countrys_drafts(client, world):
    client = as_user(client, world["kenya"])
    ghana = world["draft"].get_parent()
    for query in (f"id=all&childOf={ghana.pk}", "id=all&q=story"):
        response = client.get(f"/admin/bulk/wagtailcore/page/delete/?{query}")
        assert response.status_code == 404
        assert "Ghana draft story" not in response.content.decode()


def test_the_explorer_does_not_open_a_hidden_page_even_with_two_locale_trees(client, world):
    # Kenya translated: the team then holds permissions in two trees, so the explorer's
    # root is the tree's root and any page could be opened by its id.
    build.translate(world["kenya_draft"].get_parent(), "fr", title="Kenya")
    client = as_user(client, world["kenya"])
    for url in (f"/admin/pages/{world['draft'].pk}/", f"/admin/pages/{world['draft'].pk}/results/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Ghana draft story" not in response.content.decode()
    assert client.get(f"/admin/pages/{world['kenya_draft'].get_parent().pk}/").status_code == 200
