"""The import in the admin: upload a file, read the preview, confirm. Moderators and
country teams only (countries/imports/access.py); nothing is written before the
confirmation, and the confirmation applies what the person saw or shows it again."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import locales
from countries.imports.access import access_for
from countries.imports.apply import apply_plan
from countries.imports.current import english_countries
from countries.imports.forms import UploadForm
from countries.imports.plan import OUTCOMES, STATUSES, make_plan
from countries.imports.reading import Row
from countries.models import IndicatorImport, IndicatorType

NAME = "indicator_imports"


def refused(request, message):
    """A 403 that says why. (Wagtail turns PermissionDenied into a redirect to the
    dashboard, which tells a script or a test nothing.)"""
    context = {"header_title": _("Not allowed"), "message": message}
    return render(request, "countries/imports/refused.html", context, status=403)


def importers_only(view):
    """A 403 for anyone who may import for no country; the view gets their access."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        access = access_for(request.user)
        if not access.anything:
            return refused(
                request, _("Only moderators and country teams can import indicator values.")
            )
        return view(request, access, *args, **kwargs)

    return wrapped


def visible_imports(user, access):
    """Moderators see every import; a country team member sees their own."""
    imports = IndicatorImport.objects.select_related("user")
    return imports if access.moderator else imports.filter(user=user)


@importers_only
def upload(request, access):
    if request.method != "POST":
        return _upload_page(request, UploadForm(), access)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form, access, status=400)
    plan = make_plan(form.rows, access)
    upload_file = form.cleaned_data["file"]
    record = None
    if plan.applicable:  # kept for the confirmation; a file with nothing to apply is not
        record = IndicatorImport.objects.create(
            user=request.user,
            file_name=upload_file.name[:255],
            file_size=upload_file.size,
            rows=[row.stored() for row in form.rows],
            counts=plan.counts,
        )
    return _preview(request, plan, record, upload_file.name)


def _upload_page(request, form, access, status=200):
    context = {
        "header_title": _("Import indicator values"),
        "form": form,
        "access": access,
        "types": IndicatorType.objects.filter(locale=locales.default()),
    }
    return render(request, "countries/imports/upload.html", context, status=status)


def _preview(request, plan, record, file_name, status=200, notice=""):
    show = request.GET.get("show", "") if record else ""
    rows = [row for row in plan.rows if row.status == show] if show in STATUSES else plan.rows
    counts = plan.counts
    context = {
        "header_title": _("Check the import of %(file)s") % {"file": file_name},
        "plan": plan,
        "record": record,
        "rows": rows,
        "show": show if show in STATUSES else "",
        "filters": [(status, label, counts[status]) for status, label in STATUSES.items()],
        "notice": notice,
    }
    return render(request, "countries/imports/preview.html", context, status=status)


@importers_only
def detail(request, access, pk):
    record = get_object_or_404(visible_imports(request.user, access), pk=pk)
    previewing = (
        record.status == IndicatorImport.Status.PREVIEWED
        and not record.expired
        and record.user_id == request.user.pk
    )
    if previewing:
        plan = make_plan([Row.from_stored(values) for values in record.rows], access)
        return _preview(request, plan, record, record.file_name)
    return _result(request, record)


def _result(request, record, status=200):
    changes = [
        {
            **change,
            "outcome_label": OUTCOMES.get(change["outcome"], ""),
            "compare_url": reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[
                    change["page"],
                    change["previous_revision"] or "earliest",
                    change["revision"],
                ],
            ),
        }
        for change in record.changes
    ]
    context = {
        "header_title": _("Import of %(file)s") % {"file": record.file_name},
        "record": record,
        "changes": changes,
        "statuses": [(label, record.counts.get(status, 0)) for status, label in STATUSES.items()],
    }
    return render(request, "countries/imports/result.html", context, status=status)


@require_POST
@importers_only
def confirm(request, access, pk):
    try:
        with transaction.atomic():
            return _confirm(request, access, pk)
    except ValidationError as error:
        # A page that no longer validates (its draft, say) stops the whole import.
        record = get_object_or_404(IndicatorImport, pk=pk)
        messages.error(
            request, _("Nothing was imported. %(problem)s") % {"problem": " ".join(error.messages)}
        )
        plan = make_plan([Row.from_stored(values) for values in record.rows], access)
        return _preview(request, plan, record, record.file_name, status=400)


def _confirm(request, access, pk):
    record = get_object_or_404(IndicatorImport.objects.select_for_update(), pk=pk)
    if record.user_id != request.user.pk:
        return refused(request, _("Only the person who sent the file can confirm it."))
    if record.status == IndicatorImport.Status.APPLIED:
        messages.info(request, _("This import was already applied."))
        return redirect(f"{NAME}:detail", pk)
    if record.expired:
        messages.error(
            request, _("This preview is more than a day old. Send the file again to import it.")
        )
        return _result(request, record, status=400)
    # Two imports confirmed at once must not both build on the same values (the second
    # publish would drop the first's rows): the country pages are locked until commit.
    list(english_countries().select_for_update().values_list("pk", flat=True))
    plan = make_plan([Row.from_stored(values) for values in record.rows], access)
    if plan.digest != request.POST.get("digest") or not plan.applicable:
        record.counts = plan.counts
        record.save(update_fields=["counts"])
        notice = _(
            "The values on the portal changed since you read this preview, so it was made "
            "again. Nothing is imported yet: check it and confirm again."
        )
        return _preview(request, plan, record, record.file_name, status=409, notice=notice)
    record.changes = apply_plan(plan, request.user)
    record.counts = plan.counts
    record.status = IndicatorImport.Status.APPLIED
    record.applied_at = timezone.now()
    record.save(update_fields=["changes", "counts", "status", "applied_at"])
    messages.success(request, _("The values are imported."))
    return redirect(f"{NAME}:detail", pk)
