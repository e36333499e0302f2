"""The search-terms counts are kept SEARCH_QUERY_RETENTION_DAYS days, then purged."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.models import SearchQueryDay


def day(days_ago, query):
    date = timezone.now().date() - datetime.timedelta(days=days_ago)
    return SearchQueryDay.objects.create(date=date, language_code="en", query=query, searches=1)


@pytest.mark.django_db
def test_purge_deletes_only_the_days_past_the_retention(settings):
    settings.SEARCH_QUERY_RETENTION_DAYS = 180
    kept = [day(0, "today"), day(180, "last kept day")]
    day(181, "one day too old")
    day(900, "long gone")
    out = io.StringIO()
    call_command("purge_search_queries", stdout=out)
    assert set(SearchQueryDay.objects.values_list("pk", flat=True)) == {r.pk for r in kept}
    assert "Deleted 2 search-terms row(s) older than 180 days." in out.getvalue()


@pytest.mark.django_db
def test_days_can_be_given_and_must_be_positive():
    day(10, "ten days ago")
    call_command("purge_search_queries", "--days", "30", stdout=io.StringIO())
    assert SearchQueryDay.objects.count() == 1
    with pytest.raises(SystemExit):
        call_command("purge_search_queries", "--days", "0", stderr=io.StringIO())
    assert SearchQueryDay.objects.count() == 1
