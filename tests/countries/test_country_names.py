"""Two countries cannot share a name: the team group is named after the English title.
Renaming Kenya to "Ghana" is refused with a message at the title, never an
IntegrityError when the page is published."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from tests.support import countries as build


@pytest.fixture
def kenya_and_ghana(portal_site):
    index = build.country_index(portal_site)
    return build.country(index, "Kenya", "KE"), build.country(index, "Ghana", "GH")


def test_renaming_a_country_to_another_countrys_name_is_refused_in_the_admin(
    admin_client, kenya_and_ghana
):
    kenya, _ghana = kenya_and_ghana
    url = f"/admin/pages/{kenya.pk}/edit/"
    response = admin_client.post(url, build.edit_form(kenya, title="Ghana"))
    assert response.status_code == 200
    assert "Another country is already called this." in response.text
    assert Page.objects.get(pk=kenya.pk).title == "Kenya"


def test_publishing_such_a_rename_from_code_raises_a_validation_error(kenya_and_ghana):
    kenya, _ghana = kenya_and_ghana
    kenya.title = "Ghana"
    with pytest.raises(ValidationError) as error, transaction.atomic():
        kenya.save_revision().publish()
    assert "title" in error.value.message_dict


def test_a_translation_may_share_its_sources_name(kenya_and_ghana):
    kenya, _ghana = kenya_and_ghana
    french = build.translate(kenya, "fr", title="Kenya")
    assert Page.objects.get(pk=french.pk).live
