"""Annual summary: XLSX and PDF figures against figures computed here from the register rows."""

from collections import Counter, defaultdict

import pytest
from django.core.management import call_command

from awards.enums import AwardStatus, SubjectType
from reports.annual import annual_pdf, annual_xlsx
from reports.queries import annual_summary
from tests.factories.awards_register import make_award
from tests.factories.org import PersonFactory
from tests.reports.helpers import flat_text, pdf_rows, sheet_names, sheet_rows

pytestmark = pytest.mark.django_db


def expected_by_code(rows, year):
    out = defaultdict(Counter)
    for a in rows:
        if a.year == year and a.status == AwardStatus.IN_FORCE:
            out[a.kind.code][a.subject_type] += 1
            out[a.kind.code]["total"] += 1
            out[a.kind.code]["amount"] += a.amount
    return out


def expected_shares(rows, year):
    live = [a for a in rows if a.year == year and a.status == AwardStatus.IN_FORCE]
    people = [a.person for a in live if a.person]
    units = [a.unit for a in live if a.unit]
    return {
        "Cá nhân là người lao động trực tiếp": (sum(not p.is_leader for p in people), len(people)),
        "Tập thể nhỏ": (sum(u.kind in ("phong_ban", "thon_to") for u in units), len(units)),
        "Cá nhân nữ": (sum(p.gender == "nu" for p in people), len(people)),
        "Cá nhân dân tộc thiểu số": (sum(p.ethnicity != "Kinh" for p in people), len(people)),
        "Vùng khó khăn": (sum(a.snapshot_hardship for a in live), len(live)),
    }


