"""The hostile-input corpus (tests/security/corpus.py) through every form's real view.

For each form × payload: no server error; a rejected value gets a Vietnamese message and writes
nothing; an accepted value is stored NFC with control characters removed, and the page that
shows it renders it escaped. Search boxes must not fail on it; uploads must refuse disguised files.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import BaseForm
from django.urls import reverse
from django.utils.html import escape

from awards.models import Award, Document, Feedback, ImportJob, Initiative, NominationLine
from blocs.models import AgreementSignature, EmulationGroup, GroupYear
from campaigns.models import Campaign, ContentItem, Target
from core.models import ActivityLog
from org.models import Household, Person, Unit
from tests.factories.org import PersonFactory

from .corpus import DISGUISED, NAME, PAYLOADS, Payload
from .world import world  # noqa: F401 - the module-scoped fixture

VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class FormCase:
    id: str
    persona: str
    url: Callable  # world → URL of the POST
    data: Callable  # (world, value) → POST body
    model: type
    attr: str
    max_length: int | None
    show: Callable  # (world, stored object) → URL of the page that shows the value
    get: Callable | None = None  # a form that updates a row: world → that row, re-read


def _max(model, attr):
    return model._meta.get_field(attr).max_length


def _spare_person(w):
    return PersonFactory(code="CN.OURS.9", full_name="Phạm Thị Mai", unit=w.units["sub"])


def _campaign(w):
    return w.objects["campaign"].code


def _gy(w):
    return [w.objects["group"].code, w.objects["gy"].year]


FORMS = [
    FormCase(
        "campaign",
        "staff",
        lambda w: reverse("campaigns:create"),
        lambda w, v: {"code": "PT.MOI", "name": v, "theme": "", "kind": "regular", "scope": "province", "year": "2026",
                      "directive_number": "", "directive_date": "", "directive_signer": "", "start_date": "01/01/2026",
                      "end_date": "31/12/2026", "participation": "all"},
        Campaign,
        "name",
        _max(Campaign, "name"),
        lambda w, o: reverse("campaigns:detail", args=[o.code]),
    ),
    FormCase(
        "initiative",
        "officer",
        lambda w: reverse("awards:evidence-initiative-create", args=[w.objects["person"].code]),
        lambda w, v: {"code": "SK.MOI", "title": v, "year": "2025", "scope": "co_so", "decision_number": "", "co_authors": "",
                      "reason": ""},
        Initiative,
        "title",
        _max(Initiative, "title"),
        lambda w, o: reverse("awards:passport-person", args=[w.objects["person"].code]),
    ),
    FormCase(
        "unit",
        "staff",
        lambda w: reverse("org:unit-create"),
        lambda w, v: {
            "code": "DV.MOI",
            "name": v,
            "kind": "so_nganh",
            "parent": w.units["root"].pk,
            "is_active": "on",
        },
        Unit,
        "name",
        _max(Unit, "name"),
        lambda w, o: reverse("org:unit-detail", args=[o.code]),
    ),
    FormCase(
        "person",
        "officer",
        lambda w: reverse("org:person-create"),
        lambda w, v: {
            "code": "CN.MOI",
            "full_name": v,
            "gender": "nam",
            "birth_date": "01/02/1990",
            "ethnicity": "Kinh",
            "unit": w.units["sub"].pk,
            "position": "Chuyên viên",
            "is_active": "on",
        },
        Person,
        "full_name",
        _max(Person, "full_name"),
        lambda w, o: reverse("org:person-detail", args=[o.code]),
    ),
    FormCase(
        "household",
        "officer",
        lambda w: reverse("org:household-create"),
        lambda w, v: {"code": "HO.MOI", "head_name": v, "address": "Thôn Nà Pồng", "unit": w.units["sub"].pk},
        Household,
        "head_name",
        _max(Household, "head_name"),
        lambda w, o: reverse("org:household-list"),
    ),
    FormCase(
        "campaign-content",
        "staff",
        lambda w: reverse("campaigns:content-add", args=[_campaign(w)]),
        lambda w, v: {"text": v},
        ContentItem,
        "text",
        2000,
        lambda w, o: reverse("campaigns:detail", args=[_campaign(w)]),
    ),
    FormCase(
        "campaign-target",
        "staff",
        lambda w: reverse("campaigns:target-add", args=[_campaign(w)]),
        lambda w, v: {"indicator": v, "measure": "%", "target_value": "5", "higher_is_better": "on"},
        Target,
        "indicator",
        _max(Target, "indicator"),
        lambda w, o: reverse("campaigns:detail", args=[_campaign(w)]),
    ),
    FormCase(
        "dossier",
        "officer",
        lambda w: reverse("awards:dossier-create"),
        lambda w, v: {"title": v, "year": "2026", "commendation_type": "cong_trang"},
        __import__("awards.models", fromlist=["Dossier"]).Dossier,
        "title",
        400,
        lambda w, o: reverse("awards:dossier-detail", args=[o.uuid]),
    ),
    FormCase(
        "dossier-line",
        "officer",
        lambda w: reverse("awards:line-add", args=[w.objects["draft"].uuid]),
        lambda w, v: {"subject": f"p:{_spare_person(w).pk}", "kind": "CSTD_CS", "achievement_summary": v},
        NominationLine,
        "achievement_summary",
        None,
        lambda w, o: reverse("awards:dossier-detail", args=[o.dossier.uuid]),
    ),
    FormCase(
        "public-feedback",
        "anon",
        lambda w: reverse("public-feedback", args=[w.objects["posting_line"].uuid]),
        lambda w, v: {"text": v, "name": "", "contact": ""},
        Feedback,
        "text",
        5000,
        lambda w, o: reverse("awards:dossier-detail", args=[w.objects["done"].uuid]),
    ),
    FormCase(
        "register-revoke",
        "staff",
        lambda w: reverse("awards:register-revoke", args=[w.objects["award"].uuid]),
        lambda w, v: {"decision_number": "55/QĐ-UBND", "date": "01/11/2026", "reason": v},
        Award,
        "revoked_reason",
        2000,
        lambda w, o: reverse("awards:register-detail", args=[o.uuid]),
        get=lambda w: Award.objects.get(pk=w.objects["award"].pk),
    ),
    FormCase(
        "bloc-group",
        "staff",
        lambda w: reverse("blocs:group-create"),
        lambda w, v: {"code": "KHOI.MOI", "name": v, "kind": "bloc", "description": ""},
        EmulationGroup,
        "name",
        _max(EmulationGroup, "name"),
        lambda w, o: reverse("blocs:group-detail", args=[o.code]),
    ),
    FormCase(
        "bloc-agreement",
        "bloc_head",
        lambda w: reverse("blocs:agreement", args=_gy(w)),
        lambda w, v: {"title": v, "signed_on": "01/03/2026"},
        GroupYear,
        "agreement_title",
        300,
        lambda w, o: reverse("blocs:year-detail", args=_gy(w)),
        get=lambda w: GroupYear.objects.get(pk=w.objects["gy"].pk),
    ),
    FormCase(
        "bloc-sign",
        "officer",
        lambda w: reverse("blocs:sign", args=_gy(w)),
        lambda w, v: {"signer_name": v, "signer_position": "Giám đốc"},
        AgreementSignature,
        "signer_name",
        200,
        lambda w, o: reverse("blocs:year-detail", args=_gy(w)),
    ),
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The public feedback form is rate-limited per address in the cache."""
    from django.core.cache import cache

    cache.clear()


