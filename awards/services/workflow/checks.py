"""The checks a nomination line must pass before its dossier can be submitted.

Eligibility rules and caps come from ``awards.eligibility`` (``evaluate`` and ``check_caps``);
duplicates and required documents are checked here. Rule and cap failures may be overridden by
staff with a written reason; duplicates, missing documents and a kind that does not fit the
subject may not.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ...enums import HISTORY_FREE_TYPES, AwardStatus, SubjectType
from ...enums_workflow import DOSSIER_DOCUMENTS, DocumentType, DossierState, LineOutcome
from ...models import Award, Dossier, NominationLine

# Lines in these dossier states or outcomes no longer block a new nomination of the same nominee.
INACTIVE_DOSSIER_STATES = {DossierState.WITHDRAWN, DossierState.REJECTED}
INACTIVE_OUTCOMES = {LineOutcome.APPRAISAL_FAILED, LineOutcome.VOTE_FAILED, LineOutcome.NOT_AWARDED}


@dataclass
class Problem:
    code: str  # eligibility | caps | duplicate | documents | subject
    message: str
    overridable: bool = False


@dataclass
class LineCheck:
    line: NominationLine
    verdict: dict | None = None  # {"eligible": bool, "reasons": [{"rule","passed","detail","article"}]}
    problems: list[Problem] = field(default_factory=list)

    @property
    def blocking(self) -> list[Problem]:
        overridden = self.line.is_overridden
        return [p for p in self.problems if not (p.overridable and overridden)]

    @property
    def ok(self) -> bool:
        return not self.blocking


def _reason_dict(reason) -> dict:
    return {
        "rule": getattr(reason, "rule", ""),
        "passed": bool(getattr(reason, "passed", False)),
        "detail": str(getattr(reason, "detail", "")),
        "article": str(getattr(reason, "article", "") or ""),
    }


def evaluate_line(line: NominationLine) -> dict | None:
    """The eligibility verdict for a line as a JSON-ready dict, or None when no rules apply."""
    if line.dossier.commendation_type in HISTORY_FREE_TYPES:
        return None
    from ... import eligibility

    verdict = eligibility.evaluate(
        subject_type=line.subject_type, subject=line.nominee, kind_code=line.kind.code, year=line.dossier.year
    )
    if verdict is None:
        return None
    return {
        "eligible": bool(verdict.eligible),
        "reasons": [_reason_dict(r) for r in verdict.reasons],
        "checked_at": timezone.now().isoformat(),
    }


def _cap_messages(dossier: Dossier, lines: list[NominationLine]) -> dict[int, list[str]]:
    """Cap breaches per line id, from ``awards.eligibility.check_caps`` for the dossier's unit."""
    from ...eligibility import check_caps

    proposed = Counter(ln.kind.code for ln in lines)
    if not proposed:
        return {}
    found: dict[int, list[str]] = {}
    for reason in check_caps(unit=dossier.unit, year=dossier.year, proposed=dict(proposed)):
        if reason.passed:
            continue
        code = reason.rule.split(".", 1)[1].upper() if "." in reason.rule else ""
        targets = [ln for ln in lines if ln.kind.code == code] or lines
        for ln in targets:
            found.setdefault(ln.pk, []).append(reason.detail)
    return found


def _line_key(line: NominationLine) -> tuple[str, int, int]:
    return (line.subject_type, line.person_id or line.unit_id or line.household_id, line.kind_id)


