import re

import pytest
from django.apps import apps
from django.core.management import call_command

from awards.imports.runner import run_import
from awards.models import Award, Discipline, ImportJob, Initiative, Rating
from core.models import ActivityLog
from org.models import Household, Person, Unit
from tests.factories.org import PersonFactory
from tests.history.conftest import D
from tests.history.files import add_member, csv_bytes, headers, rewrite_member, xlsx

ERROR_RE = re.compile(r"^dòng \d+, cột [A-Z]+: .+")


def table_counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in {"org", "awards", "core", "campaigns"}}


def assert_refused(result, *fragments):
    assert result.errors and result.written == 0
    text = "\n".join(str(e) for e in result.errors)
    for fragment in fragments:
        assert fragment in text, text
    return text


# --- happy paths ---------------------------------------------------------------------------------

def test_import_units_parent_in_file_or_db(province):
    rows = [["SGDDT.TH2", "Trường Tiểu học số 2", "truong_hoc", "SGDDT.PGD", "co"],
            ["SGDDT.PGD", "Phòng Giáo dục", "phong_ban", "SGDDT", "khong"]]
    result = run_import("units", xlsx(headers("units"), rows), "units.xlsx")
    assert result.ok and result.written == 2
    child = Unit.objects.get(code="SGDDT.TH2")
    assert child.path == "/UBND/SGDDT/SGDDT.PGD/SGDDT.TH2/" and child.hardship_area and child.parent.code == "SGDDT.PGD"
    assert "truong tieu hoc so 2" in child.search_text


def test_import_persons_csv_with_bom_nfc(province):
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Mai"  # NFD as some Mac tools write it
    rows = [["CN90001", decomposed, "nu", "15/04/1985", "Tày", "SGDDT.VP", "Chuyên viên", "khong"],
            ["CN90002", "Lê Văn Tám", "nam", "", "", "SGDDT", "Phó Giám đốc", "co"]]
    result = run_import("persons", csv_bytes(headers("persons"), rows), "persons.csv")
    assert result.ok, result.errors
    mai = Person.objects.get(code="CN90001")
    assert mai.full_name == "Nguyễn Thị Mai" and mai.birth_date == D(1985, 4, 15) and mai.ethnicity == "Tày"
    tam = Person.objects.get(code="CN90002")
    assert tam.is_leader and tam.ethnicity == "Kinh" and tam.birth_date is None
    assert "nguyen thi mai" in mai.search_text


def test_import_households(province):
    result = run_import("households", xlsx(headers("households"), [["HO9001", "Lò Văn Pảo", "Thôn Nà Pồng", "SGDDT.VP"]]), "h.xlsx")
    assert result.ok and Household.objects.get(code="HO9001").unit.code == "SGDDT.VP"


def test_import_ratings_individual_and_collective(an, province):
    rows = [["CN00001", "ca_nhan", 2024, "htxsnv"], ["CN00001", "ca_nhan", "2025", "HTTNV"], ["SGDDT", "tap_the", 2025, "HTXSNV"]]
    result = run_import("ratings", xlsx(headers("ratings"), rows), "r.xlsx")
    assert result.ok and result.written == 3
    assert Rating.objects.get(person=an, year=2024).grade == "HTXSNV"
    assert Rating.objects.get(unit=province["ours"], year=2025).grade == "HTXSNV"


def test_import_initiatives_with_authors(an, binh):
    rows = [["SK-01", "Bản đồ số trường học", "CN00001; CN00002", 2025, "tinh", "12/QĐ-HĐKH"]]
    result = run_import("initiatives", xlsx(headers("initiatives"), rows), "i.xlsx")
    assert result.ok
    ini = Initiative.objects.get(code="SK-01")
    assert set(ini.authors.values_list("code", flat=True)) == {"CN00001", "CN00002"} and ini.scope == "tinh"


def test_import_disciplines_with_pending_hold(an):
    rows = [["CN00001", "khien_trach", "01/03/2023", "01/09/2023"], ["CN00001", "dang_xem_xet", "05/05/2026", ""]]
    result = run_import("disciplines", xlsx(headers("disciplines"), rows), "d.xlsx")
    assert result.ok and Discipline.objects.filter(person=an).count() == 2
    assert Discipline.objects.get(form="dang_xem_xet").end_date is None


