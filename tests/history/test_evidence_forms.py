"""Evidence pages opened from the award history: a year's rating (person and collective), a
discipline or pending hold, an initiative; personas, Vietnamese validation, the audit row, and the
eligibility pages seeing the change at once."""

import re
import unicodedata

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Discipline, Initiative, Rating
from core.models import ActivityLog
from tests.factories.evidence import DisciplineFactory, InitiativeFactory, RatingFactory
from tests.factories.org import PersonFactory
from tests.history.conftest import D

pytestmark = pytest.mark.django_db

WRITERS = ["staff", "officer"]
# unit head, council member and viewer may read (or not) but never write; the other unit's
# officer does not see the person at all; anonymous users are sent to the login page
REFUSED = [("head", 403), ("council_member", 403), ("viewer", 403), ("other_officer", 404), (None, 302)]


def _user(request, persona):
    return request.getfixturevalue(persona) if persona else None


def _ldtt_verdict(body: str) -> str:
    found = re.search(r"<code>LDTT</code> – (chưa đủ điều kiện|đủ điều kiện)", body)
    assert found, "no LĐTT verdict on the page"
    return found.group(1)


@pytest.fixture
def hold(an):
    return DisciplineFactory(person=an, form="dang_xem_xet", start_date=D(2025, 2, 1), end_date=None)


@pytest.fixture
def initiative(an):
    return InitiativeFactory(
        code="SK-AN", title="Sổ điểm điện tử", year=2025, scope="co_so", decision_number="3/QĐ", authors=[an]
    )


def _urls(an, hold, initiative, province):
    """(name, GET url, valid POST data) for every evidence page."""
    return {
        "rating-person": (
            reverse("awards:evidence-rating-person", args=[an.code]),
            {"year": "2026", "grade": "HTXSNV", "reason": "Sửa theo hồ sơ bị trả lại"},
        ),
        "rating-unit": (
            reverse("awards:evidence-rating-unit", args=[province["sub"].code]),
            {"year": "2026", "grade": "HTTNV", "reason": "Bổ sung"},
        ),
        "discipline-create": (
            reverse("awards:evidence-discipline-create", args=[an.code]),
            {
                "form": "khien_trach",
                "start_date": "01/03/2024",
                "end_date": "01/03/2025",
                "decision_number": "5/QĐ",
            },
        ),
        "discipline-edit": (
            reverse("awards:evidence-discipline-edit", args=[an.code, hold.pk]),
            {
                "form": "dang_xem_xet",
                "start_date": "01/02/2025",
                "end_date": "30/06/2025",
                "reason": "Đã có kết luận",
            },
        ),
        "initiative-create": (
            reverse("awards:evidence-initiative-create", args=[an.code]),
            {
                "code": "SK-MOI",
                "title": "Phần mềm xếp lịch",
                "year": "2026",
                "scope": "tinh",
                "co_authors": "",
            },
        ),
        "initiative-edit": (
            reverse("awards:evidence-initiative-edit", args=[an.code, initiative.code]),
            {
                "title": "Sổ điểm điện tử (bản 2)",
                "year": "2025",
                "scope": "tinh",
                "co_authors": "",
                "reason": "Sai phạm vi",
            },
        ),
    }


PAGES = [
    "rating-person",
    "rating-unit",
    "discipline-create",
    "discipline-edit",
    "initiative-create",
    "initiative-edit",
]


@pytest.mark.parametrize("persona", WRITERS)
@pytest.mark.parametrize("page", PAGES)
def test_evidence_page_works_for_writers(request, client_for, an, hold, initiative, province, persona, page):
    url, data = _urls(an, hold, initiative, province)[page]
    c = client_for(_user(request, persona))
    logs_before = ActivityLog.objects.count()

    form_page = c.get(url)
    response = c.post(url, data, follow=True)

    assert form_page.status_code == 200 and 'name="csrfmiddlewaretoken"' in form_page.content.decode()
    back = reverse(
        "awards:passport-unit" if page == "rating-unit" else "awards:passport-person",
        args=[province["sub"].code if page == "rating-unit" else an.code],
    )
    assert response.redirect_chain == [(back, 302)]
    assert 'class="alert alert-success"' in response.content.decode()
    assert ActivityLog.objects.count() > logs_before


