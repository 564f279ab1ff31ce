"""Dossier drafting and the appraisal transitions (ARCHITECTURE §3), one service per transition."""

import datetime
import os
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import log_action, snapshot
from core.text import clean_text
from org.models import Household, Person, Unit

from ...enums import SubjectType
from ...enums_workflow import DocumentType, DossierState, LineOutcome
from ...models import AwardKind, Document, Dossier, NominationLine
from ...uploads import validate_upload
from .checks import check_lines, dossier_missing_documents, evaluate_line
from .common import (
    WorkflowError,
    lock_dossier,
    move,
    notify_after_commit,
    require_staff,
    require_unit_user,
    staff_users,
    unit_users,
)

LINE_FIELDS = ["subject_type", "person_id", "unit_id", "household_id", "kind_id", "achievement_summary"]


def _subject_of(item: dict[str, Any]) -> tuple[str, Person | Unit | Household]:
    subject = item.get("subject") or item.get("person") or item.get("unit") or item.get("household")
    if isinstance(subject, Person):
        return SubjectType.INDIVIDUAL, subject
    if isinstance(subject, Household):
        return SubjectType.HOUSEHOLD, subject
    if isinstance(subject, Unit):
        return SubjectType.COLLECTIVE, subject
    raise WorkflowError(_("Chưa chọn đối tượng đề nghị khen thưởng."))


def _subject_unit(subject) -> Unit:
    return subject if isinstance(subject, Unit) else subject.unit


def _kind_of(kind) -> AwardKind:
    if isinstance(kind, AwardKind):
        return kind
    found = AwardKind.objects.filter(code=kind, is_active=True).first()
    if found is None:
        raise WorkflowError(_("Không có hình thức khen thưởng mã “%(code)s”.") % {"code": kind})
    return found


def _require_editable(actor, dossier: Dossier) -> None:
    require_unit_user(actor, dossier.unit)
    if not dossier.is_editable:
        raise WorkflowError(_("Hồ sơ đang ở trạng thái “%(state)s”, không sửa được.") % {"state": dossier.get_state_display()})


def _add_line(*, actor, dossier: Dossier, item: dict[str, Any], allow_outside_subtree: bool) -> NominationLine:
    subject_type, subject = _subject_of(item)
    kind = _kind_of(item.get("kind"))
    if not allow_outside_subtree and not _subject_unit(subject).is_within(dossier.unit):
        raise WorkflowError(_("%(who)s không thuộc đơn vị %(unit)s hoặc đơn vị trực thuộc.") % {"who": subject, "unit": dossier.unit})
    if not kind.allows(subject_type):
        raise WorkflowError(_("%(kind)s không áp dụng cho %(subject)s.") % {"kind": kind.name, "subject": SubjectType(subject_type).label.lower()})
    line = NominationLine(
        dossier=dossier, subject_type=subject_type, kind=kind,
        achievement_summary=clean_text(item.get("achievement_summary", ""), multiline=True),
        **{ {SubjectType.INDIVIDUAL: "person", SubjectType.COLLECTIVE: "unit", SubjectType.HOUSEHOLD: "household"}[subject_type]: subject},
    )
    field = {SubjectType.INDIVIDUAL: "person", SubjectType.COLLECTIVE: "unit", SubjectType.HOUSEHOLD: "household"}[subject_type]
    if dossier.lines.filter(kind=kind, **{field: subject}).exists():
        raise WorkflowError(_("%(who)s đã có trong hồ sơ với %(kind)s.") % {"who": subject, "kind": kind.code})
    line.full_clean(exclude=["eligibility"])
    try:
        with transaction.atomic():
            line.save()
    except IntegrityError:  # a concurrent add of the same nominee
        raise WorkflowError(_("%(who)s đã có trong hồ sơ với %(kind)s.") % {"who": subject, "kind": kind.code})
    line.eligibility = evaluate_line(line) or {}
    line.save(update_fields=["eligibility"])
    log_action(actor=actor, action="awards.line.add", obj=line, after=snapshot(line, LINE_FIELDS))
    return line


