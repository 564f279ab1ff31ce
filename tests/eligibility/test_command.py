import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories.evidence import AwardFactory, RatingFactory
from tests.factories.org import PersonFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("eligibility", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def people(province):
    an = PersonFactory(code="AN01", unit=province["sub"])
    RatingFactory(person=an, year=2026, grade="HTXSNV")
    xa = PersonFactory(code="XA01", unit=province["other"])
    RatingFactory(person=xa, year=2026, grade="HTNV")
    AwardFactory(person=an, kind="LDTT", year=2026)
    RatingFactory(subject_type="collective", person=None, unit=province["sub"], year=2026, grade="HTTNV")
    return {"an": an, "xa": xa}


def test_command_json_lists_every_person_and_collective_for_every_kind(people, province):
    data = json.loads(run("--year", "2026", "--format", "json"))
    individuals = [x for x in data if x["subject_type"] == "individual"]
    collectives = [x for x in data if x["subject_type"] == "collective"]
    assert len(individuals) == 2 * 7  # LDTT, CSTD_CS, BK_TINH, CSTD_TINH, BK_TTG, HC_LD_3, CSTD_TQ
    assert len(collectives) == 4 * 5  # four units × TTLDTT, TTLDXS, BK_TINH, CO_TINH, BK_TTG
    item = next(x for x in data if x["subject_code"] == "AN01" and x["award"] == "CSTD_CS")
    assert set(item) == {"subject_type", "subject_code", "award", "year", "eligible", "reasons"}
    assert item["year"] == 2026 and item["eligible"] is True
    assert set(item["reasons"][0]) == {"rule", "passed", "detail"}
    ttldtt = next(x for x in data if x["subject_code"] == "SGDDT.VP" and x["award"] == "TTLDTT")
    assert ttldtt["eligible"] is True  # its one member holds LĐTT


def test_command_filters_by_award_unit_and_person(people):
    data = json.loads(run("--year", "2026", "--award", "LDTT", "--award", "TTLDTT", "--unit", "SGDDT"))
    assert {(x["subject_code"], x["award"]) for x in data} == {("AN01", "LDTT"), ("SGDDT", "TTLDTT"), ("SGDDT.VP", "TTLDTT")}
    data = json.loads(run("--year", "2026", "--person", "XA01", "--award", "LDTT"))
    assert data == [{"subject_type": "individual", "subject_code": "XA01", "award": "LDTT", "year": 2026, "eligible": False,
                     "reasons": data[0]["reasons"]}]
    assert any(not r["passed"] and "HTNV" in r["detail"] for r in data[0]["reasons"])


def test_command_table_format(people):
    out = run("--year", "2026", "--award", "LDTT", "--format", "table")
    assert "AN01" in out and "XA01" in out and "không" in out


@pytest.mark.parametrize("args, message", [
    (["--award", "XYZ"], "XYZ"), (["--unit", "NOPE"], "NOPE"), (["--person", "NOPE"], "NOPE"),
])
def test_command_rejects_unknown_codes(people, args, message):
    with pytest.raises(CommandError, match=message):
        run("--year", "2026", *args)
