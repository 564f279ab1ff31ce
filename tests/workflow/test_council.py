"""Quorum, thresholds, recusal, secret ballot, one vote per member and item, closing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from awards.enums_workflow import DossierState, ItemResult, LineOutcome
from awards.models import Ballot, BallotCast
from awards.services import council
from awards.services import workflow as wf
from tests.workflow.helpers import open_meeting, to_appraised

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("yes", "voters", "threshold", "passes"), [
    (4, 7, "0.5", True), (3, 6, "0.5", False), (4, 6, "0.5", True), (4, 7, "0.667", False), (5, 7, "0.667", True),
    (4, 6, "0.667", True), (3, 6, "0.667", False), (9, 10, "0.9", True), (8, 10, "0.9", False), (0, 0, "0.5", False),
])
def test_vote_threshold(yes, voters, threshold, passes):
    assert council.vote_passes(yes, voters, threshold) is passes


@pytest.mark.parametrize(("present", "members", "met"), [(5, 7, True), (4, 7, False), (2, 3, True), (6, 9, True), (5, 9, False)])
def test_quorum_two_thirds(present, members, met):
    assert council.quorum_met(present, members, "0.667") is met


def test_open_refused_without_quorum(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    with pytest.raises(wf.WorkflowError, match="Chưa đủ số lượng: có mặt 4/7"):
        open_meeting(dossier, staff, roster, present=roster[:4])


def test_member_of_nominee_unit_is_recused(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster)
    item = meeting.items.get()
    assert list(item.recused.all()) == [roster[5]]
    with pytest.raises(wf.WorkflowError, match="không biểu quyết"):
        council.ballot_cast(actor=roster[5], item=item, choice="yes")
    assert not BallotCast.objects.exists()


def test_secret_ballot_keeps_no_member_choice_link(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster)
    item = meeting.items.get()
    council.ballot_cast(actor=roster[0], item=item, choice="no")
    assert BallotCast.objects.filter(item=item, member=roster[0]).exists()
    ballot = Ballot.objects.get(item=item)
    assert ballot.choice == "no" and ballot.member_id is None
    assert {f.name for f in Ballot._meta.get_fields()} == {"id", "item", "choice", "member"}  # no timestamp to match on


def test_open_ballot_records_member(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster, mode="open")
    council.ballot_cast(actor=roster[0], item=meeting.items.get(), choice="yes")
    assert Ballot.objects.get().member == roster[0]


def test_second_vote_refused_and_db_constraint(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster)
    item = meeting.items.get()
    council.ballot_cast(actor=roster[0], item=item, choice="yes")
    with pytest.raises(wf.WorkflowError, match="đã biểu quyết"):
        council.ballot_cast(actor=roster[0], item=item, choice="no")
    assert Ballot.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        BallotCast.objects.create(item=item, member=roster[0])


def test_vote_after_close_refused_and_results_stored(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster)
    item = meeting.items.get()
    for m in roster[:3]:
        council.ballot_cast(actor=m, item=item, choice="yes")
    council.meeting_close(actor=staff, meeting=meeting)
    item.refresh_from_db()
    assert (item.yes_count, item.voters, item.result) == (3, 6, ItemResult.FAILED)  # 3 of 6 is not more than half
    with pytest.raises(wf.WorkflowError, match="đã kết thúc"):
        council.ballot_cast(actor=roster[4], item=item, choice="yes")
    line = item.line
    line.refresh_from_db()
    dossier.refresh_from_db()
    assert line.outcome == LineOutcome.VOTE_FAILED and dossier.state == DossierState.REJECTED


def test_absent_or_outside_member_cannot_vote(make_dossier, head, staff, roster, council_member):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster, present=roster[:6])
    item = meeting.items.get()
    with pytest.raises(wf.WorkflowError, match="có mặt"):
        council.ballot_cast(actor=roster[6], item=item, choice="yes")
    with pytest.raises(PermissionDenied):
        council.ballot_cast(actor=council_member, item=item, choice="yes")


def test_posting_required_before_meeting(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(kind="CSTD_TINH"), head, staff)
    with pytest.raises(wf.WorkflowError, match="công khai"):
        open_meeting(dossier, staff, roster)


def test_minutes_list_counts(make_dossier, head, staff, roster, client_for):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster)
    item = meeting.items.get()
    for m in roster[:4]:
        council.ballot_cast(actor=m, item=item, choice="yes")
    council.meeting_close(actor=staff, meeting=meeting)
    body = client_for(staff).get(f"/khen-thuong/hoi-dong/{meeting.uuid}/bien-ban/").content.decode()
    assert "Có mặt 7/7 thành viên" in body and "Thông qua" in body and "<td>4</td>" in body