@pytest.mark.parametrize("persona,status", REFUSED)
@pytest.mark.parametrize("page", PAGES)
def test_evidence_page_refused_to_others(
    request, client_for, an, hold, initiative, province, persona, status, page
):
    url, data = _urls(an, hold, initiative, province)[page]
    c = client_for(_user(request, persona))
    logs_before = ActivityLog.objects.count()

    got, posted = c.get(url), c.post(url, data)

    assert got.status_code == status and posted.status_code == status
    if status == 302:
        assert posted.url.startswith(reverse("accounts:login"))
    assert ActivityLog.objects.count() == logs_before
    assert not Rating.objects.exists() and Discipline.objects.count() == 1 and Initiative.objects.count() == 1
    assert Discipline.objects.get().end_date is None and Initiative.objects.get().scope == "co_so"


def test_passport_shows_edit_buttons_only_to_writers(
    client_for, staff, officer, head, viewer, an, hold, initiative
):
    create_url = reverse("awards:evidence-rating-person", args=[an.code])
    edit_url = reverse("awards:evidence-discipline-edit", args=[an.code, hold.pk])
    passport = reverse("awards:passport-person", args=[an.code])
    for user in (staff, officer):
        body = client_for(user).get(passport).content.decode()
        assert create_url in body and edit_url in body
        assert reverse("awards:evidence-initiative-edit", args=[an.code, initiative.code]) in body
    for user in (head, viewer):
        body = client_for(user).get(passport).content.decode()
        assert "Nguyễn Văn An" in body and create_url not in body and edit_url not in body


def test_unit_passport_shows_rating_button_to_its_officer(client_for, officer, head, province):
    url = reverse("awards:evidence-rating-unit", args=["SGDDT.VP"])
    assert url in client_for(officer).get(reverse("awards:passport-unit", args=["SGDDT.VP"])).content.decode()
    assert (
        url not in client_for(head).get(reverse("awards:passport-unit", args=["SGDDT.VP"])).content.decode()
    )


# ---- ratings ---------------------------------------------------------------------------------


def test_rating_changes_grade_of_existing_year_with_audit(client_for, officer, an):
    rating = RatingFactory(person=an, year=2025, grade="HTNV")
    url = reverse("awards:evidence-rating-person", args=[an.code])

    form_page = client_for(officer).get(url, {"nam": "2025"}).content.decode()
    client_for(officer).post(url, {"year": "2025", "grade": "HTTNV", "reason": "Kết quả\x07 đánh giá lại"})

    assert 'value="HTNV" selected' in form_page  # the form opens on the year's current grade
    rating.refresh_from_db()
    assert rating.grade == "HTTNV" and Rating.objects.filter(person=an).count() == 1
    log = ActivityLog.objects.for_object(rating).get(action="awards.rating.update")
    assert log.actor == officer and log.reason == "Kết quả đánh giá lại"
    assert log.before == {"grade": "HTNV"} and log.after == {"grade": "HTTNV"}


def test_rating_change_is_in_the_history_panel(client_for, staff, an):
    client_for(staff).post(
        reverse("awards:evidence-rating-person", args=[an.code]),
        {"year": "2024", "grade": "HTXSNV", "reason": "Nhập bổ sung năm 2024"},
    )
    body = client_for(staff).get(reverse("awards:passport-person", args=[an.code])).content.decode()
    history = body[body.index("Lịch sử thay đổi") :]
    assert "awards.rating.create" in history and "Nhập bổ sung năm 2024" in history


@pytest.mark.parametrize(
    "data,message",
    [
        ({"year": "1989", "grade": "HTTNV", "reason": "x"}, "Năm phải trong khoảng 1990–"),
        (
            {"year": str(timezone.localdate().year + 2), "grade": "HTTNV", "reason": "x"},
            "Năm phải trong khoảng 1990–",
        ),
        ({"year": "2025", "grade": "HTTNV", "reason": "  \x07 "}, "Hãy ghi lý do của thay đổi."),
        ({"year": "2025", "grade": "XUAT_SAC", "reason": "x"}, "Xếp loại không hợp lệ."),
        ({"year": "hai nghìn", "grade": "HTTNV", "reason": "x"}, "Năm phải là một số."),
    ],
)
def test_rating_invalid_input_shows_message_and_changes_nothing(client_for, officer, an, data, message):
    response = client_for(officer).post(reverse("awards:evidence-rating-person", args=[an.code]), data)

    assert response.status_code == 400 and message in response.content.decode()
    assert (
        not Rating.objects.exists()
        and not ActivityLog.objects.filter(action__startswith="awards.rating").exists()
    )