FORM_CASES = [(f, p) for f in FORMS for p in PAYLOADS]


def _feedback(response) -> list[str]:
    """Every message and form error the final page shows."""
    texts = []
    for ctx in response.context or []:
        for key, value in ctx.flatten().items() if hasattr(ctx, "flatten") else []:
            if isinstance(value, BaseForm) and value.is_bound:
                texts += [str(e) for errs in value.errors.values() for e in errs]
    if response.context and "messages" in response.context:
        texts += [str(m) for m in response.context["messages"]]
    return texts


def _rows(case: FormCase, w):
    if case.get is not None:
        return getattr(case.get(w), case.attr) or None
    return case.model._default_manager.count()


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "payload"), FORM_CASES, ids=[f"{f.id}-{p.id}" for f, p in FORM_CASES])
def test_form_takes_hostile_input_safely(world, client_for, case: FormCase, payload: Payload):  # noqa: F811
    client = client_for(world.users.get(case.persona))
    url, data = case.url(world), case.data(world, payload.value)
    before, audit = _rows(case, world), ActivityLog.objects.count()

    response = client.post(url, data, follow=True)

    assert response.status_code < 500
    after = _rows(case, world)
    accepted = after != before
    expect = payload.expect
    if expect == "overlong":
        expect = "reject" if case.max_length else "accept"
    if expect == "either":
        expect = "accept" if accepted else "reject"
    if expect == "reject":
        assert not accepted, f"{case.id} đã lưu giá trị lẽ ra bị từ chối: {payload.value!r}"
        assert ActivityLog.objects.count() == audit
        shown = _feedback(response)
        assert shown, "không có thông báo lỗi"
        assert any(VIETNAMESE.search(t) for t in shown), shown
        assert not any("This field" in t or "Ensure this" in t for t in shown), shown
        return
    assert accepted, (case.id, payload.id, _feedback(response))
    obj = case.get(world) if case.get else case.model._default_manager.order_by("-pk").first()
    stored = getattr(obj, case.attr)
    assert stored == (payload.stored if payload.stored is not None else payload.value.strip())
    assert unicodedata.is_normalized("NFC", stored)
    assert not CONTROL.search(stored), repr(stored)
    if "<" in stored:
        page = client_for(world.users["staff"]).get(case.show(world, obj)).content.decode()
        assert stored not in page
        assert escape(stored) in page


