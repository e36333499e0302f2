from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    """Crawlers: everything but the admin, search results and filtered listings, whose
    combinations are endless; the sitemap lists every page instead."""
    sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "Disallow: /*?",
        "Allow: /$",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
