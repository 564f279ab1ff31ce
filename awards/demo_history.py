"""Demo history for ``seed_demo --scale small``: ratings, initiatives, disciplines and awards
2019–2026, shaped so that for **2026** each title has people who qualify and people who do not.

Person codes come from ``org/demo.py`` (CN numbers follow its unit order). Cases for 2026:

=========  ========================  =================================================================
code       title                     case
=========  ========================  =================================================================
CN00040    (Nguyễn Văn An)           rich history: LDTT 2019/2021/2023, CSTD_CS 2019-2020, 2022 (used
                                     initiative), 2024-2026, BK_TINH 2020, a revoked GK 2021, a
                                     provincial initiative 2025 unused. ELIGIBLE for CSTD_TINH (3 CSTD_CS
                                     2024-2026 + provincial initiative), BK_TTG (BK_TINH 2020, all good
                                     years since, 4 CSTD_CS), BK_TINH (CSTD_CS 2025 and 2026) and LDTT.
CN00041    LDTT yes / CSTD_CS no     HTTNV 2026, no initiative
CN00042    LDTT no                   HTNV 2026
CN00043    LDTT no                   HTTNV 2026 but khiển trách 01/03/2026–01/09/2026
CN00044    LDTT no                   HTXSNV 2026 but pending hold (đang xem xét) since 01/10/2026
CN00045    CSTD_CS yes               HTXSNV 2026
CN00046    CSTD_CS yes               HTTNV 2026 + unused grassroots initiative of 2026
CN00047    CSTD_TINH no / BK_TINH yes  CSTD_CS 2024-2026 but only a grassroots initiative
CN00048    CSTD_TINH no / BK_TINH no   CSTD_CS 2024 and 2026, not 2025 (HTTNV 2025)
CN00049    BK_TINH yes (route 2)     HTXSNV 2025 and 2026 + 2 unused grassroots initiatives, no CSTD_CS
CN00052    BK_TINH no                HTXSNV 2025, HTTNV 2026, one initiative
CN00053    BK_TINH no                CSTD_CS 2025-2026 but BK_TINH already given for 2025
CN00054    BK_TTG no                 BK_TINH 2023: fewer than 5 years since
CN00055    BK_TTG no                 BK_TINH 2019 but HTNV in 2023
CN00056    HC_LD_3 yes               BK_TTG 2020, good years 2021-2026 (HTXSNV 2024), CSTD_CS 2021/2023/2025
CN00057    HC_LD_3 no                BK_TTG 2020 but only 2 CSTD_CS since (2022, 2024)
CN00058    HC_LD_3 no                BK_TTG 2023: too recent
=========  ========================  =================================================================

Collectives (TTLDTT 2026): ``SNV.TDKT`` yes (HTTNV, 8/10 members LĐTT 2026); ``SNV.VP`` no
(3/12 members LĐTT); ``SGDDT.VP`` no (12/15 LĐTT but member CN00036 has a cảnh cáo in 2026);
``THPT.BANLAO`` no (rated HTNV 2026).

Everyone else gets plausible random ratings and LĐTT/CSTĐ cơ sở history up to 2025, and nothing
for 2026, so the eligibility scan shows a realistic spread.
"""

import datetime

from org.enums import UnitKind

from .enums import DisciplineForm, Grade, InitiativeScope, SubjectType
from .models import Award, AwardKind, Discipline, Initiative, Rating
from .services.money import MoneyTables
from .services.register import build_award

ORDER = 40
YEARS = range(2019, 2027)
CURRENT = 2026
D = datetime.date
X, T, N, K = Grade.HTXSNV, Grade.HTTNV, Grade.HTNV, Grade.KHTNV

