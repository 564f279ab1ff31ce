"""Dossier views: lists and queues, editing with live checks, documents, appraisal actions,
postings and the public posting page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.enums import Role
from accounts.permissions import require_writer, staff_required
from core.pagination import paginate
from core.text import filter_search
from org.models import Household, Person, Unit

from .. import queries_workflow as q
from ..enums import HISTORY_FREE_TYPES, SubjectType
from ..enums_workflow import DossierState
from ..forms_workflow import (
    AppraiseForm,
    DocumentForm,
    DossierForm,
    FeedbackForm,
    LineForm,
    NoteForm,
    PostingForm,
    ReasonForm,
    ReceiveForm,
)
from ..models import AwardKind, Document, Dossier, NominationLine, Posting, PostingLine
from ..services import workflow as wf
from ..services.workflow.checks import _duplicates, evaluate_line


def run(request, action, success: str = "") -> bool:
    """Call one service; show its refusal reasons as messages. True when it succeeded."""
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False
    if success:
        messages.success(request, success)
    return True


def _dossier(request, uuid) -> Dossier:
    return get_object_or_404(q.dossiers_in_scope(request.user).select_related("unit", "assignee", "campaign"), uuid=uuid)


def _line(dossier: Dossier, line_id: int) -> NominationLine:
    return get_object_or_404(dossier.lines.select_related("kind", "dossier__unit"), pk=line_id)


def _writer(request) -> None:
    require_writer(request.user)


@login_required
def dossier_list(request):
    """Dossiers in the user's scope, with a filter by state (the queues link here)."""
    if request.user.role == Role.COUNCIL_MEMBER and not q.dossiers_in_scope(request.user).exists():
        raise PermissionDenied
    state = request.GET.get("trang-thai", "")
    if state and state not in DossierState.values:
        state = ""
    qs = q.dossier_list(request.user, state=state, q=request.GET.get("q", ""))
    if request.GET.get("viec") == "qua-han":
        qs = qs.filter(state__in=list(q.PROCESSING_STATES), due_date__lt=timezone.localdate())
    if request.GET.get("viec") == "cua-toi":
        qs = qs.filter(assignee=request.user, state=DossierState.IN_APPRAISAL)
    page = paginate(request, qs)
    return render(request, "awards/workflow/dossier_list.html", {
        "page": page, "state": state, "states": DossierState.choices, "q": request.GET.get("q", ""),
        "today": timezone.localdate(), "can_create": request.user.is_unit_user,
    })


@login_required
def dossier_create(request):
    if not request.user.is_unit_user:
        raise PermissionDenied
    form = DossierForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        holder = {}

        def act():
            holder["d"] = wf.dossier_create_draft(actor=request.user, unit=request.user.unit, **form.cleaned_data)

        if run(request, act, _("Đã tạo hồ sơ.")):
            return redirect(holder["d"].get_absolute_url())
    return render(request, "awards/workflow/dossier_form.html", {"form": form})


def _detail_context(request, dossier: Dossier) -> dict:
    user = request.user
    lines = q.dossier_detail_lines(dossier)
    checks = wf.check_lines(dossier, lines) if dossier.is_editable else []
    by_line = {c.line.pk: c for c in checks}
    is_staff = q.is_staff(user)
    line_ids = [ln.pk for ln in lines]
    feedback = q.feedback_for_lines(line_ids) if (is_staff or user.role == Role.COUNCIL_MEMBER) else {}
    rows = [{"line": ln, "check": by_line.get(ln.pk), "feedback": feedback.get(ln.pk, []),
             "verdict": by_line[ln.pk].verdict if ln.pk in by_line else (ln.eligibility or None)} for ln in lines]
    problems = []
    if dossier.is_editable:
        missing = wf.checks.dossier_missing_documents(dossier)
        if missing:
            problems.append(_("Hồ sơ thiếu: %(docs)s.") % {"docs": ", ".join(missing)})
    return {
        "dossier": dossier, "rows": rows, "problems": problems,
        "dossier_documents": [d for d in dossier.documents.all() if d.line_id is None],
        "can_edit": q.can_edit_dossier(user, dossier),
        "can_submit": q.can_submit_dossier(user, dossier),
        "can_withdraw": user.role == Role.UNIT_HEAD and dossier.unit.is_within(user.unit) and dossier.state in (DossierState.DRAFT, DossierState.SUBMITTED, DossierState.RETURNED) if user.unit_id else False,
        "is_staff": is_staff,
        "can_receive": is_staff and dossier.state == DossierState.SUBMITTED,
        "can_appraise": is_staff and dossier.state == DossierState.IN_APPRAISAL,
        "history_free": dossier.commendation_type in HISTORY_FREE_TYPES,
        "line_form": _line_form(dossier), "document_form": DocumentForm(), "receive_form": ReceiveForm(initial={"appraiser": user.pk}),
        "note_form": NoteForm(), "today": timezone.localdate(),
    }