def test_xlsx_summary_sheet_matches_the_register(register):
    content = annual_xlsx(annual_summary(2026))
    rows = sheet_rows(content, "Tổng hợp")
    assert sheet_names(content)[:2] == ["Tổng hợp", "Chỉ số"]
    assert rows[0] == ("Mã khen thưởng", "Hình thức / danh hiệu", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Số tiền")
    expected = expected_by_code(register["rows"], 2026)
    got = {r[0]: r for r in rows[1:]}
    assert set(got) == set(expected)  # revoked LDTT of 2026 is not a row
    for code, c in expected.items():
        assert got[code][2:] == (c["collective"], c["individual"], c["household"], c["total"], c["amount"]), code


def test_xlsx_shares_sheet_matches_the_register(register):
    rows = sheet_rows(annual_xlsx(annual_summary(2026)), "Chỉ số")
    assert rows[0] == ("Chỉ số", "Số lượng", "Trên tổng", "Tỷ lệ (%)")
    expected = expected_shares(register["rows"], 2026)
    assert [r[0] for r in rows[1:]] == list(expected)
    for label, count, base, pct in rows[1:]:
        assert (count, base) == expected[label], label
        assert pct == pytest.approx(round(100 * count / base, 2)), label
    # the figures themselves, so a wrong fixture cannot hide a wrong rule
    assert expected["Cá nhân là người lao động trực tiếp"] == (3, 5)
    assert expected["Tập thể nhỏ"] == (2, 3)
    assert expected["Vùng khó khăn"] == (3, 9)


def test_pdf_text_shows_the_same_figures(register, tmp_path):
    content = annual_pdf(annual_summary(2026))
    text = flat_text(content, tmp_path)
    rows = pdf_rows(content, tmp_path)
    assert "TỔNG HỢP KẾT QUẢ CÔNG TÁC KHEN THƯỞNG NĂM 2026".lower() in text.lower()
    live = [a for a in register["rows"] if a.year == 2026 and a.status == AwardStatus.IN_FORCE]
    money = f"{sum(a.amount for a in live):,}".replace(",", ".")
    assert f"tổng cộng {len(live)} lượt" in text
    assert f"{money} đ" in text
    for label, (count, base) in expected_shares(register["rows"], 2026).items():
        pct = f"{round(100 * count / base, 2):.2f}".replace(".", ",")
        row = next(r for r in rows if r[0].startswith(f"{label} (trên tổng số"))
        assert row[1:] == [str(count), str(base), pct], label
    assert "Khai man thành tích" in text  # the revoked award is listed apart
    assert "Trang 1/" in text
    assert "Demo, ngày" in text


def test_revoked_awards_are_excluded_and_listed(register):
    s = annual_summary(2026)
    assert s.totals["total"] == 9
    assert [a.revoked_reason for a in s.revoked] == ["Khai man thành tích"]
    assert "LDTT" not in {k["code"] for k in s.by_kind}


def test_levels_units_and_previous_year(register):
    s = annual_summary(2026)
    levels = {lvl["level"]: lvl["total"] for lvl in s.by_level}
    assert levels == {"state": 2, "province": 3, "grassroots": 4}
    units = {u["code"]: u["total"] for u in s.by_unit}
    assert units == {"SGDDT": 5, "SYT": 4}
    assert s.previous_totals["total"] == 2
    bk = next(k for k in s.by_kind if k["code"] == "BK_TINH")
    assert (bk["previous_total"], bk["change"]) == (1, 2)
    assert [p["code"] for p in s.previous["kinds"]] == ["LDTT"]


def test_unit_scope_counts_only_the_subtree(register):
    s = annual_summary(2026, scope=register["ours"])
    assert s.totals["total"] == 5
    assert {u["code"] for u in s.by_unit} == {"SGDDT", "SGDDT.VP"}


def test_summary_query_count_is_constant(province, django_assert_num_queries):
    person = PersonFactory(unit=province["ours"])
    make_award(kind="BK_TINH", year=2026, person=person, amount=1)
    with django_assert_num_queries(7) as one:
        annual_summary(2026)
    for i in range(15):
        make_award(kind=["GK", "LDTT", "CSTD_CS"][i % 3], year=2026 - i % 2, person=PersonFactory(unit=province["sub"]), amount=i)
    make_award(kind="TTLDTT", year=2026, unit=province["other"], amount=5)
    with django_assert_num_queries(len(one.captured_queries)):
        annual_summary(2026)


def test_empty_year_renders(db, tmp_path):
    s = annual_summary(2001)
    assert s.totals["total"] == 0 and all(sh.pct is None for sh in s.shares)
    assert sheet_rows(annual_xlsx(s), "Tổng hợp")[1:] == []
    assert "Không có khen thưởng nào trong năm" in flat_text(annual_pdf(s), tmp_path)


def test_build_report_command_writes_xlsx_and_pdf(register, tmp_path):
    call_command("build_report", "annual", "--year", "2026", "--format", "xlsx", "--output", str(tmp_path / "a.xlsx"))
    call_command("build_report", "annual", "--year", "2026", "--format", "pdf", "--output", str(tmp_path / "a.pdf"))
    assert sheet_rows((tmp_path / "a.xlsx").read_bytes(), "Tổng hợp")[0][0] == "Mã khen thưởng"
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_household_awards_count_as_households(register):
    gk = next(k for k in annual_summary(2026).by_kind if k["code"] == "GK")
    assert (gk["household"], gk["individual"]) == (1, 0)
    assert register["rows"][7].subject_type == SubjectType.HOUSEHOLD


def test_bloc_breakdown_counts_member_subtrees(register):
    from blocs.models import GroupYear, Membership
    from tests.factories.blocs import GroupFactory

    gy = GroupYear.objects.create(group=GroupFactory(code="KHOI.VX", name="Khối Văn hóa – Xã hội"), year=2026)
    Membership.objects.create(group_year=gy, unit=register["ours"])
    s = annual_summary(2026)
    assert [(b["code"], b["total"], b["members"]) for b in s.by_bloc] == [("KHOI.VX", 5, 1)]
    assert ("Theo khối") in sheet_names(annual_xlsx(s))