# Per-person scripted history: ratings by year (missing years: HTTNV), awards as (kind, year[, initiative key]).
# Initiatives as key -> (year, scope, used_by_award?) — the award that used it names the key.
SCRIPTS = {
    ("SGDDT.GDTH", 2): {  # Nguyễn Văn An
        "ratings": {2019: X, 2020: X, 2021: T, 2022: X, 2023: T, 2024: X, 2025: X, 2026: X},
        "awards": [("LDTT", 2019), ("CSTD_CS", 2019), ("CSTD_CS", 2020), ("BK_TINH", 2020), ("LDTT", 2021),
                   ("CSTD_CS", 2022, "an22"), ("LDTT", 2023), ("CSTD_CS", 2024), ("CSTD_CS", 2025), ("CSTD_CS", 2026)],
        "initiatives": {"an22": (2022, InitiativeScope.CO_SO, "Số hóa sổ điểm trường trung học"),
                        "an25": (2025, InitiativeScope.TINH, "Ứng dụng bản đồ số trong quản lý mạng lưới trường học")},
        "revoked": [("GK", 2021, "Phát hiện trùng hồ sơ đề nghị với Giấy khen của Sở")],
    },
    ("SGDDT.GDTH", 3): {"ratings": {2026: T}},
    ("SGDDT.GDTH", 4): {"ratings": {2026: N}},
    ("SGDDT.GDTH", 5): {"ratings": {2026: T}, "disciplines": [(DisciplineForm.KHIEN_TRACH, D(2026, 3, 1), D(2026, 9, 1))]},
    ("SGDDT.GDTH", 6): {"ratings": {2026: X}, "disciplines": [(DisciplineForm.DANG_XEM_XET, D(2026, 10, 1), None)]},
    ("SGDDT.GDTH", 7): {"ratings": {2025: T, 2026: X}},
    ("SGDDT.GDTH", 8): {"ratings": {2026: T}, "initiatives": {"p8": (2026, InitiativeScope.CO_SO, "Tổ chức ngân hàng câu hỏi dùng chung")}},
    ("SGDDT.GDTH", 9): {"ratings": {2024: X, 2025: X, 2026: X},
                        "awards": [("CSTD_CS", 2024), ("CSTD_CS", 2025), ("CSTD_CS", 2026)],
                        "initiatives": {"p9": (2025, InitiativeScope.CO_SO, "Sổ tay kiểm tra nội bộ trường học")}},
    ("SGDDT.GDTH", 10): {"ratings": {2024: X, 2025: T, 2026: X}, "awards": [("CSTD_CS", 2024), ("CSTD_CS", 2026)],
                         "initiatives": {"p10": (2026, InitiativeScope.TINH, "Mô hình lớp học thông minh vùng khó khăn")}},
    ("SGDDT.GDTH", 11): {"ratings": {2024: T, 2025: X, 2026: X},
                         "initiatives": {"p11a": (2025, InitiativeScope.CO_SO, "Quy trình tuyển sinh trực tuyến"),
                                         "p11b": (2026, InitiativeScope.CO_SO, "Phần mềm xếp thời khóa biểu")}},
    ("THPT.CHUYEN", 2): {"ratings": {2025: X, 2026: T}, "initiatives": {"c2": (2025, InitiativeScope.CO_SO, "Câu lạc bộ STEM liên trường")}},
    ("THPT.CHUYEN", 3): {"ratings": {2025: X, 2026: X}, "awards": [("CSTD_CS", 2025), ("BK_TINH", 2025), ("CSTD_CS", 2026)]},
    ("THPT.CHUYEN", 4): {"ratings": dict.fromkeys(range(2019, 2027), X), "awards": [("CSTD_CS", 2022), ("CSTD_CS", 2023), ("BK_TINH", 2023), ("CSTD_CS", 2025)]},
    ("THPT.CHUYEN", 5): {"ratings": {**dict.fromkeys(range(2019, 2027), T), 2023: N, 2020: X, 2024: X},
                         "awards": [("CSTD_CS", 2018), ("BK_TINH", 2019), ("CSTD_CS", 2020), ("CSTD_CS", 2024), ("CSTD_CS", 2026)]},
    ("THPT.CHUYEN", 6): {"ratings": {**dict.fromkeys(range(2019, 2027), T), 2021: X, 2023: X, 2024: X, 2025: X},
                         "awards": [("BK_TINH", 2016), ("BK_TTG", 2020), ("CSTD_CS", 2021), ("CSTD_CS", 2023), ("CSTD_CS", 2025)]},
    ("THPT.CHUYEN", 7): {"ratings": {**dict.fromkeys(range(2019, 2027), T), 2022: X, 2024: X},
                         "awards": [("BK_TTG", 2020), ("CSTD_CS", 2022), ("CSTD_CS", 2024)]},
    ("THPT.CHUYEN", 8): {"ratings": dict.fromkeys(range(2019, 2027), X),
                         "awards": [("BK_TINH", 2018), ("BK_TTG", 2023), ("CSTD_CS", 2024), ("CSTD_CS", 2025), ("CSTD_CS", 2026)]},
}
# Collectives: 2026 unit rating and how many members hold LĐTT 2026.
COLLECTIVES_2026 = {"SNV.TDKT": (T, 8), "SNV.VP": (T, 3), "SGDDT.VP": (X, 12), "THPT.BANLAO": (N, 0)}
WARNED_2026 = ("SGDDT.VP", 13)  # CN00036: cảnh cáo in 2026