def test_collective_rating_is_recorded_for_the_unit(client_for, officer, province):
    client_for(officer).post(
        reverse("awards:evidence-rating-unit", args=["SGDDT.VP"]),
        {"year": "2026", "grade": "HTXSNV", "reason": "Bổ sung"},
    )
    rating = Rating.objects.get()
    assert rating.unit == province["sub"] and rating.person is None and rating.subject_type == "collective"
    assert ActivityLog.objects.for_object(rating).get().action == "awards.rating.create"


def test_collective_rating_of_another_unit_is_404_for_officer(client_for, officer, province):
    url = reverse("awards:evidence-rating-unit", args=["SYT"])
    assert (
        client_for(officer).post(url, {"year": "2026", "grade": "HTXSNV", "reason": "x"}).status_code == 404
    )
    assert not Rating.objects.exists()


def test_rating_change_shows_on_person_eligibility_page(client_for, officer, an):
    RatingFactory(person=an, year=2026, grade="HTNV")
    c = client_for(officer)
    url = reverse("awards:eligibility-person", args=[an.code]) + "?nam=2026"
    assert _ldtt_verdict(c.get(url).content.decode()) == "chưa đủ điều kiện"

    c.post(
        reverse("awards:evidence-rating-person", args=[an.code]),
        {"year": "2026", "grade": "HTTNV", "reason": "Sửa"},
    )

    assert _ldtt_verdict(c.get(url).content.decode()) == "đủ điều kiện"


def test_rating_change_shows_on_cached_unit_eligibility_page(client_for, staff, an, province):
    RatingFactory(person=an, year=2026, grade="HTNV")
    RatingFactory(
        person=PersonFactory(full_name="Lê Thị Cúc", unit=province["ours"]), year=2026, grade="HTTNV"
    )
    c = client_for(staff)
    url = reverse("awards:eligibility-unit", args=["SGDDT"]) + "?nam=2026"
    first = c.get(url).content.decode()
    assert "Lê Thị Cúc" in first and "Nguyễn Văn An" not in first
    assert "Nguyễn Văn An" not in c.get(url).content.decode()  # second visit: from the cache

    c.post(
        reverse("awards:evidence-rating-person", args=[an.code]),
        {"year": "2026", "grade": "HTTNV", "reason": "Sửa"},
    )

    assert "Nguyễn Văn An" in c.get(url).content.decode()


# ---- disciplines and holds -------------------------------------------------------------------


def test_discipline_create_records_dates_and_cleans_text(client_for, officer, an):
    response = client_for(officer).post(
        reverse("awards:evidence-discipline-create", args=[an.code]),
        {
            "form": "dang_xem_xet",
            "start_date": "15/04/2026",
            "end_date": "",
            "decision_number": " 12/QĐ\x07-UBND ",
            "note": "Đang thanh tra",
            "reason": "Theo công văn 3",
        },
    )

    assert response.status_code == 302
    d = Discipline.objects.get(person=an)
    assert d.start_date == D(2026, 4, 15) and d.end_date is None and d.decision_number == "12/QĐ-UBND"
    log = ActivityLog.objects.for_object(d).get()
    assert (
        log.action == "awards.discipline.create" and log.actor == officer and log.reason == "Theo công văn 3"
    )


def test_discipline_edit_form_shows_dates_dd_mm_yyyy_and_its_history(client_for, officer, an, hold):
    body = (
        client_for(officer)
        .get(reverse("awards:evidence-discipline-edit", args=[an.code, hold.pk]))
        .content.decode()
    )
    assert 'value="01/02/2025"' in body and "Lịch sử thay đổi" in body


def test_discipline_edit_sets_end_of_hold_and_shows_on_eligibility(client_for, officer, an, hold):
    RatingFactory(person=an, year=2026, grade="HTTNV")
    c = client_for(officer)
    elig = reverse("awards:eligibility-person", args=[an.code]) + "?nam=2026"
    assert _ldtt_verdict(c.get(elig).content.decode()) == "chưa đủ điều kiện"  # the pending hold blocks

    response = c.post(
        reverse("awards:evidence-discipline-edit", args=[an.code, hold.pk]),
        {
            "form": "dang_xem_xet",
            "start_date": "01/02/2025",
            "end_date": "30/06/2025",
            "reason": "Kết luận không vi phạm",
        },
    )

    assert response.status_code == 302
    hold.refresh_from_db()
    assert hold.end_date == D(2025, 6, 30)
    log = ActivityLog.objects.for_object(hold).get(action="awards.discipline.update")
    assert log.before == {"end_date": None} and log.after == {"end_date": "2025-06-30"}
    assert _ldtt_verdict(c.get(elig).content.decode()) == "đủ điều kiện"