def _line_form(dossier: Dossier) -> LineForm:
    """The add-line form; changing the kind asks the server for the nominee's verdict (htmx)."""
    form = LineForm()
    form.fields["kind"].widget.attrs.update({
        "hx-get": reverse("awards:line-preview", args=[dossier.uuid]), "hx-trigger": "change",
        "hx-target": "#line-preview", "hx-include": "#line-form",
    })
    return form


@login_required
def dossier_detail(request, uuid):
    dossier = _dossier(request, uuid)
    return render(request, "awards/workflow/dossier_detail.html", _detail_context(request, dossier))


@login_required
def dossier_checks(request, uuid):
    """The lines with their live verdicts (htmx fragment, refreshed while editing)."""
    dossier = _dossier(request, uuid)
    return render(request, "awards/workflow/_lines.html", _detail_context(request, dossier))


@login_required
def dossier_edit(request, uuid):
    dossier = _dossier(request, uuid)
    _writer(request)
    if not q.can_edit_dossier(request.user, dossier):
        raise PermissionDenied
    form = DossierForm(request.POST or None, initial={"title": dossier.title, "year": dossier.year,
                                                      "commendation_type": dossier.commendation_type, "campaign": dossier.campaign})
    if request.method == "POST" and form.is_valid():
        if run(request, lambda: wf.dossier_update(actor=request.user, dossier=dossier, **form.cleaned_data), _("Đã lưu.")):
            return redirect(dossier.get_absolute_url())
    return render(request, "awards/workflow/dossier_form.html", {"form": form, "dossier": dossier})


def _subject_from(value: str, dossier: Dossier):
    """``p:<id>``, ``u:<id>`` or ``h:<id>`` within the dossier unit's subtree, or None."""
    kind, _sep, pk = (value or "").partition(":")
    if not pk.isdigit():
        return None
    path = dossier.unit.path
    if kind == "p":
        return Person.objects.filter(unit__path__startswith=path, pk=pk).select_related("unit").first()
    if kind == "u":
        return Unit.objects.filter(path__startswith=path, pk=pk).first()
    if kind == "h":
        return Household.objects.filter(unit__path__startswith=path, pk=pk).select_related("unit").first()
    return None


@login_required
def nominee_search(request, uuid):
    """Accent-insensitive search of people, collectives and households of the dossier's unit (htmx)."""
    dossier = _dossier(request, uuid)
    if not q.can_edit_dossier(request.user, dossier):
        raise PermissionDenied
    term = request.GET.get("tim", "")
    results = []
    if len(term.strip()) >= 2:
        path = dossier.unit.path
        results += [("p", p, SubjectType.INDIVIDUAL.label) for p in filter_search(Person.objects.filter(unit__path__startswith=path, is_active=True), term).select_related("unit")[:10]]
        results += [("u", u, SubjectType.COLLECTIVE.label) for u in filter_search(Unit.objects.filter(path__startswith=path, is_active=True), term)[:5]]
        results += [("h", h, SubjectType.HOUSEHOLD.label) for h in filter_search(Household.objects.filter(unit__path__startswith=path), term).select_related("unit")[:5]]
    return render(request, "awards/workflow/_nominee_results.html", {"results": results, "term": term})