ISSUERS = {
    "LDTT": ("UNIT", "Thủ trưởng đơn vị"), "CSTD_CS": ("UNIT", "Thủ trưởng đơn vị"), "GK": ("UNIT", "Thủ trưởng đơn vị"),
    "TTLDTT": ("UNIT", "Thủ trưởng đơn vị"), "GDVH": ("UBND-XA", "Chủ tịch UBND xã"),
    "BK_TINH": ("UBND", "Chủ tịch UBND tỉnh"), "CSTD_TINH": ("UBND", "Chủ tịch UBND tỉnh"),
    "BK_TTG": ("TTg", "Thủ tướng Chính phủ"), "HC_LD_3": ("CTN", "Chủ tịch nước"),
}


class _Decisions:
    """Decision numbers per issuer and year, like a real register: 12/QĐ-UBND, 3/QĐ-SGDDT..."""

    def __init__(self):
        self.counters: dict[tuple[str, int], int] = {}

    def number(self, tag: str, date: datetime.date) -> str:
        key = (tag, date.year)
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{self.counters[key]}/QĐ-{tag}"


def _decision_date(kind: str, year: int, rng) -> datetime.date:
    if year == CURRENT:
        return D(2026, 11, 25)  # the current year's review, just before today (02/12/2026)
    if kind in {"BK_TTG", "HC_LD_3"}:
        return D(year + 1, rng.randint(6, 10), rng.randint(1, 28))
    if kind in {"BK_TINH", "CSTD_TINH"}:
        return D(year + 1, rng.randint(2, 4), rng.randint(1, 28))
    return D(year + 1, 1, rng.randint(10, 25))


def _grade(rng) -> str:
    r = rng.random()
    return X if r < 0.25 else T if r < 0.85 else N if r < 0.97 else K