def test_import_awards_computes_amount_and_snapshot(an, province, household):
    Initiative.objects.create(code="SK-01", title="x", year=2025, scope="tinh")
    rows = [["CN00001", "ca_nhan", "CSTD_CS", 2025, "15/QĐ-UBND", "20/01/2026", "cong_trang", "", "SK-01"],
            ["CN00001", "ca_nhan", "LDTT", 2019, "3/QĐ-SGD", "10/01/2020", "cong_trang", "", ""],
            ["SGDDT", "tap_the", "TTLDTT", 2025, "16/QĐ-UBND", "20/01/2026", "cong_trang", "", ""],
            ["HO0001", "ho_gia_dinh", "GDVH", 2025, "2/QĐ-UBND", "05/01/2026", "cong_trang", "", ""]]
    result = run_import("awards", xlsx(headers("awards"), rows), "a.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    cstd = Award.objects.get(person=an, kind__code="CSTD_CS")
    assert cstd.amount == 2_340_000 and cstd.snapshot_unit == province["sub"] and cstd.initiative.code == "SK-01"
    assert Award.objects.get(kind__code="LDTT").amount is None  # no rate known in 2020
    assert Award.objects.get(kind__code="TTLDTT").amount == 1_880_000  # 0.8 × 2,340,000, rounded up
    assert "nguyen van an" in cstd.search_text


def test_import_written_is_in_audit_log(an):
    run_import("ratings", xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]]), "r.xlsx")
    job = ImportJob.objects.get()
    log = ActivityLog.objects.get(action="awards.import.write")
    assert log.object_id == str(job.pk) and log.after == {"kind": "ratings", "file_name": "r.xlsx", "rows": 1}


# --- bad input: every table unchanged -------------------------------------------------------------

