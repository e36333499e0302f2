"""Templates read their limits from the Python constants instead of repeating them."""

import re

from django.template import Context, Template
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from resources.library import LISTING_RENDITIONS
from search.query import MAX_QUERY_LENGTH


def test_the_header_search_box_is_as_long_as_the_engine_reads(client, portal_site):
    html = client.get("/en/").text
    box = re.search(r'<input id="site-search-q"[^>]*>', html).group()
    assert f'maxlength="{MAX_QUERY_LENGTH}"' in box


def test_a_result_card_cover_uses_the_renditions_the_listings_prefetch(db):
    image = get_image_model().objects.create(title="Cover", file=get_test_image_file())
    html = Template(
        '{% load resources_tags %}{% listing_image image sizes="160px" alt="" class="c" %}'
    ).render(Context({"image": image}))
    renditions = image.get_renditions(*LISTING_RENDITIONS)
    first, *others = renditions.values()
    assert f'src="{first.url}"' in html
    assert f'width="{first.width}"' in html and f'height="{first.height}"' in html
    for rendition in others:
        assert f"{rendition.url} {rendition.width}w" in html
    assert 'sizes="160px"' in html and 'class="c"' in html
    assert Template("{% load resources_tags %}{% listing_image None %}").render(Context()) == ""


def test_language_names_mark_each_language_and_use_the_visitors_separator(db):
    html = Template("{% load core_tags %}{% language_names codes %}").render(
        Context({"codes": ["ar", "en"]})
    )
    assert html == (
        '<span lang="ar" dir="rtl">العربية</span>, <span lang="en" dir="ltr">English</span>'
    )