def seed(ctx) -> None:
    if ctx.scale != "small":
        return
    rng = ctx.rng
    units, people = ctx.objects["units"], ctx.objects["people"]
    kinds = {k.code: k for k in AwardKind.objects.all()}
    tables = MoneyTables()
    decisions = _Decisions()
    ratings: list[Rating] = []
    awards: list[Award] = []
    revoked: list[tuple[Award, str]] = []

    def award(subject_type, recipient, code, year, initiative=None):
        kind = kinds[code]
        date = _decision_date(code, year, rng)
        tag, signer = ISSUERS.get(code, ("UBND", "Chủ tịch UBND tỉnh"))
        unit = recipient if subject_type == SubjectType.COLLECTIVE else recipient.unit
        if tag == "UNIT":
            tag = (unit.parent.code if unit.kind == UnitKind.PHONG_BAN and unit.parent else unit.code).split(".")[0]
        issuer = {"UBND": "UBND tỉnh", "TTg": "Thủ tướng Chính phủ", "CTN": "Chủ tịch nước"}.get(tag, unit.name)
        a = build_award(subject_type=subject_type, recipient=recipient, kind=kind, year=year,
                        decision_number=decisions.number(tag, date), decision_date=date, issuer=issuer, signer=signer,
                        initiative=initiative, tables=tables)
        awards.append(a)
        return a

    # Initiatives first (awards point to them).
    initiatives: dict[tuple, Initiative] = {}
    authors: list[tuple[str, object]] = []
    n_ini = 0
    for (unit_code, idx), script in SCRIPTS.items():
        person = people[unit_code][idx]
        for key, (year, scope, title) in script.get("initiatives", {}).items():
            n_ini += 1
            ini = Initiative(code=f"SK-{year}-{n_ini:03d}", title=title, year=year, scope=scope,
                             decision_number=f"{n_ini}/QĐ-HĐSK")
            initiatives[key] = ini
            authors.append((ini.code, person))
    for group in people.values():
        for person in group:
            if rng.random() < 0.06:
                n_ini += 1
                year = rng.choice(list(YEARS)[:-1])
                ini = Initiative(code=f"SK-{year}-{n_ini:03d}", title=f"Cải tiến quy trình công tác số {n_ini}", year=year,
                                 scope=InitiativeScope.CO_SO, decision_number=f"{n_ini}/QĐ-HĐSK")
                initiatives[("bg", n_ini)] = ini
                authors.append((ini.code, person))
    for ini in initiatives.values():
        ini.save()
    an = people["SGDDT.GDTH"][2]
    coauthor = people["SGDDT.GDTH"][0]
    through = Initiative.authors.through
    by_code = {i.code: i for i in initiatives.values()}
    links = [through(initiative_id=by_code[code].pk, person_id=p.pk) for code, p in authors]
    links.append(through(initiative_id=initiatives["an25"].pk, person_id=coauthor.pk))
    through.objects.bulk_create(links)

    scripted = {people[u][i].pk: s for (u, i), s in SCRIPTS.items()}
    ldtt_2026 = set()
    for unit_code, (_grade_2026, holders) in COLLECTIVES_2026.items():
        ldtt_2026.update(p.pk for p in people[unit_code][:holders])

    for group in people.values():
        for person in group:
            script = scripted.get(person.pk)
            for year in YEARS:
                if script is not None:
                    grade = script["ratings"].get(year, T)
                elif year == CURRENT and person.pk in ldtt_2026:
                    grade = rng.choice([X, T, T])
                else:
                    grade = _grade(rng)
                ratings.append(Rating(subject_type=SubjectType.INDIVIDUAL, person=person, year=year, grade=grade))
                if script is None and year < CURRENT and grade in (X, T) and rng.random() < 0.7:
                    award(SubjectType.INDIVIDUAL, person, "LDTT", year)
                    if grade == X and rng.random() < 0.25:
                        award(SubjectType.INDIVIDUAL, person, "CSTD_CS", year)
                if script is None and year == CURRENT and person.pk in ldtt_2026:
                    award(SubjectType.INDIVIDUAL, person, "LDTT", year)
            if script is not None:
                for item in script.get("awards", []):
                    code, year = item[0], item[1]
                    ini = initiatives[item[2]] if len(item) > 2 else None
                    award(SubjectType.INDIVIDUAL, person, code, year, ini)
                for code, year, reason in script.get("revoked", []):
                    revoked.append((award(SubjectType.INDIVIDUAL, person, code, year), reason))

    # Collectives: ratings every year, TTLDTT history for most, none yet for 2026.
    for unit_code in people:
        unit = units[unit_code]
        for year in YEARS:
            if year == CURRENT and unit_code in COLLECTIVES_2026:
                grade = COLLECTIVES_2026[unit_code][0]
            else:
                grade = rng.choice([X, T, T, T, N]) if year < CURRENT else rng.choice([X, T])
            ratings.append(Rating(subject_type=SubjectType.COLLECTIVE, unit=unit, year=year, grade=grade))
            if year < CURRENT and grade in (X, T) and rng.random() < 0.6:
                award(SubjectType.COLLECTIVE, unit, "TTLDTT", year)
        if unit_code in ("SGDDT", "SYT.BVDK"):
            award(SubjectType.COLLECTIVE, unit, "BK_TINH", 2023)
    for code in ("SGDDT", "SYT"):
        award(SubjectType.COLLECTIVE, units[code], "TTLDTT", 2024)
    # Households: cultural family titles.
    for household in ctx.objects.get("households", []):
        for year in (2023, 2024, 2025):
            if rng.random() < 0.5:
                award(SubjectType.HOUSEHOLD, household, "GDVH", year)

    Rating.objects.bulk_create(ratings, batch_size=1000)
    Award.objects.bulk_create(awards, batch_size=1000)
    for a, reason in revoked:
        a.status = "revoked"
        a.revoked_decision_number = f"1/QĐ-HB-{a.year + 1}"
        a.revoked_date = a.decision_date + datetime.timedelta(days=120)
        a.revoked_reason = reason
        a.amount_to_recover = a.amount or 0
    Award.objects.bulk_update([a for a, _r in revoked], ["status", "revoked_decision_number", "revoked_date", "revoked_reason", "amount_to_recover"])

    disciplines = []
    for (unit_code, idx), script in SCRIPTS.items():
        for form, start, end in script.get("disciplines", []):
            disciplines.append(Discipline(person=people[unit_code][idx], form=form, start_date=start, end_date=end,
                                          decision_number="" if end is None else f"{idx}/QĐ-KL"))
    u, i = WARNED_2026
    disciplines.append(Discipline(person=people[u][i], form=DisciplineForm.CANH_CAO, start_date=D(2026, 4, 1), end_date=D(2027, 4, 1), decision_number="7/QĐ-KL"))
    for group in people.values():
        for person in group:
            if person.pk not in scripted and person.pk not in ldtt_2026 and rng.random() < 0.02:
                start = D(rng.randint(2019, 2024), rng.randint(1, 12), 1)
                disciplines.append(Discipline(person=person, form=DisciplineForm.KHIEN_TRACH, start_date=start,
                                              end_date=start + datetime.timedelta(days=180), decision_number="KL-demo"))
    Discipline.objects.bulk_create(disciplines)
    ctx.objects["history"] = {"an": an}
    ctx.say(f"  Lịch sử: {len(ratings)} xếp loại, {len(initiatives)} sáng kiến, {len(awards)} khen thưởng, {len(disciplines)} kỷ luật / đang xem xét.")