BAD_CASES = {
    "unknown_codes": ("persons", [["CN90001", "A", "nam", "", "Kinh", "KHONGCO", "", "khong"]], "không tìm thấy đơn vị \"KHONGCO\""),
    "impossible_date": ("persons", [["CN90001", "A", "nam", "31/02/1990", "Kinh", "SGDDT", "", "khong"]], "ngày \"31/02/1990\" không có thật"),
    "bad_date_format": ("persons", [["CN90001", "A", "nam", "1990-02-01", "Kinh", "SGDDT", "", "khong"]], "không đúng dạng dd/mm/yyyy"),
    "non_numeric_year": ("ratings", [["CN00001", "ca_nhan", "năm 2025", "HTTNV"]], "không phải là số"),
    "duplicate_in_file": ("ratings", [["CN00001", "ca_nhan", 2025, "HTTNV"], ["CN00001", "ca_nhan", 2025, "HTNV"]], "dòng 4, cột A: đối tượng đã được xếp loại cho năm này ở dòng 3"),
    "kind_not_fitting": ("awards", [["SGDDT", "tap_the", "CSTD_CS", 2025, "1/QĐ", "01/02/2026", "cong_trang", "", ""]], "CSTD_CS không áp dụng cho đối tượng tập thể"),
    "unknown_kind": ("awards", [["CN00001", "ca_nhan", "XYZ", 2025, "1/QĐ", "01/02/2026", "cong_trang", "", ""]], "không có trong danh mục"),
    "formula_start": ("persons", [["CN90001", "=HYPERLINK(\"http://x\")", "nam", "", "Kinh", "SGDDT", "", "khong"]], "ký tự công thức"),
    "formula_at": ("households", [["HO9001", "@SUM(A1)", "", "SGDDT"]], "ký tự công thức"),
    "formula_minus": ("initiatives", [["SK-1", "-2+3", "CN00001", 2025, "co_so", ""]], "ký tự công thức"),
    "bad_choice": ("units", [["X1", "Đơn vị", "bo_nganh", "", "khong"]], "giá trị \"bo_nganh\" không hợp lệ"),
    "unknown_author": ("initiatives", [["SK-1", "Tên", "CN00001;CN99999", 2025, "co_so", ""]], "không tìm thấy cá nhân: CN99999"),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_import_bad_row_refuses_whole_file(case, an):
    kind, bad_rows, fragment = BAD_CASES[case]
    good = {
        "persons": ["CN90009", "Người Tốt", "nu", "01/01/1990", "Kinh", "SGDDT", "", "khong"],
        "ratings": ["SGDDT", "tap_the", 2024, "HTXSNV"],
        "awards": ["CN00001", "ca_nhan", "LDTT", 2024, "9/QĐ", "01/02/2025", "cong_trang", "", ""],
        "households": ["HO9009", "Hộ Tốt", "", "SGDDT"],
        "initiatives": ["SK-9", "Tốt", "CN00001", 2025, "co_so", ""],
        "units": ["X9", "Đơn vị tốt", "khac", "", "khong"],
    }[kind]
    before = table_counts()
    result = run_import(kind, xlsx(headers(kind), [good, *bad_rows]), "bad.xlsx")
    text = assert_refused(result, fragment)
    assert all(ERROR_RE.match(str(e)) for e in result.errors), text
    assert table_counts() == before


def test_import_error_points_at_row_and_column(an):
    rows = [["CN00001", "ca_nhan", 2024, "HTTNV"], ["CN00001", "ca_nhan", "abc", "HTTNV"]]
    result = run_import("ratings", xlsx(headers("ratings"), rows), "r.xlsx")
    assert [str(e) for e in result.errors] == ["dòng 3, cột C: năm \"abc\" không phải là số (ví dụ 2025)."]


def test_import_duplicate_against_database_refused(an, staff, kinds):
    Rating.objects.create(subject_type="individual", person=an, year=2025, grade="HTTNV")
    result = run_import("ratings", xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTXSNV"]]), "r.xlsx")
    assert_refused(result, "đã có xếp loại năm 2025")
    PersonFactory(code="CN90001", unit=an.unit)
    result = run_import("persons", xlsx(headers("persons"), [["CN90001", "A", "nam", "", "", "SGDDT", "", "khong"]]), "p.xlsx")
    assert_refused(result, "đã có trong hệ thống")


def test_import_award_duplicate_against_register_refused(an, staff, kinds):
    from awards.services.register import award_record

    award_record(actor=staff, subject_type="individual", recipient=an, kind=kinds["LDTT"], year=2024,
                 decision_number="1/QĐ", decision_date=D(2025, 1, 10))
    before = table_counts()
    rows = [["CN00001", "ca_nhan", "LDTT", 2024, "2/QĐ", "01/02/2025", "cong_trang", "", ""]]
    assert_refused(run_import("awards", xlsx(headers("awards"), rows), "a.xlsx"), "đã có LDTT năm 2024")
    assert table_counts() == before


def test_import_initiative_used_twice_refused(an, binh):
    Initiative.objects.create(code="SK-01", title="x", year=2025, scope="tinh")
    rows = [["CN00001", "ca_nhan", "CSTD_CS", 2025, "1/QĐ", "20/01/2026", "cong_trang", "", "SK-01"],
            ["CN00002", "ca_nhan", "CSTD_CS", 2025, "1/QĐ", "20/01/2026", "cong_trang", "", "SK-01"]]
    assert_refused(run_import("awards", xlsx(headers("awards"), rows), "a.xlsx"), "dòng 3, cột I: sáng kiến đã được dùng")


def test_import_unit_cycle_refused(province):
    rows = [["A1", "A", "khac", "B1", "khong"], ["B1", "B", "khac", "A1", "khong"]]
    assert_refused(run_import("units", xlsx(headers("units"), rows), "u.xlsx"), "vòng lặp")


# --- headers --------------------------------------------------------------------------------------

def test_import_missing_column_reported(an):
    h = headers("ratings")[:-1]
    result = run_import("ratings", xlsx(h, [["CN00001", "ca_nhan", 2025]]), "r.xlsx")
    assert [str(e) for e in result.errors] == ["dòng 1, cột D: thiếu cột bắt buộc \"Xếp loại\"."]


def test_import_misspelled_column_reported(an):
    h = ["Mã đối tượng", "Loại đối tượng", "Nam", "Xếp loại"]
    result = run_import("ratings", xlsx(h, [["CN00001", "ca_nhan", 2025, "HTTNV"]]), "r.xlsx")
    assert [str(e) for e in result.errors] == ["dòng 1, cột C: tiêu đề \"Nam\" không đúng mẫu; có phải là \"Năm\"?"]


def test_import_duplicated_and_extra_columns_reported(an):
    h = [*headers("ratings"), "Năm", "Ghi chú riêng"]
    result = run_import("ratings", xlsx(h, [["CN00001", "ca_nhan", 2025, "HTTNV", 2025, "x"]]), "r.xlsx")
    text = assert_refused(result, "dòng 1, cột E: cột \"Năm\" bị lặp (đã có ở cột C)", "dòng 1, cột F: cột thừa \"Ghi chú riêng\"")
    assert not Rating.objects.exists(), text


# --- files that are not what they claim -----------------------------------------------------------

@pytest.mark.parametrize("content,name,fragment", [
    (b"%PDF-1.7\n1 0 obj<<>>endobj\n", "ratings.xlsx", "không phải bảng tính Excel"),
    ("Mã đối tượng,Loại đối tượng\n".encode(), "ratings.xlsx", "không phải bảng tính Excel"),
    (b"%PDF-1.7\n\x00\x01binary", "ratings.csv", "không phải văn bản CSV"),
    ("Mã;Năm\n".encode("utf-16"), "ratings.csv", "không phải văn bản CSV"),
    ("Mã đối tượng\n".encode("cp1258", errors="replace") + b"\xff\xfe", "ratings.csv", "không phải mã UTF-8"),
    (b"", "ratings.xlsx", "Tệp rỗng"),
    (b"", "ratings.csv", "Tệp rỗng"),
    (b"PK\x03\x04garbage", "ratings.xlsx", "bị hỏng"),
    (b"data", "ratings.xls", "Chỉ nhận tệp .xlsx hoặc .csv"),
])
def test_import_not_a_spreadsheet_refused(an, content, name, fragment):
    before = table_counts()
    result = run_import("ratings", content, name)
    assert_refused(result, fragment)
    assert table_counts() == before


def test_import_headers_only_refused(an):
    assert_refused(run_import("ratings", xlsx(headers("ratings"), []), "r.xlsx"), "không có dòng dữ liệu")
    assert_refused(run_import("ratings", csv_bytes(headers("ratings"), []), "r.csv"), "không có dòng dữ liệu")


def test_import_xml_entity_expansion_refused(an):
    data = xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]])
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    evil = rewrite_member(data, "xl/worksheets/sheet1.xml", lambda old: bomb + (old.split(b"?>", 1)[1] if old.startswith(b"<?xml") else old))
    before = table_counts()
    assert_refused(run_import("ratings", evil, "r.xlsx"), "DOCTYPE/ENTITY")
    assert table_counts() == before


