"""Public posting (công khai) of appraised lines and the public's feedback."""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import log_action
from core.text import clean_text

from ...enums_workflow import DossierState, LineOutcome
from ...models import Dossier, Feedback, NominationLine, Posting, PostingLine
from .common import WorkflowError, move, require_staff

FEEDBACK_LIMIT = 5  # per address
FEEDBACK_WINDOW = 600  # seconds


def posting_create(*, actor, title: str, start_date: datetime.date, end_date: datetime.date, lines) -> Posting:
    """Open a posting of lines that passed appraisal; their dossiers go APPRAISED → POSTED.
    Side effects: audit ``awards.posting.create`` and one ``awards.dossier.post`` per dossier."""
    require_staff(actor)
    title = clean_text(title)
    if not title:
        raise WorkflowError(_("Hãy nhập tiêu đề đợt công khai."))
    if end_date < start_date:
        raise WorkflowError(_("Ngày kết thúc phải sau ngày bắt đầu."))
    ids = [ln.pk for ln in lines]
    if not ids:
        raise WorkflowError(_("Hãy chọn ít nhất một đối tượng để công khai."))
    with transaction.atomic():
        dossiers = {d.pk: d for d in Dossier.objects.select_for_update().filter(pk__in=NominationLine.objects.filter(pk__in=ids).values("dossier_id")).order_by("pk")}
        chosen = list(NominationLine.objects.filter(pk__in=ids).select_related("kind"))
        for ln in chosen:
            if ln.outcome != LineOutcome.APPRAISAL_PASSED or dossiers[ln.dossier_id].state not in (DossierState.APPRAISED, DossierState.POSTED):
                raise WorkflowError(_("%(who)s chưa đạt thẩm định hoặc đã qua bước công khai.") % {"who": ln.nominee})
        posting = Posting(title=title, start_date=start_date, end_date=end_date, created_by=actor)
        posting.full_clean()
        posting.save()
        PostingLine.objects.bulk_create([PostingLine(posting=posting, line=ln) for ln in chosen])
        log_action(actor=actor, action="awards.posting.create", obj=posting,
                   after={"title": title, "start_date": start_date, "end_date": end_date, "lines": ids})
        for dossier in dossiers.values():
            if dossier.state == DossierState.APPRAISED:
                move(dossier, DossierState.POSTED, actor=actor, action="awards.dossier.post")
    return posting


def hash_address(address: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def feedback_rate_limited(address: str) -> bool:
    return cache.get(f"feedback:{hash_address(address)}", 0) >= FEEDBACK_LIMIT


def feedback_submit(*, posting_line: PostingLine, text: str, name: str = "", contact: str = "", address: str = "") -> Feedback:
    """Record a comment from the public on a line of an open posting (no login, rate-limited per
    address through the cache). Side effect: audit ``awards.feedback.submit`` (no actor)."""
    text = clean_text(text, multiline=True)
    if not text:
        raise WorkflowError(_("Hãy nhập nội dung ý kiến."))
    if len(text) > 5000:
        raise WorkflowError(_("Nội dung ý kiến quá dài (tối đa 5.000 ký tự)."))
    if not posting_line.posting.is_open():
        raise WorkflowError(_("Đợt công khai này đã kết thúc hoặc chưa bắt đầu."))
    key = f"feedback:{hash_address(address)}"
    if cache.get(key, 0) >= FEEDBACK_LIMIT:
        raise WorkflowError(_("Bạn đã gửi nhiều ý kiến trong thời gian ngắn; hãy thử lại sau ít phút."))
    with transaction.atomic():
        fb = Feedback.objects.create(posting_line=posting_line, text=text, name=clean_text(name)[:200],
                                     contact=clean_text(contact)[:200], ip_hash=hash_address(address))
        log_action(actor=None, action="awards.feedback.submit", obj=fb, after={"line": posting_line.line_id})
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, FEEDBACK_WINDOW)
    return fb