@login_required
def line_preview(request, uuid):
    """The verdict for a nominee and kind before the line is added (htmx)."""
    dossier = _dossier(request, uuid)
    if not q.can_edit_dossier(request.user, dossier):
        raise PermissionDenied
    subject = _subject_from(request.GET.get("subject", ""), dossier)
    kind = AwardKind.objects.filter(code=request.GET.get("kind", ""), is_active=True).first()
    verdict, problems = None, []
    if subject is not None and kind is not None:
        st = SubjectType.INDIVIDUAL if isinstance(subject, Person) else SubjectType.HOUSEHOLD if isinstance(subject, Household) else SubjectType.COLLECTIVE
        line = NominationLine(dossier=dossier, subject_type=st, kind=kind, **{{"individual": "person", "collective": "unit", "household": "household"}[st]: subject})
        if not kind.allows(st):
            problems.append(_("%(kind)s không áp dụng cho %(subject)s.") % {"kind": kind.name, "subject": SubjectType(st).label.lower()})
        else:
            verdict = evaluate_line(line)
            problems += _duplicates(dossier, [line]).get(None, [])
    return render(request, "awards/workflow/_preview.html", {"verdict": verdict, "problems": problems, "subject": subject, "kind": kind})


@require_POST
@login_required
def line_add(request, uuid):
    dossier = _dossier(request, uuid)
    _writer(request)
    if not q.can_edit_dossier(request.user, dossier):
        raise PermissionDenied
    form = LineForm(request.POST)
    if form.is_valid():
        subject = _subject_from(form.cleaned_data["subject"], dossier)
        if subject is None:
            messages.error(request, _("Hãy chọn đối tượng từ danh sách tìm kiếm."))
        else:
            run(request, lambda: wf.line_add(actor=request.user, dossier=dossier, subject=subject, kind=form.cleaned_data["kind"],
                                             achievement_summary=form.cleaned_data["achievement_summary"]), _("Đã thêm đối tượng."))
    else:
        for errors in form.errors.values():
            for e in errors:
                messages.error(request, e)
    return redirect(dossier.get_absolute_url())


@require_POST
@login_required
def line_remove(request, uuid, line_id):
    dossier = _dossier(request, uuid)
    _writer(request)
    line = _line(dossier, line_id)
    run(request, lambda: wf.line_remove(actor=request.user, line=line), _("Đã xóa dòng đề nghị."))
    return redirect(dossier.get_absolute_url())