def test_import_zip_bomb_refused(an):
    data = xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]])
    bomb = add_member(data, "xl/media/padding.bin", b"\0" * (8 * 1024 * 1024))
    assert len(bomb) < 200_000
    assert_refused(run_import("ratings", bomb, "r.xlsx"), "bom nén")
    assert not Rating.objects.exists()


def test_import_too_many_rows_refused(an, monkeypatch):
    from awards.imports import reader

    monkeypatch.setattr(reader, "MAX_ROWS", 2)
    rows = [["CN00001", "ca_nhan", y, "HTTNV"] for y in (2021, 2022, 2023)]
    assert_refused(run_import("ratings", xlsx(headers("ratings"), rows), "r.xlsx"), "quá nhiều dòng")


def test_import_unit_scope_limits_officer(an, binh, province):
    rows = [["CN00001", "ca_nhan", 2025, "HTTNV"], ["CN00002", "ca_nhan", 2025, "HTTNV"]]
    result = run_import("ratings", xlsx(headers("ratings"), rows), "r.xlsx", scope_unit=province["ours"])
    assert_refused(result, "dòng 3, cột A: \"CN00002\" ngoài phạm vi")
    assert_refused(run_import("awards", xlsx(headers("awards"), []), "a.xlsx", scope_unit=province["ours"]), "Chỉ cán bộ Sở Nội vụ")


# --- command line ---------------------------------------------------------------------------------

def test_import_data_command_writes_and_prints_rows(an, tmp_path, capsys):
    path = tmp_path / "r.xlsx"
    path.write_bytes(xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]]))
    call_command("import_data", "ratings", str(path))
    assert "Đã ghi 1 dòng" in capsys.readouterr().out and Rating.objects.count() == 1


