"""schema.org JSON-LD of stories (Article) and countries (Place), read as a crawler would."""

import datetime

from tests.support.countries import country, country_index, story, translate
from tests.support.pages import json_ld


def test_story_is_an_article_and_country_a_place(client, portal_site):
    kenya = country(country_index(portal_site), "Kenya", "KE")
    first = story(kenya, "Peer support in Nairobi", date=datetime.date(2024, 5, 1))
    translate(first, "fr", title="Soutien par les pairs")

    items = json_ld(client.get("/fr/countries/kenya/peer-support-in-nairobi/"))
    assert items[0]["@type"] == "BreadcrumbList"
    article = items[1]
    assert article["@type"] == "Article"
    assert article["headline"] == "Soutien par les pairs"
    assert article["datePublished"] == "2024-05-01"
    assert article["inLanguage"] == "fr"
    assert article["url"] == "http://testserver/fr/countries/kenya/peer-support-in-nairobi/"

    place = json_ld(client.get("/en/countries/kenya/"))[1]
    assert place["@type"] == "Place"
    assert place["name"] == "Kenya"
    assert place["address"]["addressCountry"] == "KE"