def dossier_create_draft(
    *, actor, unit: Unit, year: int, commendation_type: str, campaign=None, title: str,
    lines: Iterable[dict[str, Any]] = (), allow_outside_subtree: bool = False,
) -> Dossier:
    """Create a dossier in DRAFT for ``unit`` with its nomination lines.

    ``lines``: dicts with ``subject`` (a Person, Unit or Household; or ``person``/``unit``/
    ``household``), ``kind`` (an AwardKind or its code) and ``achievement_summary``. Nominees must
    belong to ``unit``'s subtree unless ``allow_outside_subtree`` (a bloc head proposing a member
    unit of the bloc). The actor is a unit user of ``unit`` (or above) or staff.
    Side effects: audit rows ``awards.dossier.create`` and ``awards.line.add`` per line.
    """
    if not (actor.is_superuser or actor.role == Role.STAFF):
        require_unit_user(actor, unit)
    title = clean_text(title)
    if not title:
        raise WorkflowError(_("Hãy nhập trích yếu của hồ sơ."))
    with transaction.atomic():
        dossier = Dossier(unit=unit, year=year, commendation_type=commendation_type, campaign=campaign,
                          title=title, created_by=actor, state=DossierState.DRAFT)
        dossier.full_clean()
        dossier.save()
        log_action(actor=actor, action="awards.dossier.create", obj=dossier,
                   after=snapshot(dossier, ["unit_id", "year", "commendation_type", "campaign_id", "title"]))
        for item in lines:
            _add_line(actor=actor, dossier=dossier, item=item, allow_outside_subtree=allow_outside_subtree)
    return dossier


def dossier_update(*, actor, dossier: Dossier, title: str, year: int, commendation_type: str, campaign=None) -> Dossier:
    """Change the heading of a draft or returned dossier. Side effect: audit ``awards.dossier.update``."""
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        _require_editable(actor, dossier)
        before = snapshot(dossier, ["title", "year", "commendation_type", "campaign_id"])
        dossier.title, dossier.year, dossier.commendation_type, dossier.campaign = clean_text(title), year, commendation_type, campaign
        dossier.full_clean()
        dossier.save()
        log_action(actor=actor, action="awards.dossier.update", obj=dossier, before=before,
                   after=snapshot(dossier, ["title", "year", "commendation_type", "campaign_id"]))
    return dossier


def line_add(*, actor, dossier: Dossier, subject, kind, achievement_summary: str, allow_outside_subtree: bool = False) -> NominationLine:
    """Add a nominee to a draft or returned dossier. Side effect: audit ``awards.line.add``."""
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        _require_editable(actor, dossier)
        return _add_line(actor=actor, dossier=dossier, allow_outside_subtree=allow_outside_subtree,
                         item={"subject": subject, "kind": kind, "achievement_summary": achievement_summary})


def line_update(*, actor, line: NominationLine, achievement_summary: str) -> NominationLine:
    with transaction.atomic():
        dossier = lock_dossier(line.dossier)
        _require_editable(actor, dossier)
        line = NominationLine.objects.get(pk=line.pk)
        before = {"achievement_summary": line.achievement_summary}
        line.achievement_summary = clean_text(achievement_summary, multiline=True)
        line.save(update_fields=["achievement_summary", "updated_at"])
        log_action(actor=actor, action="awards.line.update", obj=line, before=before,
                   after={"achievement_summary": line.achievement_summary})
    return line


def line_remove(*, actor, line: NominationLine) -> None:
    """Remove a line (and its documents) from a draft or returned dossier."""
    with transaction.atomic():
        dossier = lock_dossier(line.dossier)
        _require_editable(actor, dossier)
        log_action(actor=actor, action="awards.line.remove", obj=line, before=snapshot(line, LINE_FIELDS))
        files = [d.file for d in line.documents.all()]
        line.delete()
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def line_override(*, actor, line: NominationLine, reason: str) -> NominationLine:
    """Staff accept a line despite a failed rule or cap, with a written reason (logged).
    Duplicates and missing documents cannot be overridden."""
    require_staff(actor)
    reason = clean_text(reason, multiline=True)
    if len(reason) < 10:
        raise WorkflowError(_("Hãy ghi rõ lý do chấp nhận ngoại lệ (ít nhất 10 ký tự)."))
    with transaction.atomic():
        lock_dossier(line.dossier)
        line = NominationLine.objects.select_for_update().get(pk=line.pk)
        before = {"override_reason": line.override_reason}
        line.override_reason, line.override_by, line.override_at = reason, actor, timezone.now()
        line.save(update_fields=["override_reason", "override_by", "override_at", "updated_at"])
        log_action(actor=actor, action="awards.line.override", obj=line, reason=reason, before=before,
                   after={"override_reason": reason})
    return line


