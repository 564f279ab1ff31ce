"""Reads of the workflow, always through the user's scope (404 outside it)."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.enums import Role

from .enums_workflow import PROCESSING_STATES, DossierState, LineOutcome, MeetingState
from .models import AgendaItem, Document, Dossier, Feedback, Meeting, NominationLine, Posting, PostingLine


def is_staff(user) -> bool:
    return bool(user.is_superuser or user.role == Role.STAFF)


def dossiers_in_scope(user) -> QuerySet[Dossier]:
    """Staff and viewers: the whole province; unit users: their unit's subtree; council members:
    dossiers with a line on a meeting they sit on."""
    qs = Dossier.objects.all()
    if is_staff(user) or user.role == Role.VIEWER:
        return qs
    if user.is_unit_user and user.unit_id:
        return qs.filter(unit__path__startswith=user.unit.path)
    if user.role == Role.COUNCIL_MEMBER:
        return qs.filter(lines__agenda_items__meeting__seats__user=user).distinct()
    return qs.none()


def dossier_list(user, *, state: str = "", year: int | None = None, q: str = "") -> QuerySet[Dossier]:
    from core.text import filter_search

    qs = filter_search(dossiers_in_scope(user), q).select_related("unit", "assignee", "campaign")
    if state:
        qs = qs.filter(state=state)
    if year:
        qs = qs.filter(year=year)
    return qs.annotate(line_count=Count("lines", distinct=True)).order_by("-created_at", "-id")


def dossier_detail_lines(dossier: Dossier) -> list[NominationLine]:
    return list(
        dossier.lines.select_related("person__unit", "unit", "household__unit", "kind", "decision", "award", "override_by")
        .prefetch_related(Prefetch("documents", Document.objects.order_by("doc_type", "created_at")))
        .order_by("id")
    )


def can_edit_dossier(user, dossier: Dossier) -> bool:
    """Unit users of the dossier's unit (or above it) edit while it is a draft or returned."""
    return bool(
        dossier.is_editable and user.is_unit_user and user.unit_id and dossier.unit.is_within(user.unit)
    )


def can_submit_dossier(user, dossier: Dossier) -> bool:
    return can_edit_dossier(user, dossier) and user.role == Role.UNIT_HEAD


def meetings_in_scope(user) -> QuerySet[Meeting]:
    if is_staff(user) or user.role == Role.VIEWER:
        return Meeting.objects.all()
    if user.role == Role.COUNCIL_MEMBER:
        return Meeting.objects.filter(seats__user=user)
    return Meeting.objects.none()


def open_postings(today=None) -> QuerySet[Posting]:
    today = today or timezone.localdate()
    return Posting.objects.filter(start_date__lte=today, end_date__gte=today)


def public_posting_lines(today=None) -> QuerySet[PostingLine]:
    return (
        PostingLine.objects.filter(posting__in=open_postings(today))
        .select_related("posting", "line__kind", "line__person__unit", "line__unit__parent", "line__household__unit", "line__dossier__unit")
        .order_by("posting__start_date", "posting_id", "line_id")
    )


def feedback_for_lines(line_ids) -> dict[int, list[Feedback]]:
    found: dict[int, list[Feedback]] = {}
    for fb in Feedback.objects.filter(posting_line__line_id__in=list(line_ids)).select_related("posting_line").order_by("created_at"):
        found.setdefault(fb.posting_line.line_id, []).append(fb)
    return found


def lines_awaiting_posting() -> QuerySet[NominationLine]:
    """Lines that passed appraisal, need posting and are not yet in a posting."""
    return (
        NominationLine.objects.filter(
            outcome=LineOutcome.APPRAISAL_PASSED, kind__requires_posting=True,
            dossier__state__in=[DossierState.APPRAISED, DossierState.POSTED],
        )
        .exclude(posting_lines__isnull=False)
        .select_related("kind", "person", "unit", "household", "dossier__unit")
        .order_by("dossier_id", "id")
    )


def lines_ready_for_council() -> QuerySet[NominationLine]:
    """Lines that passed appraisal, posted when their kind requires it, not yet on an agenda."""
    return (
        NominationLine.objects.filter(
            outcome=LineOutcome.APPRAISAL_PASSED, dossier__state__in=[DossierState.APPRAISED, DossierState.POSTED, DossierState.AT_COUNCIL],
        )
        .filter(Q(kind__requires_posting=False) | Q(posting_lines__isnull=False))
        .exclude(agenda_items__isnull=False)
        .select_related("kind", "person", "unit", "household", "dossier__unit")
        .distinct()
        .order_by("dossier_id", "id")
    )


def agenda_items(meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.items.select_related("line__kind", "line__person__unit", "line__unit", "line__household__unit", "line__dossier__unit")
        .prefetch_related("recused")
        .order_by("order", "id")
    )


def overdue_dossiers(user, today=None) -> QuerySet[Dossier]:
    today = today or timezone.localdate()
    return dossiers_in_scope(user).filter(state__in=PROCESSING_STATES, due_date__lt=today)


def open_meetings_for(user) -> QuerySet[Meeting]:
    return Meeting.objects.filter(seats__user=user, state=MeetingState.OPEN)