@require_POST
@login_required
def line_override(request, uuid, line_id):
    dossier = _dossier(request, uuid)
    if not q.is_staff(request.user):
        raise PermissionDenied
    line = _line(dossier, line_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        run(request, lambda: wf.line_override(actor=request.user, line=line, reason=form.cleaned_data["reason"]), _("Đã ghi nhận ngoại lệ."))
    else:
        messages.error(request, _("Hãy ghi rõ lý do chấp nhận ngoại lệ."))
    return redirect(dossier.get_absolute_url())


@require_POST
@login_required
def line_appraise(request, uuid, line_id):
    dossier = _dossier(request, uuid)
    if not q.is_staff(request.user):
        raise PermissionDenied
    line = _line(dossier, line_id)
    form = AppraiseForm(request.POST)
    if form.is_valid():
        run(request, lambda: wf.line_appraise(actor=request.user, line=line, passed=form.cleaned_data["passed"], reason=form.cleaned_data["reason"],
                                              seen_outcome=form.cleaned_data["seen"] or None))
    return redirect(dossier.get_absolute_url())


@require_POST
@login_required
def document_upload(request, uuid):
    dossier = _dossier(request, uuid)
    _writer(request)
    if not q.can_edit_dossier(request.user, dossier):
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        line = _line(dossier, form.cleaned_data["line"]) if form.cleaned_data["line"] else None
        run(request, lambda: wf.document_upload(actor=request.user, dossier=dossier, line=line, doc_type=form.cleaned_data["doc_type"],
                                                upload=form.cleaned_data["file"]), _("Đã tải tệp lên."))
    else:
        messages.error(request, _("Hãy chọn loại tài liệu và tệp."))
    return redirect(dossier.get_absolute_url())


@login_required
def document_download(request, uuid):
    """Serve a document to someone who may see its dossier (404 otherwise)."""
    doc = get_object_or_404(Document.objects.select_related("dossier"), uuid=uuid)
    if not q.dossiers_in_scope(request.user).filter(pk=doc.dossier_id).exists():
        raise Http404
    try:
        handle = doc.file.open("rb")
    except FileNotFoundError:
        raise Http404
    return FileResponse(handle, as_attachment=True, filename=doc.original_name, content_type=doc.content_type)


@require_POST
@login_required
def document_delete(request, uuid):
    doc = get_object_or_404(Document.objects.select_related("dossier__unit"), uuid=uuid)
    if not q.dossiers_in_scope(request.user).filter(pk=doc.dossier_id).exists():
        raise Http404
    _writer(request)
    run(request, lambda: wf.document_delete(actor=request.user, document=doc), _("Đã xóa tệp."))
    return redirect(doc.dossier.get_absolute_url())


def _transition_view(service, success, form_class=None, field=None, staff_only=False):
    @require_POST
    @login_required
    def view(request, uuid):
        dossier = _dossier(request, uuid)
        _writer(request)
        if staff_only and not q.is_staff(request.user):
            raise PermissionDenied
        kwargs = {}
        if form_class is not None:
            form = form_class(request.POST)
            if not form.is_valid():
                for errors in form.errors.values():
                    for e in errors:
                        messages.error(request, e)
                return redirect(dossier.get_absolute_url())
            kwargs = {field: form.cleaned_data[next(iter(form.fields))]}
        run(request, lambda: service(actor=request.user, dossier=dossier, **kwargs), success)
        return redirect(dossier.get_absolute_url())

    return view


dossier_submit = _transition_view(wf.dossier_submit, _("Đã trình hồ sơ."))
dossier_withdraw = _transition_view(wf.dossier_withdraw, _("Đã rút hồ sơ."))
dossier_receive = _transition_view(wf.dossier_receive, _("Đã tiếp nhận hồ sơ."), ReceiveForm, "appraiser", staff_only=True)
dossier_return = _transition_view(wf.dossier_return, _("Đã trả hồ sơ để bổ sung."), NoteForm, "note", staff_only=True)
dossier_finish = _transition_view(wf.dossier_finish_appraisal, _("Đã hoàn thành thẩm định."), staff_only=True)


# --- Postings ------------------------------------------------------------------------------------

@staff_required
def posting_list(request):
    form = PostingForm(request.POST or None)
    candidates = list(q.lines_awaiting_posting())
    if request.method == "POST" and form.is_valid():
        chosen = [ln for ln in candidates if str(ln.pk) in request.POST.getlist("lines")]
        holder = {}

        def act():
            holder["p"] = wf.posting_create(actor=request.user, lines=chosen, **form.cleaned_data)

        if run(request, act, _("Đã mở đợt công khai.")):
            return redirect("awards:posting-detail", uuid=holder["p"].uuid)
    postings = Posting.objects.order_by("-start_date", "-id")[:50]
    return render(request, "awards/workflow/posting_list.html", {
        "form": form, "candidates": candidates, "postings": postings, "today": timezone.localdate()})


@login_required
def posting_detail(request, uuid):
    """A posting with each line's feedback (staff and council members)."""
    if not (q.is_staff(request.user) or request.user.role == Role.COUNCIL_MEMBER):
        raise PermissionDenied
    posting = get_object_or_404(Posting, uuid=uuid)
    rows = list(posting.posting_lines.select_related("line__kind", "line__person__unit", "line__unit", "line__household__unit", "line__dossier__unit")
                .prefetch_related("feedback").order_by("line_id"))
    return render(request, "awards/workflow/posting_detail.html", {"posting": posting, "rows": rows})


# --- Public page (no login) ------------------------------------------------------------------------

def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def public_posting(request):
    """``/cong-khai/``: nominees posted for comment today, each with the feedback form."""
    rows = list(q.public_posting_lines())
    return render(request, "awards/workflow/public_posting.html", {"rows": rows, "form": FeedbackForm()})


@require_POST
def public_feedback(request, uuid):
    posting_line = get_object_or_404(PostingLine.objects.select_related("posting"), uuid=uuid, posting__in=q.open_postings())
    form = FeedbackForm(request.POST)
    if form.is_valid():
        if form.cleaned_data["website"]:
            # A robot filled the hidden field: answer as if accepted, store nothing.
            messages.success(request, _("Cảm ơn bạn đã gửi ý kiến."))
            return redirect("public-posting")
        ok = run(request, lambda: wf.feedback_submit(posting_line=posting_line, text=form.cleaned_data["text"], name=form.cleaned_data["name"],
                                                     contact=form.cleaned_data["contact"], address=_client_address(request)),
                 _("Cảm ơn bạn đã gửi ý kiến."))
        if not ok:
            return redirect("public-posting")
    else:
        messages.error(request, _("Hãy nhập nội dung ý kiến."))
    return redirect("public-posting")


