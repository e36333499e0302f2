"""The admin's upload forms (the single upload, the choosers' upload tab, the multiple
uploader's edit step): core/uploads.py's checks, and the uploader's country collection
as the default.

Wagtail offers the collections the user may add to, and with none selected the browser
sends the first, Root, whenever a second group opens Root to a country team member (a
translator is also in Editors). A member of one country team most often uploads for
their country, and Root would show their file to every editor. Moderators, superusers
and members of several teams keep Wagtail's default: nothing says which country they
upload for. What may be chosen stays Wagtail's: `BaseCollectionMemberForm` limits the
choices to the collections the user may add to.
"""

from core.uploads import LimitedDocumentForm, MetadataFreeImageForm
from countries.models import CountryTeam
from countries.workflow import MODERATORS


def team_collection_id(user):
    """The collection of the one country team `user` is in, or None."""
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return None
    teams = CountryTeam.objects.filter(group__user=user, collection__isnull=False)
    collections = list(teams.values_list("collection_id", flat=True)[:2])
    return collections[0] if len(collections) == 1 else None


class TeamCollectionDefault:
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # A new upload shown with a choice; an edit keeps the item's own collection.
        if user is None or self.is_bound or self.instance.pk or "collection" not in self.fields:
            return
        collection_id = team_collection_id(user)
        if collection_id is not None:
            self.initial["collection"] = collection_id


class TeamImageForm(TeamCollectionDefault, MetadataFreeImageForm):
    pass


class TeamDocumentForm(TeamCollectionDefault, LimitedDocumentForm):
    pass
