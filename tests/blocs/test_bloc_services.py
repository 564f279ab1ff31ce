import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from blocs import queries, services
from blocs.enums import GroupYearState, TieRule
from blocs.models import Criterion, GroupYear, LeaderChange, Vote
from blocs.services import BlocError, ScoreEntry
from core.models import ActivityLog

from .conftest import DEADLINE
from .helpers import score_and_verify

pytestmark = pytest.mark.django_db


def test_start_year_copies_members_and_criteria_and_rotates(gy, criteria, staff, units):
    nxt = services.group_year_start(actor=staff, group=gy.group, year=2027)
    assert sorted(nxt.memberships.values_list("unit__code", flat=True)) == sorted(
        gy.memberships.values_list("unit__code", flat=True))
    copied = {c.number: c for c in Criterion.objects.filter(group_year=nxt)}
    assert set(copied) == {"1", "1.1", "1.2", "2", "3", "4"}
    assert copied["1.1"].parent == copied["1"]
    assert copied["4"].kind == "penalty"
    # last year's deputy becomes head; the new deputy is a member who has not led yet
    assert nxt.head == units["c"]
    assert nxt.deputy in {units["member"], units["d"]}
    assert LeaderChange.objects.filter(group_year=nxt).count() == 2


def test_start_year_refused_twice(gy, staff):
    with pytest.raises(BlocError):
        services.group_year_start(actor=staff, group=gy.group, year=2026)


def test_start_year_refused_to_bloc_head(gy, bloc_head):
    with pytest.raises(PermissionDenied):
        services.group_year_start(actor=bloc_head, group=gy.group, year=2027)


def test_leaders_must_be_members(gy, staff, units):
    with pytest.raises(BlocError, match="thành viên"):
        services.leaders_set(actor=staff, group_year=gy, head=units["outside"])
    with pytest.raises(BlocError):
        services.leaders_set(actor=staff, group_year=gy, head=units["c"], deputy=units["c"])


def test_criteria_locked_once_scoring_opens(scoring, bloc_head):
    with pytest.raises(BlocError):
        services.criterion_add(actor=bloc_head, group_year=scoring, number="5", title="Khác", max_points=Decimal(5))


def test_head_unit_manages_criteria_but_member_cannot(gy, bloc_head, officer):
    services.criterion_add(actor=bloc_head, group_year=gy, number="9", title="Khác", max_points=Decimal(5))
    with pytest.raises(PermissionDenied):
        services.criterion_add(actor=officer, group_year=gy, number="8", title="Khác", max_points=Decimal(5))


def test_agreement_sign_once_per_member(gy, bloc_head, officer, units, outsider):
    services.agreement_update(actor=bloc_head, group_year=gy, title="Giao ước thi đua năm 2026", signed_on=datetime.date(2026, 3, 1))
    services.agreement_sign(actor=officer, group_year=gy, unit=units["member"], signer_name="Phạm Văn Hải", signer_position="Giám đốc")
    assert gy.signatures.get().signer_name == "Phạm Văn Hải"
    with pytest.raises(BlocError, match="đã ký"):
        services.agreement_sign(actor=officer, group_year=gy, unit=units["member"], signer_name="Phạm Văn Hải")
    with pytest.raises(PermissionDenied):
        services.agreement_sign(actor=outsider, group_year=gy, unit=units["d"], signer_name="X")


def test_self_score_totals_with_bonus_and_penalty(scoring, criteria, officer, units):
    services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE, entries=[
        ScoreEntry(criteria["1.1"], Decimal(18), "Đạt 9/10 chỉ tiêu"),
        ScoreEntry(criteria["1.2"], Decimal(15), "Chỉ số PAR"),
        ScoreEntry(criteria["2"], Decimal(25), ""),
        ScoreEntry(criteria["3"], Decimal(5), "Giải thưởng"),
        ScoreEntry(criteria["4"], Decimal(2), "Chậm báo cáo"),
    ])
    total = queries.live_totals(scoring)[units["member"].pk]
    assert total.self_total == Decimal(61)
    assert total.penalty_count == 1 and total.unverified == 5 and total.missing == 0


def test_self_score_refused_over_max_after_deadline_and_for_parent(scoring, criteria, officer, units):
    with pytest.raises(BlocError, match="từ 0 đến 20"):
        services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                                   entries=[ScoreEntry(criteria["1.1"], Decimal(21))])
    with pytest.raises(BlocError, match="quá hạn"):
        services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"],
                                   today=DEADLINE + datetime.timedelta(days=1),
                                   entries=[ScoreEntry(criteria["1.1"], Decimal(10))])
    with pytest.raises(BlocError, match="không chấm trực tiếp"):
        services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                                   entries=[ScoreEntry(criteria["1"], Decimal(10))])
    assert not scoring.scores.exists()


