"""The subscription form, the confirmation link and the unsubscribe link. Opening either
link (GET) changes nothing: it shows a page with one button that posts to the link."""

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts import conf, tasks, tokens
from alerts.forms import SubscribeForm
from alerts.models import Subscription
from core.i18n import active_language, view_translations
from core.ratelimit import over_limit


def _render(request, form, status=200, problem=""):
    context = {"form": form, "problem": problem, "language_links": view_translations(request)}
    return render(request, "alerts/subscribe.html", context, status=status)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method != "POST":
        initial = {key: request.GET.getlist(key) for key in ("countries", "topics")}
        return _render(request, SubscribeForm(initial=initial))
    if over_limit(request, "alerts", conf.get("ALERTS_RATE_LIMIT"), conf.get("ALERTS_RATE_WINDOW")):
        problem = _(
            "You have sent this form many times in a short time. Your choices are still "
            "here: please wait a while (up to an hour), then send it again."
        )
        return _render(request, SubscribeForm(request.POST), status=429, problem=problem)
    if request.POST.get("website"):
        return redirect("alerts:sent")  # a bot filled the trap: nothing is stored or sent
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _render(request, form)
    data = form.cleaned_data
    subscription = Subscription.objects.create(
        email=data["email"],
        language=active_language(),
        countries=data["countries"],
        topics=data["topics"],
    )
    tasks.send_confirmation.enqueue(subscription.pk)  # by the worker in production
    return redirect("alerts:sent")


def message(request, title, text, status=200):
    context = {"title": title, "text": text, "language_links": view_translations(request)}
    return render(request, "alerts/message.html", context, status=status)


def sent(request):
    return message(
        request,
        _("Please check your email"),
        _(
            "We sent you an email with a link. Click the link to start the alerts. "
            "If you do not click it within 7 days, we delete your address."
        ),
    )


def bad_link(request):
    return message(
        request,
        _("This link does not work"),
        _("The link is old or incomplete. You can subscribe again from the alerts page."),
        status=404,
    )


def _action(request, title, text, button):
    """A page that asks for one press of a button: opening a link (GET) changes nothing,
    so mail scanners that open every link confirm or stop nothing."""
    context = {
        "title": title,
        "text": text,
        "button": button,
        "language_links": view_translations(request),
    }
    return render(request, "core/link_action.html", context)


@never_cache  # a page for one secret link, with a CSRF token
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    pk = tokens.read_confirm(token)
    subscription = Subscription.objects.filter(pk=pk).first() if pk else None
    if subscription is None:
        return bad_link(request)
    if request.method != "POST":
        return _action(
            request,
            _("Start your email alerts"),
            _("Press the button to start the email alerts you asked for."),
            _("Start my alerts"),
        )
    with transaction.atomic():
        if subscription.confirmed_at is None:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
        # The newest confirmed choices replace any older subscription of the address.
        Subscription.objects.filter(address_key=tokens.address_key(subscription.email)).exclude(
            pk=subscription.pk
        ).delete()
    return message(
        request,
        _("Your alerts are on"),
        _("We will email you when something new is published. Every email has a link to stop."),
    )


def _subscriptions_of(found):
    """Every subscription of the address an unsubscribe link was made for."""
    kind, value = found
    if kind == "subscription":  # a link signed before links carried the address's key
        subscription = Subscription.objects.filter(pk=value).first()
        if subscription is None:
            return Subscription.objects.none()
        value = tokens.address_key(subscription.email)
    return Subscription.objects.filter(address_key=value)


# Mail providers post the one-click unsubscribe (RFC 8058, the List-Unsubscribe-Post
# header) with no CSRF token; the link's signed token is what proves the right to stop.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = tokens.read_unsubscribe(token)
    if found is None:
        return bad_link(request)
    subscriptions = _subscriptions_of(found)
    if request.method == "POST":
        subscriptions.delete()
    elif subscriptions.exists():
        return _action(
            request,
            _("Stop your email alerts"),
            _(
                "Press the button to stop all email alerts to this address. We then delete "
                "your email address and your choices."
            ),
            _("Stop my alerts"),
        )
    return message(
        request,
        _("You will get no more alerts"),
        _("We deleted your email address and your choices."),
    )
