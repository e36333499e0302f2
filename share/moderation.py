"""The moderation queue in the Wagtail admin. Every view reads through
`visible_submissions`, so a country team never reaches another country's submissions."""

import mimetypes

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import ModelLogEntry

from share.choices import Status
from share.conversion import ConversionRefused, convert_to_story
from share.erasure import withdraw
from share.history import record
from share.permissions import can_see_queue, is_moderator, visible_submissions

NAME = "shared_experiences"
# Statuses a moderator sets by hand; "converted" comes from "Convert to story".
MANUAL_STATUSES = [Status.NEW, Status.IN_REVIEW, Status.DECLINED]


def _get(request, pk):
    return get_object_or_404(visible_submissions(request.user).select_related("country"), pk=pk)


def index(request):
    submissions = visible_submissions(request.user).select_related("country")
    status = request.GET.get("status", "")
    if status in Status.values:
        submissions = submissions.filter(status=status)
    page = Paginator(submissions, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "share/admin/index.html",
        {
            "header_title": _("Shared experiences"),
            "page_obj": page,
            "status": status,
            "statuses": Status.choices,
        },
    )


def detail(request, pk):
    submission = _get(request, pk)
    history = ModelLogEntry.objects.for_instance(submission).select_related("user")
    return render(
        request,
        "share/admin/detail.html",
        {
            "header_title": str(submission),
            "submission": submission,
            "statuses": [(s.value, s.label) for s in MANUAL_STATUSES],
            "is_moderator": is_moderator(request.user),
            "history": history.order_by("-timestamp"),
        },
    )


@require_POST
def change_status(request, pk):
    submission = _get(request, pk)
    new = request.POST.get("status")
    if new not in MANUAL_STATUSES or submission.status == Status.CONVERTED:
        messages.error(request, _("This status cannot be set here."))
    elif new != submission.status:
        old = submission.status
        submission.set_status(new)
        submission.save(update_fields=["status", "closed_at"])
        record(submission, "share.status", user=request.user, old=old, new=new)
        messages.success(request, _("Status changed."))
    return redirect(f"{NAME}:detail", pk)


@require_POST
def convert(request, pk):
    submission = _get(request, pk)
    try:
        story = convert_to_story(submission, request.user)
    except ConversionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(f"{NAME}:detail", pk)
    messages.success(
        request,
        _(
            "Draft story created. Write a title and a short summary, choose its objectives "
            "and describe the image (alt text), then submit it for review."
        ),
    )
    return redirect("wagtailadmin_pages:edit", story.pk)


@require_POST
def confirm_withdrawal(request, pk):
    submission = _get(request, pk)
    if not is_moderator(request.user):
        return HttpResponseForbidden(_("Only moderators confirm a withdrawal."))
    withdraw(submission, request.user)
    messages.success(
        request, _("The submission, its photo and the sharer's text in its story are deleted.")
    )
    return redirect(f"{NAME}:index")


def image(request, pk):
    submission = _get(request, pk)
    if not submission.image:
        raise Http404
    content_type = mimetypes.guess_type(submission.image.name)[0] or "application/octet-stream"
    response = FileResponse(submission.image.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_queue(request.user)


class SubmissionViewSet(ViewSet):
    name = NAME
    url_prefix = "shared-experiences"
    icon = "mail"
    menu_label = gettext_lazy("Shared experiences")
    add_to_admin_menu = True
    menu_order = 250
    menu_item_class = QueueMenuItem

    def get_urlpatterns(self):
        return [
            path("", index, name="index"),
            path("<int:pk>/", detail, name="detail"),
            path("<int:pk>/status/", change_status, name="status"),
            path("<int:pk>/convert/", convert, name="convert"),
            path("<int:pk>/withdraw/", confirm_withdrawal, name="withdraw"),
            path("<int:pk>/image/", image, name="image"),
        ]

    @property
    def menu_url(self):
        return reverse(f"{NAME}:index")