def document_upload(*, actor, dossier: Dossier, doc_type: str, upload, line: NominationLine | None = None) -> Document:
    """Attach a checked file to a dossier or one of its lines (unit users while editable).
    Side effect: audit ``awards.document.upload``."""
    kind, content_type = validate_upload(upload)
    if doc_type not in DocumentType.values:
        raise WorkflowError(_("Loại tài liệu không hợp lệ."))
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        _require_editable(actor, dossier)
        if line is not None and line.dossier_id != dossier.pk:
            raise PermissionDenied
        original = os.path.basename(clean_text(upload.name))[:200] or f"tai-lieu.{kind}"
        upload.name = f"file.{kind}"  # the stored name is random; the extension follows the content
        doc = Document(dossier=dossier, line=line, doc_type=doc_type, file=upload, original_name=original,
                       content_type=content_type, size=upload.size, uploaded_by=actor)
        doc.save()
        log_action(actor=actor, action="awards.document.upload", obj=doc,
                   after={"doc_type": doc_type, "original_name": original, "line": line.pk if line else None})
    return doc


def document_delete(*, actor, document: Document) -> None:
    with transaction.atomic():
        dossier = lock_dossier(document.dossier)
        _require_editable(actor, dossier)
        log_action(actor=actor, action="awards.document.delete", obj=document,
                   before={"doc_type": document.doc_type, "original_name": document.original_name})
        stored = document.file
        document.delete()
        transaction.on_commit(lambda: stored.delete(save=False))


def submission_problems(dossier: Dossier) -> list[str]:
    """Every reason the dossier cannot be submitted now (empty when it can)."""
    problems = []
    missing = dossier_missing_documents(dossier)
    if missing:
        problems.append(_("Hồ sơ thiếu: %(docs)s.") % {"docs": ", ".join(missing)})
    checks = check_lines(dossier)
    if not checks:
        problems.append(_("Hồ sơ chưa có đối tượng đề nghị nào."))
    for check in checks:
        for p in check.blocking:
            problems.append(f"{check.line.nominee} ({check.line.kind.code}): {p.message}")
    return problems, checks


def _processing_days(dossier: Dossier) -> int:
    days = [ln.kind.processing_days for ln in dossier.lines.select_related("kind")]
    return max(days) if days else 20


def dossier_submit(*, actor, dossier: Dossier) -> Dossier:
    """DRAFT or RETURNED → SUBMITTED, by the unit head, when every check passes.

    Stores each line's eligibility snapshot, resets line outcomes on a resubmission, sets the due
    date from the kinds' processing days. Side effects: audit ``awards.dossier.submit``; staff
    notified after commit.
    """
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        require_unit_user(actor, dossier.unit, head=True)
        if dossier.state not in (DossierState.DRAFT, DossierState.RETURNED):
            move(dossier, DossierState.SUBMITTED, actor=actor, action="awards.dossier.submit")  # raises the clear message
        problems, checks = submission_problems(dossier)
        if problems:
            raise WorkflowError(problems)
        for check in checks:
            check.line.eligibility = check.verdict or {}
            check.line.outcome, check.line.outcome_reason = LineOutcome.PENDING, ""
            check.line.save(update_fields=["eligibility", "outcome", "outcome_reason", "updated_at"])
        now = timezone.now()
        dossier.submitted_at, dossier.submitted_by = now, actor
        dossier.due_date = timezone.localdate(now) + datetime.timedelta(days=_processing_days(dossier))
        was_returned = dossier.state == DossierState.RETURNED
        move(dossier, DossierState.SUBMITTED, actor=actor, action="awards.dossier.resubmit" if was_returned else "awards.dossier.submit",
             extra_fields=["submitted_at", "submitted_by", "due_date"])
        notify_after_commit(staff_users(), _("Hồ sơ %(code)s của %(unit)s chờ tiếp nhận.") % {"code": dossier.code, "unit": dossier.unit},
                            dossier.get_absolute_url())
    return dossier


def dossier_withdraw(*, actor, dossier: Dossier, reason: str = "") -> Dossier:
    """DRAFT/SUBMITTED/RETURNED → WITHDRAWN by the unit head, before appraisal starts."""
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        require_unit_user(actor, dossier.unit, head=True)
        move(dossier, DossierState.WITHDRAWN, actor=actor, action="awards.dossier.withdraw", reason=clean_text(reason, multiline=True))
        if dossier.assignee_id or dossier.submitted_at:
            notify_after_commit(staff_users(), _("Đơn vị đã rút hồ sơ %(code)s.") % {"code": dossier.code}, dossier.get_absolute_url())
    return dossier