# --- uploads: a file that is not what its name claims is refused, with a message, and not kept ---

UPLOADS = [
    (
        "dossier-document",
        "officer",
        lambda w: reverse("awards:document-upload", args=[w.objects["draft"].uuid]),
        lambda f: {"doc_type": "to_trinh", "file": f},
        Document,
    ),
    (
        "bloc-agreement-file",
        "bloc_head",
        lambda w: reverse("blocs:agreement", args=_gy(w)),
        lambda f: {"title": "Giao ước thi đua 2026", "document": f},
        None,
    ),
    (
        "import-upload",
        "officer",
        lambda w: reverse("awards:import-start"),
        lambda f: {"kind": "persons", "file": f},
        None,
    ),
]
UPLOAD_CASES = [(u, d) for u in UPLOADS for d in DISGUISED]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "disguised"), UPLOAD_CASES, ids=[f"{u[0]}-{d[0]}" for u, d in UPLOAD_CASES]
)
def test_upload_refuses_disguised_file(world, client_for, upload, disguised):  # noqa: F811
    name, persona, url, data, model = upload
    file_id, file_name, content = disguised
    client = client_for(world.users[persona])
    documents, jobs = Document.objects.count(), ImportJob.objects.count()
    agreement = GroupYear.objects.get(pk=world.objects["gy"].pk).agreement_file.name

    response = client.post(url(world), data(SimpleUploadedFile(file_name, content)), follow=True)

    assert response.status_code < 500
    assert Document.objects.count() == documents
    assert GroupYear.objects.get(pk=world.objects["gy"].pk).agreement_file.name == agreement
    if ImportJob.objects.count() != jobs:
        # A refused import is remembered as an INVALID job with the reason; the file is not kept.
        job = ImportJob.objects.order_by("-pk").first()
        assert name == "import-upload" and ImportJob.objects.count() == jobs + 1
        assert job.status == "invalid" and not job.stored_name
        shown = [e["message"] for e in job.errors]
    else:
        shown = _feedback(response)
    assert shown and any(VIETNAMESE.search(t) for t in shown), shown


# --- search boxes: hostile terms never fail and come back escaped; NFD finds NFC ---

SEARCHES = [
    ("person-list", "officer", lambda w: reverse("org:person-list"), "q"),
    ("unit-list", "staff", lambda w: reverse("org:unit-list"), "q"),
    ("household-list", "officer", lambda w: reverse("org:household-list"), "q"),
    ("register-search", "staff", lambda w: reverse("awards:register-search"), "q"),
    ("dossier-list", "officer", lambda w: reverse("awards:dossier-list"), "q"),
    (
        "nominee-search",
        "officer",
        lambda w: reverse("awards:nominee-search", args=[w.objects["draft"].uuid]),
        "tim",
    ),
]
SEARCH_PAYLOADS = [
    p
    for p in PAYLOADS
    if p.id in {"script", "img-onerror", "sql-drop", "sql-or", "overlong", "control", "null-byte"}
]
SEARCH_CASES = [(s, p) for s in SEARCHES for p in SEARCH_PAYLOADS]


