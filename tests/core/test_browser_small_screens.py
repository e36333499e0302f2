"""The listings on a phone (390 x 844 CSS px), left to right and right to left: no picture
drawn out of shape, cards whose text keeps most of the width, and nothing axe-core
objects to."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.support.browser import assert_no_axe_violations, save_screenshot
from tests.support.countries import country, country_index, story, story_index, translate
from tests.support.resources import make_resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# Covers as editors upload them: portrait, landscape, a tall poster, a square.
COVER_SIZES = [(480, 640), (800, 450), (300, 1000), (500, 500)]
LONG_SUMMARY = (
    "A practical guide for people with lived experience, families and supporters on "
    "supported decision-making, recovery planning and community-based services."
)

# Every picture drawn on the page: its rendered and natural size (the rendition the
# browser chose from srcset), and the width of each card's text.
MEASURE = """() => ({
  images: [...document.images].map(img => {
    const box = img.getBoundingClientRect();
    return {src: img.currentSrc, width: box.width, height: box.height,
            naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight};
  }),
  texts: [...document.querySelectorAll('.result__body, .story-card')].map(
    el => el.getBoundingClientRect().width),
  overflow: document.documentElement.scrollWidth - window.innerWidth,
})"""
# Lazy images below the fold load only when scrolled to: load and decode them all.
LOAD_IMAGES = """() => Promise.all([...document.images].map(img => {
  img.loading = 'eager';
  return img.decode().catch(() => null);
}))"""


def cover(title, size):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(f"{title.lower()}.png", "#00507a", size)
    )


@pytest.fixture
def listings(live_library, live_portal_site):
    """A library of resources with covers, a country page that lists them, a story."""
    kenya = country(country_index(live_portal_site), "Kenya", "KE")
    translate(kenya, "ar", title="كينيا")
    story_index(live_portal_site)
    story(kenya, "Peer support groups in Nairobi")
    for number, size in enumerate(COVER_SIZES):
        make_resource(
            live_library,
            f"Recovery guide {number}",
            summary=LONG_SUMMARY,
            countries=[kenya],
            cover_image=cover(f"Cover {number}", size),
            files=("en", "ar", "fr"),
        )
    return {
        "home": "/{code}/",
        "library": "/{code}/resources/",
        "stories": "/{code}/stories/",
        "country": "/{code}/countries/kenya/",
        "resource": "/{code}/resources/recovery-guide-0/",
    }


@pytest.mark.parametrize("code, direction", [("en", "ltr"), ("ar", "rtl")])
def test_listings_on_a_phone_keep_pictures_in_shape(
    browser, live_server, listings, code, direction
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for name, path in listings.items():
            page.goto(live_server.url + path.format(code=code))
            assert page.locator("html").get_attribute("dir") == direction
            page.evaluate(LOAD_IMAGES)
            found = page.evaluate(MEASURE)
            where = f"{name} ({code}, {PHONE['width']} px)"
            if name in ("home", "library", "country", "resource"):
                assert found["images"], f"{where}: no cover image to check"
            for image in found["images"]:
                assert image["naturalWidth"], f"{where}: {image['src']} did not load"
                drawn = image["width"] / image["height"]
                natural = image["naturalWidth"] / image["naturalHeight"]
                assert drawn == pytest.approx(natural, rel=0.02), (
                    f"{where}: {image['src']} drawn {image['width']:.0f}x"
                    f"{image['height']:.0f}, its shape is {image['naturalWidth']}x"
                    f"{image['naturalHeight']}"
                )
            if name != "resource":
                assert found["texts"], f"{where}: no card found"
            for width in found["texts"]:
                assert width >= 0.6 * PHONE["width"], f"{where}: a card's text is {width:.0f} px"
            assert found["overflow"] <= 0, f"{where}: {found['overflow']} px to scroll sideways"
            assert_no_axe_violations(page)
            save_screenshot(page, f"small-screen-{name}-{code}")
    finally:
        context.close()
