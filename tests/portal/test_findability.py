"""sitemap.xml, robots.txt, meta description, Open Graph and JSON-LD breadcrumbs."""

import re
import xml.etree.ElementTree as ET

from django.conf import settings
from wagtail.models import Locale, Page

from tests.support.pages import json_ld

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {}
    for loc in index.findall("s:sitemap/s:loc", NS):
        response = client.get(loc.text.replace("http://testserver", ""))
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("s:url", NS):
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            urls[url.find("s:loc", NS).text] = alternates
    return urls


def test_sitemap_lists_every_live_page_in_every_locale_with_alternates(client, portal_site):
    about = portal_site.add_child(instance=Page(title="About", slug="about"))
    draft = portal_site.add_child(instance=Page(title="Draft", slug="draft", live=False))
    urls = sitemap_urls(client)
    base = "http://127.0.0.1:8000"
    for code, _ in settings.LANGUAGES:
        assert f"{base}/{code}/" in urls
    home_alternates = urls[f"{base}/fr/"]
    assert home_alternates["ar"] == f"{base}/ar/"
    assert home_alternates["zh-Hans"] == f"{base}/zh-hans/"
    assert home_alternates["x-default"] == f"{base}/en/"
    # An English-only page is listed once, with no alternates to advertise.
    assert urls[f"{base}/en/about/"] == {}
    assert f"{base}/fr/about/" not in urls
    assert not any(draft.slug in url for url in urls)
    assert about.live
    # The progress page is a view, in every language, with its alternates.
    progress = urls[f"{base}/ar/progress/"]
    assert progress["en"] == f"{base}/en/progress/"
    assert progress["zh-Hans"] == f"{base}/zh-hans/progress/"
    assert progress["x-default"] == f"{base}/en/progress/"
    assert len([url for url in urls if url.endswith("/progress/")]) == len(settings.LANGUAGES)


def test_sitemap_query_count_does_not_grow_with_pages(
    client, portal_site, django_assert_max_num_queries
):
    for n in range(30):
        portal_site.add_child(instance=Page(title=f"Page {n}", slug=f"page-{n}"))
    with django_assert_max_num_queries(8):
        client.get("/sitemap-pages.xml")


def test_robots_txt_points_to_the_sitemap_and_keeps_search_and_filters_out(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /*/search/" in body
    assert "Disallow: /*?" in body
    assert "Disallow: /admin/" in body


def test_every_page_has_description_open_graph_and_breadcrumbs(client, portal_site):
    fr = Locale.objects.get(language_code="fr")
    about = portal_site.add_child(
        instance=Page(title="About", slug="about", search_description="Who we are.")
    )
    response = client.get("/fr/")
    body = response.content.decode()
    assert re.search(r'<meta name="description" content="L&#x27;initiative QualityRights', body)
    assert '<meta property="og:url" content="http://testserver/fr/">' in body
    assert '<meta property="og:locale" content="fr">' in body
    assert '<meta name="twitter:card" content="summary">' in body
    crumbs = json_ld(response)[0]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [i["item"] for i in crumbs["itemListElement"]] == ["http://testserver/fr/"]

    # An untranslated page under /fr/: breadcrumbs lead back through the French home.
    response = client.get("/fr/about/")
    assert '<meta name="description" content="Who we are.">' in response.content.decode()
    items = json_ld(response)[0]["itemListElement"]
    assert [(i["position"], i["item"]) for i in items] == [
        (1, "http://testserver/fr/"),
        (2, "http://testserver/fr/about/"),
    ]
    assert about.get_translation_or_none(fr) is None


def test_json_ld_cannot_break_out_of_its_script_tag(client, portal_site):
    portal_site.add_child(instance=Page(title="</script><script>alert(1)</script>", slug="x"))
    body = client.get("/en/x/").content.decode()
    assert "<script>alert(1)" not in body
    assert json_ld(client.get("/en/x/"))[0]["itemListElement"][1]["name"].startswith("</script>")
