"""What keeps a country page from being deleted (core/deletion.py): its team's members
would lose their access, and its indicator values would go with it."""

from django.utils.translation import ngettext
from wagtail import hooks

from countries.models import CountryPage, CountryTeam


@hooks.register("page_deletion_blockers")
def country_in_use(page):
    if not isinstance(page, CountryPage):
        return []
    reasons = []
    values = page.indicator_values.count()
    if values:
        reasons.append(
            ngettext("It has %(n)d indicator value.", "It has %(n)d indicator values.", values)
            % {"n": values}
        )
    team = CountryTeam.objects.filter(country_key=page.translation_key).first()
    members = team.group.user_set.count() if team and team.group else 0
    if members and page.english().pk == page.pk:
        reasons.append(
            ngettext(
                "%(n)d person works in its country team.",
                "%(n)d people work in its country team.",
                members,
            )
            % {"n": members}
        )
    return reasons