def _duplicates(dossier: Dossier, lines: list[NominationLine]) -> dict[int, list[str]]:
    """Same nominee and kind for the year in another live dossier or in the register."""
    if not lines:
        return {}
    persons = [ln.person_id for ln in lines if ln.person_id]
    units = [ln.unit_id for ln in lines if ln.unit_id]
    households = [ln.household_id for ln in lines if ln.household_id]
    kinds = {ln.kind_id for ln in lines}
    who = Q(person_id__in=persons) | Q(unit_id__in=units) | Q(household_id__in=households)
    others = (
        NominationLine.objects.filter(who, kind_id__in=kinds, dossier__year=dossier.year)
        .exclude(dossier=dossier)
        .exclude(dossier__state__in=INACTIVE_DOSSIER_STATES)
        .exclude(outcome__in=INACTIVE_OUTCOMES)
        .exclude(award__isnull=False)  # an awarded line is found through the register below
        .values_list("subject_type", "person_id", "unit_id", "household_id", "kind_id", "dossier__id", "dossier__year")
    )
    in_dossiers = {}
    for st, p, u, h, k, d_id, d_year in others:
        in_dossiers.setdefault((st, p or u or h, k), f"HS{d_year}-{d_id:05d}")
    registered = {}
    for st, p, u, h, k, number in Award.objects.filter(
        who, kind_id__in=kinds, year=dossier.year, status=AwardStatus.IN_FORCE
    ).values_list("subject_type", "person_id", "unit_id", "household_id", "kind_id", "decision_number"):
        registered.setdefault((st, p or u or h, k), number)
    found: dict[int, list[str]] = {}
    for ln in lines:
        key = _line_key(ln)
        if key in in_dossiers:
            found.setdefault(ln.pk, []).append(
                _("Đã được đề nghị %(kind)s năm %(year)s trong hồ sơ %(code)s.")
                % {"kind": ln.kind.code, "year": dossier.year, "code": in_dossiers[key]}
            )
        if key in registered and ln.award_id is None:
            found.setdefault(ln.pk, []).append(
                _("Đã được khen %(kind)s năm %(year)s (quyết định %(number)s).")
                % {"kind": ln.kind.code, "year": dossier.year, "number": registered[key]}
            )
    return found


def missing_documents(line: NominationLine) -> list[str]:
    """Labels of the kind's required documents that the line lacks (uses prefetched documents)."""
    have = {d.doc_type for d in line.documents.all()}
    labels = dict(DocumentType.choices)
    return [str(labels.get(code, code)) for code in (line.kind.required_documents or []) if code not in have]


def dossier_missing_documents(dossier: Dossier) -> list[str]:
    have = set(dossier.documents.filter(line__isnull=True).values_list("doc_type", flat=True))
    return [str(DocumentType(code).label) for code in DOSSIER_DOCUMENTS if code not in have]


def check_lines(dossier: Dossier, lines: list[NominationLine] | None = None, *, with_eligibility: bool = True) -> list[LineCheck]:
    """Every check for every line of ``dossier`` (lines should have ``documents`` prefetched)."""
    if lines is None:
        from ...queries_workflow import dossier_detail_lines

        lines = dossier_detail_lines(dossier)
    history_free = dossier.commendation_type in HISTORY_FREE_TYPES
    duplicates = _duplicates(dossier, lines)
    caps = {} if history_free else _cap_messages(dossier, lines)
    checks = []
    for ln in lines:
        check = LineCheck(line=ln)
        if not ln.kind.allows(ln.subject_type):
            check.problems.append(Problem("subject", _("%(kind)s không áp dụng cho %(subject)s.") % {
                "kind": ln.kind.name, "subject": SubjectType(ln.subject_type).label.lower()}))
        if with_eligibility and not history_free:
            check.verdict = evaluate_line(ln)
            if check.verdict is not None and not check.verdict["eligible"]:
                failed = [r["detail"] for r in check.verdict["reasons"] if not r["passed"]]
                check.problems.append(Problem(
                    "eligibility", _("Chưa đủ điều kiện: %(why)s") % {"why": "; ".join(failed) or "-"}, overridable=True))
        for message in caps.get(ln.pk, []):
            check.problems.append(Problem("caps", message, overridable=True))
        for message in duplicates.get(ln.pk, []):
            check.problems.append(Problem("duplicate", message))
        if not ln.achievement_summary.strip():
            check.problems.append(Problem("documents", _("Chưa có tóm tắt thành tích.")))
        missing = missing_documents(ln)
        if missing:
            check.problems.append(Problem("documents", _("Thiếu tài liệu: %(docs)s.") % {"docs": ", ".join(missing)}))
        checks.append(check)
    return checks