@pytest.mark.django_db
@pytest.mark.parametrize(("search", "payload"), SEARCH_CASES, ids=[f"{s[0]}-{p.id}" for s, p in SEARCH_CASES])
def test_search_takes_hostile_terms(world, client_for, search, payload):  # noqa: F811
    _name, persona, url, param = search

    response = client_for(world.users[persona]).get(url(world), {param: payload.value})

    assert response.status_code == 200
    page = response.content.decode()
    if "<" in payload.value:
        assert payload.value not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "term",
    [NAME, unicodedata.normalize("NFD", NAME), "nguyen van an", "NGUYỄN VĂN"],
    ids=["nfc", "nfd", "unaccented", "upper"],
)
def test_person_typed_in_nfd_is_stored_nfc_and_found_in_either_form(world, client_for, term):  # noqa: F811
    client = client_for(world.users["officer"])
    client.post(
        reverse("org:person-create"),
        {
            "code": "CN.NFD",
            "full_name": unicodedata.normalize("NFD", NAME),
            "gender": "nam",
            "ethnicity": "Kinh",
            "unit": world.units["sub"].pk,
            "position": "Chuyên viên",
            "is_active": "on",
        },
    )
    assert Person.objects.get(code="CN.NFD").full_name == NAME

    response = client.get(reverse("org:person-list"), {"q": term})

    assert [p.code for p in response.context["page"].object_list] == ["CN.NFD"]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS, ids=[p.id for p in PAYLOADS])
def test_login_form_takes_hostile_input(world, client_for, payload):  # noqa: F811
    response = client_for(None).post(
        reverse("accounts:login"), {"username": payload.value, "password": payload.value}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in response.client.session
    assert payload.value not in response.content.decode() or "<" not in payload.value


# --- the import_data command and the import kinds: the person's name column ---

IMPORT_EXPECT = {"formula": "reject", "overlong": "reject", "null-byte": "accept"}


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("payload", PAYLOADS, ids=[p.id for p in PAYLOADS])
def test_import_data_takes_hostile_names(world, tmp_path, capsys, payload, fmt):  # noqa: F811
    from django.core.management import call_command
    from openpyxl.utils.exceptions import IllegalCharacterError

    from awards.imports.kinds import SPECS
    from tests.history.files import csv_bytes, xlsx

    value = payload.value.replace("\x00", "") if fmt == "xlsx" else payload.value  # XLSX cannot hold NUL
    row = {
        "Mã cá nhân": "CN.NHAP",
        "Họ và tên": value,
        "Giới tính": "nam",
        "Ngày sinh": "01/02/1990",
        "Dân tộc": "Kinh",
        "Mã đơn vị": world.units["sub"].code,
        "Chức vụ": "Chuyên viên",
        "Lãnh đạo quản lý": "khong",
    }
    headers = list(SPECS["persons"].headers)
    path = tmp_path / f"ca-nhan.{fmt}"
    build = csv_bytes if fmt == "csv" else xlsx
    try:
        path.write_bytes(build(headers, [[row.get(h, "") for h in headers]]))
    except (ValueError, IllegalCharacterError):  # openpyxl refuses control characters in a cell
        pytest.skip("openpyxl không ghi được ký tự điều khiển này vào ô")
    before = Person.objects.count()
    expect = IMPORT_EXPECT.get(payload.id, payload.expect)
    if payload.id == "null-byte" and fmt == "csv":
        expect = "reject"  # a NUL byte marks a binary file: the whole file is refused as not a CSV

    if expect == "reject":
        with pytest.raises(SystemExit) as exc:
            call_command("import_data", "persons", str(path))
        assert exc.value.code == 1
        err = capsys.readouterr().err
        assert VIETNAMESE.search(err), err
        assert "dòng 2, cột B" in err or payload.id == "null-byte", err
        assert Person.objects.count() == before
        return
    call_command("import_data", "persons", str(path))
    stored = Person.objects.get(code="CN.NHAP").full_name
    assert stored == (payload.stored if payload.stored is not None else payload.value.strip())
    assert unicodedata.is_normalized("NFC", stored) and not CONTROL.search(stored)


def test_lockout_username_is_cleaned_and_fits_the_axes_column():
    from accounts.lockout import lockout_username

    assert lockout_username(None, {"username": "Â" * 5001}) == "Â" * 150
    assert lockout_username(None, {"username": "canbo\x00\u202e"}) == "canbo"
    assert lockout_username(None, {}) is None


def test_search_terms_drop_control_characters():
    from core.text import search_terms

    assert search_terms("Nguyễn\x00 Văn\u202e") == ["nguyen", "van"]