def test_self_score_refused_for_another_unit(scoring, criteria, officer, outsider, units):
    with pytest.raises(PermissionDenied):
        services.self_score_submit(actor=officer, group_year=scoring, unit=units["d"], today=DEADLINE,
                                   entries=[ScoreEntry(criteria["2"], Decimal(10))])
    with pytest.raises(PermissionDenied):
        services.self_score_submit(actor=outsider, group_year=scoring, unit=units["outside"], today=DEADLINE,
                                   entries=[ScoreEntry(criteria["2"], Decimal(10))])


def test_verify_requires_reason_when_adjusting(scoring, criteria, officer, bloc_head, units):
    services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                               entries=[ScoreEntry(criteria["2"], Decimal(28), "Báo cáo")])
    with pytest.raises(BlocError, match="lý do"):
        services.scores_verify(actor=bloc_head, group_year=scoring, unit=units["member"],
                               entries=[ScoreEntry(criteria["2"], Decimal(24))])
    services.scores_verify(actor=bloc_head, group_year=scoring, unit=units["member"],
                           entries=[ScoreEntry(criteria["2"], Decimal(24), "Thiếu minh chứng khen thưởng")])
    score = scoring.scores.get()
    assert score.verified_points == Decimal(24) and score.verified_by == bloc_head
    entry = ActivityLog.objects.filter(action="blocs.score.verify").get()
    assert entry.after["lines"]["2"]["reason"] == "Thiếu minh chứng khen thưởng"
    # the verified line can no longer be changed by the member
    with pytest.raises(BlocError, match="đã được thẩm định"):
        services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                                   entries=[ScoreEntry(criteria["2"], Decimal(30), "Báo cáo")])


def test_deputy_verifies_member_cannot(scoring, criteria, officer, member_c, units):
    services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                               entries=[ScoreEntry(criteria["2"], Decimal(20))])
    assert services.scores_verify(actor=member_c, group_year=scoring, unit=units["member"],
                                  entries=[ScoreEntry(criteria["2"], Decimal(20))]) == 1
    with pytest.raises(PermissionDenied):
        services.scores_verify(actor=officer, group_year=scoring, unit=units["member"],
                               entries=[ScoreEntry(criteria["2"], Decimal(20))])


def _score_all(gy, criteria, staff, units, table):
    for key, points in table.items():
        score_and_verify(gy, units[key], points, staff, staff, criteria)


def test_ranking_ties_broken_by_penalties_then_first_criterion(scoring, criteria, staff, bloc_head, units):
    _score_all(scoring, criteria, staff, units, {
        "head": {"1.1": 20, "1.2": 20, "2": 30},               # 70
        "member": {"1.1": 15, "1.2": 15, "2": 30, "3": 10},    # 70, criterion 1 = 30
        "c": {"1.1": 20, "1.2": 20, "2": 30, "3": 5, "4": 5},  # 70 with a penalty
        "d": {"1.1": 10, "1.2": 10, "2": 20},                  # 40
    })
    services.ranking_publish(actor=bloc_head, group_year=scoring)
    rows = queries.ranking(scoring)
    assert [(r.rank, r.unit.code) for r in rows] == [(1, "SYT"), (2, "SGDDT"), (3, "STC"), (4, "SXD")]
    assert rows[2].penalty_count == 1 and rows[2].verified_total == Decimal(70)
    scoring.refresh_from_db()
    assert scoring.state == GroupYearState.PUBLISHED


def test_ranking_shared_rank_rule(scoring, criteria, staff, units):
    GroupYear.objects.filter(pk=scoring.pk).update(tie_rule=TieRule.SHARED)
    scoring.refresh_from_db()
    _score_all(scoring, criteria, staff, units, {
        "head": {"2": 30}, "member": {"2": 30}, "c": {"2": 20}, "d": {"2": 10},
    })
    rows = queries.ranking(scoring)
    assert [r.rank for r in rows] == [1, 1, 3, 4]


def test_ranking_uses_verified_not_self_score(scoring, criteria, staff, units):
    score_and_verify(scoring, units["member"], {"2": 30}, staff, staff, criteria, adjust={"2": (10, "Không đủ minh chứng")})
    score_and_verify(scoring, units["head"], {"2": 20}, staff, staff, criteria)
    rows = {r.unit.code: r for r in queries.ranking(scoring)}
    assert rows["SGDDT"].self_total == Decimal(30) and rows["SGDDT"].verified_total == Decimal(10)
    assert rows["SYT"].rank == 1