def dossier_receive(*, actor, dossier: Dossier, appraiser) -> Dossier:
    """SUBMITTED → IN_APPRAISAL: staff receive the dossier and assign an appraiser (staff).
    Two staff receiving at once: the second is refused with a clear message (row lock)."""
    require_staff(actor)
    if appraiser is None or not (appraiser.is_superuser or appraiser.role == Role.STAFF):
        raise WorkflowError(_("Người thẩm định phải là cán bộ Sở Nội vụ."))
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        if dossier.state != DossierState.SUBMITTED:
            raise WorkflowError(_("Hồ sơ %(code)s đã được tiếp nhận hoặc không còn chờ tiếp nhận (trạng thái: %(state)s).")
                                % {"code": dossier.code, "state": dossier.get_state_display()})
        before = {"assignee_id": dossier.assignee_id}
        dossier.assignee, dossier.received_at = appraiser, timezone.now()
        move(dossier, DossierState.IN_APPRAISAL, actor=actor, action="awards.dossier.receive",
             extra_fields=["assignee", "received_at"], before_extra=before)
        notify_after_commit([appraiser], _("Bạn được giao thẩm định hồ sơ %(code)s.") % {"code": dossier.code}, dossier.get_absolute_url())
    return dossier


def _require_appraiser(actor, dossier: Dossier) -> None:
    require_staff(actor)
    if dossier.state != DossierState.IN_APPRAISAL:
        raise WorkflowError(_("Hồ sơ %(code)s không còn ở trạng thái đang thẩm định (hiện là “%(state)s”; có thể vừa được người khác xử lý).")
                            % {"code": dossier.code, "state": dossier.get_state_display()})


def line_appraise(*, actor, line: NominationLine, passed: bool, reason: str = "", seen_outcome: str | None = None) -> NominationLine:
    """Mark one line as passing or failing appraisal (a reason is required to fail).

    ``seen_outcome``: the line's outcome as the appraiser saw it (the form sends it). When another
    staff member has changed it meanwhile, the call is refused instead of silently overwriting
    their result: two appraisals at once give one change and one clear message.
    """
    reason = clean_text(reason, multiline=True)
    if not passed and not reason:
        raise WorkflowError(_("Hãy ghi lý do không đạt."))
    with transaction.atomic():
        dossier = lock_dossier(line.dossier)
        _require_appraiser(actor, dossier)
        line = NominationLine.objects.select_for_update().get(pk=line.pk)
        if seen_outcome is not None and line.outcome != seen_outcome:
            raise WorkflowError(_("Kết quả thẩm định của %(who)s vừa được người khác cập nhật (hiện là “%(now)s”). "
                                  "Hãy xem lại rồi thẩm định lại nếu cần.") % {"who": line.nominee, "now": line.get_outcome_display()})
        before = {"outcome": line.outcome, "outcome_reason": line.outcome_reason}
        line.outcome = LineOutcome.APPRAISAL_PASSED if passed else LineOutcome.APPRAISAL_FAILED
        line.outcome_reason = reason
        line.save(update_fields=["outcome", "outcome_reason", "updated_at"])
        log_action(actor=actor, action="awards.line.appraise", obj=line, reason=reason, before=before,
                   after={"outcome": line.outcome, "outcome_reason": reason})
    return line


def dossier_return(*, actor, dossier: Dossier, note: str) -> Dossier:
    """IN_APPRAISAL → RETURNED with the list of what to complete; the unit is notified."""
    note = clean_text(note, multiline=True)
    if not note:
        raise WorkflowError(_("Hãy ghi rõ nội dung đơn vị cần bổ sung."))
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        _require_appraiser(actor, dossier)
        before = {"return_note": dossier.return_note}
        dossier.return_note = note
        move(dossier, DossierState.RETURNED, actor=actor, action="awards.dossier.return", reason=note,
             extra_fields=["return_note"], before_extra=before)
        notify_after_commit(unit_users(dossier.unit), _("Hồ sơ %(code)s bị trả lại để bổ sung.") % {"code": dossier.code},
                            dossier.get_absolute_url())
    return dossier


def dossier_finish_appraisal(*, actor, dossier: Dossier) -> Dossier:
    """IN_APPRAISAL → APPRAISED when every line has a result (REJECTED when none passed).
    Lines whose kind requires posting wait for a posting; the others are ready for the council."""
    with transaction.atomic():
        dossier = lock_dossier(dossier)
        _require_appraiser(actor, dossier)
        outcomes = list(dossier.lines.values_list("outcome", flat=True))
        if not outcomes or LineOutcome.PENDING in outcomes:
            raise WorkflowError(_("Còn dòng chưa có kết quả thẩm định."))
        target = DossierState.APPRAISED if LineOutcome.APPRAISAL_PASSED in outcomes else DossierState.REJECTED
        move(dossier, target, actor=actor, action="awards.dossier.appraise")
        notify_after_commit(unit_users(dossier.unit), _("Hồ sơ %(code)s: %(state)s.") % {"code": dossier.code, "state": dossier.get_state_display()},
                            dossier.get_absolute_url())
    return dossier
