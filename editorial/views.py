"""The "stop the weekly email" link. Opening it (GET) changes nothing: it shows a page
with one button that posts to the link, so mail scanners that open every link stop
nothing."""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.i18n import view_translations
from editorial import tokens
from editorial.models import DigestPreference


def _page(request, title, text, button="", status=200):
    context = {
        "title": title,
        "text": text,
        "button": button,
        "link_url": reverse("wagtailadmin_account"),
        "link_text": _("Your account settings"),
        "language_links": view_translations(request),
    }
    return render(request, "core/link_action.html", context, status=status)


# Mail providers post the one-click stop (RFC 8058, the List-Unsubscribe-Post header)
# with no CSRF token; the link's signed token is what proves the right to stop.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def stop(request, token):
    user_id = tokens.read(token)
    if user_id is None:
        return _page(
            request,
            _("This link does not work"),
            _(
                "The link is old or incomplete. To stop the weekly email, sign in to the "
                "admin and turn it off in your account settings, under Notifications."
            ),
            status=400,
        )
    if request.method != "POST":
        return _page(
            request,
            _("Stop the weekly email"),
            _("Press the button to stop the weekly email about what waits for your country team."),
            _("Stop the weekly email"),
        )
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:  # a user deleted since gets no email anyway: the same answer
        DigestPreference.objects.update_or_create(user=user, defaults={"weekly_digest": False})
    return _page(
        request,
        _("You will get no more weekly emails"),
        _("You can turn the weekly email on again in your account settings, under Notifications."),
    )