def test_import_data_command_exit_1_prints_every_error(an, tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_bytes(csv_bytes(headers("ratings"), [["CN00001", "ca_nhan", "x", "HTTNV"], ["CN77777", "ca_nhan", 2025, "HT"]]))
    with pytest.raises(SystemExit) as exc:
        call_command("import_data", "ratings", str(path))
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "dòng 2, cột C:" in err and "dòng 3, cột A:" in err and "dòng 3, cột D:" in err
    assert not Rating.objects.exists()


def test_import_data_dry_run_writes_nothing(an, tmp_path, capsys):
    path = tmp_path / "r.xlsx"
    path.write_bytes(xlsx(headers("ratings"), [["CN00001", "ca_nhan", 2025, "HTTNV"]]))
    before = table_counts()
    call_command("import_data", "ratings", str(path), "--dry-run")
    assert "1 dòng hợp lệ" in capsys.readouterr().out and table_counts() == before


def test_export_data_round_trips_through_import(an, binh, province, staff, kinds, tmp_path):
    from awards.services.register import award_record

    ini = Initiative.objects.create(code="SK-01", title="x", year=2025, scope="tinh")
    award_record(actor=staff, subject_type="individual", recipient=an, kind=kinds["CSTD_CS"], year=2025,
                 decision_number="15/QĐ-UBND", decision_date=D(2026, 1, 20), initiative=ini)
    award_record(actor=staff, subject_type="collective", recipient=province["ours"], kind=kinds["TTLDTT"], year=2025,
                 decision_number="16/QĐ-UBND", decision_date=D(2026, 1, 20))
    award_record(actor=staff, subject_type="individual", recipient=binh, kind=kinds["LDTT"], year=2024,
                 decision_number="=1+1", decision_date=D(2025, 1, 20))
    out = tmp_path / "awards-2025.xlsx"
    call_command("export_data", "awards", "--year", "2025", "--output", str(out))
    from openpyxl import load_workbook

    rows = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == (*headers("awards"), "Số tiền thưởng") and len(rows) == 3
    assert ("CN00001", "ca_nhan", "CSTD_CS", 2025, "15/QĐ-UBND", "20/01/2026", "cong_trang", None, "SK-01", 2_340_000) in rows
    before = sorted(Award.objects.filter(year=2025).values_list("person__code", "unit__code", "kind__code", "decision_number", "decision_date", "amount", "initiative__code"), key=str)
    Award.objects.filter(year=2025).delete()
    result = run_import("awards", out.read_bytes(), out.name)
    assert result.ok, [str(e) for e in result.errors]
    after = sorted(Award.objects.filter(year=2025).values_list("person__code", "unit__code", "kind__code", "decision_number", "decision_date", "amount", "initiative__code"), key=str)
    assert after == before


def test_export_escapes_formula_starts(binh, staff, kinds, tmp_path):
    from awards.services.register import award_record

    award_record(actor=staff, subject_type="individual", recipient=binh, kind=kinds["LDTT"], year=2024,
                 decision_number="=1+1", decision_date=D(2025, 1, 20))
    out = tmp_path / "a.xlsx"
    call_command("export_data", "awards", "--year", "2024", "--output", str(out))
    from openpyxl import load_workbook

    cell = load_workbook(out).worksheets[0]["E2"]
    assert cell.value == "'=1+1" and cell.data_type == "s"


def test_import_accepts_excel_date_cells_and_semicolon_csv(an):
    import datetime

    rows = [["CN00001", "khien_trach", datetime.datetime(2023, 3, 1), datetime.date(2023, 9, 1)]]
    assert run_import("disciplines", xlsx(headers("disciplines"), rows), "d.xlsx").ok
    text = ";".join(headers("ratings")) + "\nCN00001;ca_nhan;2025;HTTNV\n"
    result = run_import("ratings", text.encode("utf-8"), "r.csv")
    assert result.ok and Rating.objects.get(person=an).year == 2025


def test_import_unknown_campaign_refused(an):
    rows = [["CN00001", "ca_nhan", "LDTT", 2025, "1/QĐ", "01/02/2026", "cong_trang", "PT-KHONGCO", ""]]
    assert_refused(run_import("awards", xlsx(headers("awards"), rows), "a.xlsx"), "dòng 2, cột H: không tìm thấy phong trào \"PT-KHONGCO\"")


def test_import_excel_formula_cell_refused(an):
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(headers("households"))
    ws.append(["HO9001", "=1+1", "", "SGDDT"])
    out = io.BytesIO()
    wb.save(out)
    assert_refused(run_import("households", out.getvalue(), "h.xlsx"), "dòng 2, cột B", "ký tự công thức")