def test_publish_refused_with_unverified_lines(scoring, criteria, officer, bloc_head, units):
    services.self_score_submit(actor=officer, group_year=scoring, unit=units["member"], today=DEADLINE,
                               entries=[ScoreEntry(criteria["2"], Decimal(20))])
    with pytest.raises(BlocError, match="chưa được thẩm định"):
        services.ranking_publish(actor=bloc_head, group_year=scoring)
    scoring.refresh_from_db()
    assert scoring.state == GroupYearState.SCORING and not scoring.ranking_entries.exists()


def test_publish_refused_to_deputy_and_member(scoring, member_c, officer):
    for user in (member_c, officer):
        with pytest.raises(PermissionDenied):
            services.ranking_publish(actor=user, group_year=scoring)


def test_publish_refused_before_scoring(gy, criteria, bloc_head):
    with pytest.raises(BlocError):
        services.ranking_publish(actor=bloc_head, group_year=gy)


@pytest.fixture
def published(scoring, criteria, staff, units):
    _score_all(scoring, criteria, staff, units, {
        "head": {"2": 30}, "member": {"2": 25}, "c": {"2": 20}, "d": {"2": 10},
    })
    services.ranking_publish(actor=staff, group_year=scoring)
    scoring.refresh_from_db()
    return scoring


def test_vote_one_per_member(published, officer, units):
    services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["head"])
    with pytest.raises(BlocError, match="đã bỏ phiếu"):
        services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["c"])
    assert Vote.objects.filter(group_year=published).count() == 1


def test_vote_unique_constraint_in_database(published, units):
    Vote.objects.create(group_year=published, voter_unit=units["member"], candidate=units["head"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(group_year=published, voter_unit=units["member"], candidate=units["c"])


def test_no_self_vote_by_default(published, officer, units):
    with pytest.raises(BlocError, match="chính mình"):
        services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["member"])
    GroupYear.objects.filter(pk=published.pk).update(allow_self_vote=True)
    published.refresh_from_db()
    services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["member"])


def test_vote_refused_to_non_member_and_before_publication(scoring, published, outsider, officer, units):
    with pytest.raises(PermissionDenied):
        services.vote_cast(actor=outsider, group_year=published, voter_unit=units["outside"], candidate=units["head"])
    with pytest.raises(BlocError, match="thành viên"):
        services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["outside"])


def test_vote_refused_while_scoring(scoring, officer, units):
    with pytest.raises(BlocError):
        services.vote_cast(actor=officer, group_year=scoring, voter_unit=units["member"], candidate=units["head"])


def test_vote_results_counts(published, officer, bloc_head, member_c, units):
    services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["head"])
    services.vote_cast(actor=member_c, group_year=published, voter_unit=units["c"], candidate=units["head"])
    services.vote_cast(actor=bloc_head, group_year=published, voter_unit=units["head"], candidate=units["member"])
    results = queries.vote_results(published)
    assert [(r["unit"].code, r["votes"]) for r in results[:2]] == [("SYT", 2), ("SGDDT", 1)]


def test_proposal_creates_dossier_draft_for_leader_and_next(published, officer, bloc_head, member_c, units):
    from awards.enums_workflow import DossierState

    # ranking: SYT 30, SGDDT 25, STC 20, SXD 10; the vote picks SGDDT
    services.vote_cast(actor=bloc_head, group_year=published, voter_unit=units["head"], candidate=units["member"])
    services.vote_cast(actor=member_c, group_year=published, voter_unit=units["c"], candidate=units["member"])
    services.vote_cast(actor=officer, group_year=published, voter_unit=units["member"], candidate=units["head"])
    dossier = services.proposal_create(actor=bloc_head, group_year=published)
    assert dossier.state == DossierState.DRAFT and dossier.unit == units["head"] and dossier.year == 2026
    lines = {(line.unit.code, line.kind.code): line for line in dossier.lines.select_related("unit", "kind")}
    assert set(lines) == {("SGDDT", "CO_TINH"), ("SYT", "BK_TINH"), ("STC", "BK_TINH")}
    assert "xếp hạng 2/4" in lines[("SGDDT", "CO_TINH")].achievement_summary
    assert "25" in lines[("SGDDT", "CO_TINH")].achievement_summary
    assert "2/3 phiếu" in lines[("SGDDT", "CO_TINH")].achievement_summary
    published.refresh_from_db()
    assert published.state == GroupYearState.PROPOSED and published.proposal_dossier == dossier
    with pytest.raises(BlocError):
        services.proposal_create(actor=bloc_head, group_year=published)


def test_proposal_refused_without_votes_or_to_member(published, bloc_head, officer):
    with pytest.raises(PermissionDenied):
        services.proposal_create(actor=officer, group_year=published)
    with pytest.raises(BlocError, match="phiếu"):
        services.proposal_create(actor=bloc_head, group_year=published)
    published.refresh_from_db()
    assert published.state == GroupYearState.PUBLISHED
