"""Every workflow view for every persona: 200 / 302 / 403 / 404 as the access table says."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.enums_workflow import DossierState
from awards.services import council, decisions
from awards.services import workflow as wf
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_dossier, officer, head, staff, roster, people):
    """One dossier decided through a meeting, a posting and a decision; one draft dossier."""
    done = make_dossier(kind="CSTD_TINH", subjects=people[:1])
    wf.dossier_submit(actor=head, dossier=done)
    wf.dossier_receive(actor=staff, dossier=done, appraiser=staff)
    for line in done.lines.all():
        wf.line_appraise(actor=staff, line=line, passed=True)
    wf.dossier_finish_appraisal(actor=staff, dossier=done)
    today = timezone.localdate()
    posting = wf.posting_create(actor=staff, title="Công khai", start_date=today, end_date=today, lines=done.lines.all())
    meeting = council.meeting_create(actor=staff, title="Họp", date=today, members=roster, lines=done.lines.all())
    council.meeting_set_attendance(actor=staff, meeting=meeting, present_ids=[m.pk for m in roster])
    council.meeting_open(actor=staff, meeting=meeting)
    item = meeting.items.get()
    for m in roster[:5]:
        council.ballot_cast(actor=m, item=item, choice="yes")
    council.meeting_close(actor=staff, meeting=meeting)
    decision = decisions.decision_create_draft(actor=staff, number="1/QĐ-UBND", date=datetime.date(2026, 12, 20), signer="A",
                                               title="Tặng danh hiệu", lines=decisions.decidable_lines())
    draft = make_dossier(subjects=people[1:2])
    doc = draft.documents.first()
    return {"done": done, "draft": draft, "posting": posting, "meeting": meeting, "decision": decision, "doc": doc, "item": item}


PERSONAS = ["staff", "officer", "head", "other_officer", "seated", "council_member", "viewer", None]


def _user(request, name, roster):
    if name is None:
        return None
    if name == "seated":
        return roster[0]
    return request.getfixturevalue(name)


# view name, url args from world, expected per persona (staff, officer, head, other_officer, seated member, unseated member, viewer, anonymous)
GET_CASES = [
    ("awards:dossier-list", None, [200, 200, 200, 200, 200, 403, 200, 302]),
    ("awards:dossier-create", None, [403, 200, 200, 200, 403, 403, 403, 302]),
    ("awards:dossier-detail", "draft", [200, 200, 200, 404, 404, 404, 200, 302]),
    ("awards:dossier-detail", "done", [200, 200, 200, 404, 200, 404, 200, 302]),
    ("awards:dossier-checks", "draft", [200, 200, 200, 404, 404, 404, 200, 302]),
    ("awards:dossier-edit", "draft", [403, 200, 200, 404, 404, 404, 403, 302]),
    ("awards:dossier-edit", "done", [403, 403, 403, 404, 403, 404, 403, 302]),
    ("awards:nominee-search", "draft", [403, 200, 200, 404, 404, 404, 403, 302]),
    ("awards:line-preview", "draft", [403, 200, 200, 404, 404, 404, 403, 302]),
    ("awards:document-download", "doc", [200, 200, 200, 404, 404, 404, 200, 302]),
    ("awards:posting-list", None, [200, 403, 403, 403, 403, 403, 403, 302]),
    ("awards:posting-detail", "posting", [200, 403, 403, 403, 200, 200, 403, 302]),
    ("awards:meeting-list", None, [200, 403, 403, 403, 200, 200, 200, 302]),
    ("awards:meeting-create", None, [200, 403, 403, 403, 403, 403, 403, 302]),
    ("awards:meeting-detail", "meeting", [200, 404, 404, 404, 200, 404, 200, 302]),
    ("awards:meeting-minutes", "meeting", [200, 404, 404, 404, 200, 404, 200, 302]),
    ("awards:decision-list", None, [200, 403, 403, 403, 403, 403, 200, 302]),
    ("awards:decision-create", None, [200, 403, 403, 403, 403, 403, 403, 302]),
    ("awards:decision-detail", "decision", [200, 403, 403, 403, 403, 403, 200, 302]),
    ("awards:forwarding-create", None, [200, 403, 403, 403, 403, 403, 403, 302]),
    ("public-posting", None, [200, 200, 200, 200, 200, 200, 200, 200]),
    ("core:notification-list", None, [200, 200, 200, 200, 200, 200, 200, 302]),
]


def _url(name, key, world):
    if key is None:
        return reverse(name)
    obj = world[key]
    return reverse(name, args=[obj.uuid])


@pytest.mark.parametrize(("name", "key", "expected"), GET_CASES, ids=[f"{c[0]}-{c[1]}" for c in GET_CASES])
def test_get_views_answer_each_persona(request, world, roster, client_for, name, key, expected):
    url = _url(name, key, world)
    for persona, code in zip(PERSONAS, expected, strict=True):
        response = client_for(_user(request, persona, roster)).get(url)
        assert response.status_code == code, f"{persona} {url}: {response.status_code} != {code}"


def test_dossier_detail_shows_lines_and_verdict_area(world, client_for, officer):
    body = client_for(officer).get(world["draft"].get_absolute_url()).content.decode()
    assert "Nguyễn Thị Hoa 1" in body and "Thêm đối tượng" in body


POST_CASES = [
    # name, key, persona → expected status (all refusals leave the state unchanged)
    ("awards:dossier-submit", "draft", "officer", 403),
    ("awards:dossier-submit", "draft", "other_officer", 404),
    ("awards:dossier-submit", "draft", "viewer", 403),
    ("awards:dossier-submit", "draft", "staff", 403),
    ("awards:dossier-withdraw", "draft", "officer", 403),
    ("awards:dossier-receive", "draft", "officer", 403),
    ("awards:dossier-return", "draft", "head", 403),
    ("awards:dossier-finish", "draft", "officer", 403),
    ("awards:document-upload", "draft", "other_officer", 404),
    ("awards:document-upload", "draft", "staff", 403),
    ("awards:document-delete", "doc", "other_officer", 404),
    ("awards:document-delete", "doc", "viewer", 403),
    ("awards:line-add", "draft", "other_officer", 404),
    ("awards:line-add", "draft", "viewer", 403),
    ("awards:meeting-open", "meeting", "seated", 403),
    ("awards:meeting-close", "meeting", "officer", 403),
    ("awards:meeting-attendance", "meeting", "viewer", 403),
    ("awards:decision-issue", "decision", "viewer", 403),
    ("awards:decision-issue", "decision", "officer", 403),
]


@pytest.mark.parametrize(("name", "key", "persona", "code"), POST_CASES, ids=[f"{c[0]}-{c[2]}" for c in POST_CASES])
def test_post_actions_refuse_wrong_persona(request, world, roster, client_for, name, key, persona, code):
    response = client_for(_user(request, persona, roster)).post(_url(name, key, world), {"note": "x", "appraiser": 1})
    assert response.status_code == code
    world["draft"].refresh_from_db()
    assert world["draft"].state == DossierState.DRAFT


def test_line_actions_refuse_wrong_persona(world, client_for, officer, other_officer, viewer):
    draft = world["draft"]
    line = draft.lines.first()
    for name in ("awards:line-remove", "awards:line-override", "awards:line-appraise"):
        url = reverse(name, args=[draft.uuid, line.pk])
        assert client_for(other_officer).post(url, {"reason": "lý do đủ dài"}).status_code == 404
        assert client_for(viewer).post(url, {"reason": "lý do đủ dài", "passed": "1"}).status_code == 403
    assert client_for(officer).post(reverse("awards:line-override", args=[draft.uuid, line.pk]), {"reason": "lý do đủ dài"}).status_code == 403
    assert draft.lines.filter(pk=line.pk, override_reason="").exists()


def test_vote_by_unseated_member_is_404(world, client_for, council_member):
    url = reverse("awards:ballot-cast", args=[world["meeting"].uuid, world["item"].uuid])
    assert client_for(council_member).post(url, {"choice": "yes"}).status_code == 404


def test_other_council_member_cannot_see_meeting_dossier(world, client_for):
    outsider = UserFactory(role="council_member")
    assert client_for(outsider).get(world["done"].get_absolute_url()).status_code == 404