@pytest.mark.parametrize(
    "data,message",
    [
        (
            {"form": "canh_cao", "start_date": "01/05/2026", "end_date": "01/04/2026", "reason": "x"},
            "&quot;Đến ngày&quot; không được trước &quot;Từ ngày&quot;.",
        ),
        (
            {"form": "canh_cao", "start_date": "31/02/2026", "end_date": "", "reason": "x"},
            "Ngày không hợp lệ (dd/mm/yyyy).",
        ),
        (
            {"form": "canh_cao", "start_date": "01/02/2026", "end_date": "", "reason": ""},
            "Hãy ghi lý do của thay đổi.",
        ),
    ],
)
def test_discipline_edit_invalid_changes_nothing(client_for, officer, an, hold, data, message):
    response = client_for(officer).post(
        reverse("awards:evidence-discipline-edit", args=[an.code, hold.pk]), data
    )

    assert response.status_code == 400 and message in response.content.decode()
    hold.refresh_from_db()
    assert hold.form == "dang_xem_xet" and hold.end_date is None
    assert not ActivityLog.objects.filter(action="awards.discipline.update").exists()


def test_discipline_of_another_person_is_404(client_for, officer, an, province):
    other = DisciplineFactory(person=PersonFactory(unit=province["ours"]))
    assert (
        client_for(officer)
        .get(reverse("awards:evidence-discipline-edit", args=[an.code, other.pk]))
        .status_code
        == 404
    )


# ---- initiatives -----------------------------------------------------------------------------


def test_initiative_create_with_co_authors(client_for, officer, an, province):
    cuc = PersonFactory(code="CN00003", unit=province["ours"])
    response = client_for(officer).post(
        reverse("awards:evidence-initiative-create", args=[an.code]),
        {
            "code": "SK-2026-01",
            "title": unicodedata.normalize("NFD", " Phần mềm  xếp\x07 lịch "),
            "year": "2026",
            "scope": "tinh",
            "decision_number": "7/QĐ-SGDĐT",
            "co_authors": "CN00003; CN00001",
        },
    )

    assert response.status_code == 302
    ini = Initiative.objects.get(code="SK-2026-01")
    assert ini.title == "Phần mềm xếp lịch"  # NFC, control characters and extra spaces removed
    assert set(ini.authors.all()) == {an, cuc}
    assert set(ActivityLog.objects.for_object(ini).values_list("action", flat=True)) == {
        "awards.initiative.create",
        "awards.initiative.authors",
    }


@pytest.mark.parametrize(
    "data,message",
    [
        ({"code": "SK-AN"}, "Mã sáng kiến SK-AN đã có."),
        ({"co_authors": "CN99999"}, "Không có cá nhân mã CN99999 trong phạm vi của bạn."),
        (
            {"co_authors": "CN00002"},
            "Không có cá nhân mã CN00002 trong phạm vi của bạn.",
        ),  # Bình, another unit
        ({"year": "1980"}, "Năm phải trong khoảng 1990–"),
        ({"title": " \x07 "}, "Hãy nhập tên sáng kiến."),
        ({"code": "SK MỚI"}, "Mã chỉ gồm chữ không dấu"),
    ],
)
def test_initiative_create_invalid_changes_nothing(client_for, officer, an, binh, initiative, data, message):
    valid = {"code": "SK-MOI", "title": "Phần mềm", "year": "2026", "scope": "tinh", "co_authors": ""}
    response = client_for(officer).post(
        reverse("awards:evidence-initiative-create", args=[an.code]), {**valid, **data}
    )

    assert response.status_code == 400 and message in response.content.decode()
    assert list(Initiative.objects.values_list("code", flat=True)) == ["SK-AN"]
    assert not ActivityLog.objects.filter(action__startswith="awards.initiative").exists()


def test_staff_may_name_co_authors_anywhere(client_for, staff, an, binh):
    client_for(staff).post(
        reverse("awards:evidence-initiative-create", args=[an.code]),
        {"code": "SK-LIEN", "title": "Liên ngành", "year": "2026", "scope": "tinh", "co_authors": binh.code},
    )
    assert set(Initiative.objects.get(code="SK-LIEN").authors.all()) == {an, binh}


