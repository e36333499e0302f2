"""The public pages: the form, the thank-you page and the withdrawal link."""

import logging

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail.models import Locale

from core.i18n import active_language, view_translations
from countries.models import CountryPage
from share import conf, guards, tasks
from share.duplicates import earlier_copy
from share.forms import ShareForm
from share.history import record
from share.images import too_big_message
from share.models import Submission
from share.withdrawal import find_submission

logger = logging.getLogger(__name__)


def _render(request, form, status=200, problem=""):
    context = {
        "form": form,
        "problem": problem,
        "retention_days": conf.get("SHARE_CONTACT_RETENTION_DAYS"),
        "language_links": view_translations(request),
    }
    return render(request, "share/form.html", context, status=status)


def _kept(request, message, status=200):
    """The form again with everything typed, no field errors, a fresh start time and one
    message (a file cannot be sent back to the browser: the sharer chooses it again)."""
    initial = request.POST.dict()
    initial["started"] = guards.start_token()
    if request.FILES.get("image") or getattr(request, "share_upload_too_big", False):
        message = f"{message} {_('Please choose your photo again.')}"
    return _render(request, ShareForm(initial=initial), status=status, problem=message)


@csrf_exempt
def share(request):
    # The size guard must be installed before anything reads the body, CSRF included;
    # `_share` does the CSRF check afterwards.
    request.upload_handlers.insert(0, guards.LimitedUploadHandler(request))
    return _share(request)


@csrf_protect
def _share(request):
    if request.method != "POST":
        form = ShareForm(initial={"started": guards.start_token()})
        if request.GET.get("country") in dict(form.fields["country"].choices):
            form.initial["country"] = request.GET["country"]
        return _render(request, form)
    if guards.rate_limited(request):
        message = _(
            "You have sent this form many times in a short time. Your text is still "
            "here: please wait a while (up to an hour), then send it again."
        )
        return _kept(request, message, status=429)
    if request.POST.get("website"):
        return redirect("share:thanks")  # a bot filled the trap: nothing is stored
    problem = guards.fill_problem(request.POST.get("started"))
    if problem == "fast":
        return _kept(request, _("That was very quick. Please check your text and send it again."))
    if problem == "expired":
        return _kept(request, _("This form was open for a long time. Please send it again."))
    form = ShareForm(request.POST, request.FILES)
    valid = form.is_valid()
    if getattr(request, "share_upload_too_big", False):
        form.add_error("image", too_big_message())
        valid = False
    if not valid:
        # A browser cannot be sent a file back: say so if the photo itself was fine.
        photo_lost = request.FILES.get("image") and "image" not in form.errors
        return _render(
            request, form, problem=_("Please choose your photo again.") if photo_lost else ""
        )
    if earlier_copy(form.cleaned_data):
        return redirect(reverse("share:thanks") + "?already=1")
    submission = _save(form)
    _notify(submission)
    return redirect("share:thanks")


def _save(form):
    data = form.cleaned_data
    consent = data["consent_publish"]
    with transaction.atomic():
        submission = Submission(
            what_happened=data["what_happened"],
            country=CountryPage.objects.get(locale=Locale.get_default(), slug=data["country"]),
            role=data["role"],
            name=data["name"].strip(),
            email=data["email"],
            consent_publish=consent,
            publish_with_name=consent and data["publish_name"] == "with",
            consent_contact=data["consent_contact"],
            language=active_language(),
        )
        if data["image"]:
            submission.image.save(data["image"].name, data["image"], save=False)
        submission.save()
        record(submission, "share.received")
    return submission


def _notify(submission):
    # Tasks (the worker sends them in production). The story is safely stored: a problem
    # queueing the emails must not turn it into an error.
    try:
        tasks.notify_team.enqueue(submission.pk)
        tasks.confirm_to_sharer.enqueue(submission.pk)
    except Exception:
        logger.exception("Could not queue the emails for submission %s", submission.pk)


def thanks(request):
    context = {
        "language_links": view_translations(request),
        "already": request.GET.get("already") == "1",
    }
    return render(request, "share/thanks.html", context)


def withdraw(request, token):
    submission = find_submission(token)
    context = {"submission": submission, "language_links": view_translations(request)}
    if submission is None:
        return render(request, "share/withdraw.html", context, status=404)
    if request.method == "POST" and submission.withdrawal_requested_at is None:
        submission.withdrawal_requested_at = timezone.now()
        submission.save(update_fields=["withdrawal_requested_at"])
        record(submission, "share.withdrawal_requested")
        try:
            tasks.notify_team.enqueue(submission.pk, event="withdrawal")
        except Exception:
            logger.exception("Could not queue the withdrawal email for %s", submission.pk)
    return render(request, "share/withdraw.html", context)