def test_initiative_edit_changes_fields_and_authors_with_audit(client_for, officer, an, initiative, province):
    cuc = PersonFactory(code="CN00003", unit=province["sub"])
    url = reverse("awards:evidence-initiative-edit", args=[an.code, initiative.code])

    response = client_for(officer).post(
        url,
        {
            "title": "Sổ điểm điện tử",
            "year": "2025",
            "scope": "tinh",
            "decision_number": "3/QĐ",
            "co_authors": "CN00003",
            "reason": "Sai phạm vi",
        },
    )

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (
        initiative.scope == "tinh"
        and initiative.code == "SK-AN"
        and set(initiative.authors.all()) == {an, cuc}
    )
    update = ActivityLog.objects.for_object(initiative).get(action="awards.initiative.update")
    assert (
        update.before == {"scope": "co_so"}
        and update.after == {"scope": "tinh"}
        and update.reason == "Sai phạm vi"
    )
    authors = ActivityLog.objects.for_object(initiative).get(action="awards.initiative.authors")
    assert authors.before == {"authors": ["CN00001"]} and authors.after == {"authors": ["CN00001", "CN00003"]}


def test_initiative_edit_requires_reason(client_for, officer, an, initiative):
    url = reverse("awards:evidence-initiative-edit", args=[an.code, initiative.code])
    response = client_for(officer).post(url, {"title": "Khác", "year": "2025", "scope": "tinh", "reason": ""})
    assert response.status_code == 400 and "Hãy ghi lý do của thay đổi." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.title == "Sổ điểm điện tử" and initiative.scope == "co_so"


def test_initiative_not_authored_by_the_person_is_404(client_for, officer, an, province):
    other = InitiativeFactory(code="SK-KHAC", authors=[PersonFactory(unit=province["ours"])])
    assert (
        client_for(officer)
        .get(reverse("awards:evidence-initiative-edit", args=[an.code, other.code]))
        .status_code
        == 404
    )


def test_officer_cannot_edit_initiative_with_co_author_outside_their_unit(client_for, officer, an, binh):
    shared = InitiativeFactory(code="SK-CHUNG", scope="co_so", authors=[an, binh])
    url = reverse("awards:evidence-initiative-edit", args=[an.code, shared.code])
    response = client_for(officer).post(
        url, {"title": "Đổi tên", "year": "2026", "scope": "tinh", "co_authors": "", "reason": "x"}
    )
    assert response.status_code == 403
    shared.refresh_from_db()
    assert shared.scope == "co_so" and set(shared.authors.all()) == {an, binh}


def test_saving_without_a_change_says_so_and_logs_nothing(client_for, officer, an, hold, initiative, province):
    RatingFactory(person=an, year=2025, grade="HTNV")
    c = client_for(officer)
    before = ActivityLog.objects.count()

    rating = c.post(reverse("awards:evidence-rating-person", args=[an.code]),
                    {"year": "2025", "grade": "HTNV", "reason": "xem lại"}, follow=True).content.decode()
    hold_page = c.post(reverse("awards:evidence-discipline-edit", args=[an.code, hold.pk]),
                       {"form": "dang_xem_xet", "start_date": "01/02/2025", "end_date": "", "decision_number": "",
                        "note": "", "reason": "xem lại"}, follow=True).content.decode()
    same = {"title": "Sổ điểm điện tử", "year": "2025", "scope": "co_so", "decision_number": "3/QĐ", "co_authors": "",
            "reason": "xem lại"}
    ini = c.post(reverse("awards:evidence-initiative-edit", args=[an.code, initiative.code]), same, follow=True).content.decode()

    assert "đã là HTNV; không có gì thay đổi" in rating
    assert "Không có thay đổi nào để lưu." in hold_page and "Không có thay đổi nào để lưu." in ini
    assert ActivityLog.objects.count() == before

    # Removing a co-author is a change, even though the other fields are as stored.
    binh = PersonFactory(code="CN00009", unit=province["sub"])
    initiative.authors.add(binh)
    page = c.post(reverse("awards:evidence-initiative-edit", args=[an.code, initiative.code]), same, follow=True).content.decode()
    assert "Không có thay đổi nào để lưu." not in page
    assert set(initiative.authors.all()) == {an}
