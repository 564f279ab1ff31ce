"""Province-scale history for benchmarks (``seed_demo --scale province``, CONTRACTS §3).

Ten years (2017–2026) of task ratings for every person and collective, and the awards that
follow from them (about 400,000 records: Lao động tiên tiến for most people most years, Chiến sĩ
thi đua cơ sở backed by an initiative, Bằng khen, collective titles), each with its decision,
its amount (``MoneyTables``) and the recipient snapshot; initiatives and disciplines; and, once
the workflow models exist, 5,000 nominations in the current year.

Everything goes in with ``bulk_create`` in batches, computed in Python from ``ctx.rng`` so the
same seed gives the same data. Acts only when ``ctx.scale == 'province'``.
"""

import datetime
import uuid

from django.db import connection
from django.utils import timezone

from core.text import fold

ORDER = 45
FIRST_YEAR = 2017
CURRENT_YEAR = 2026
BATCH = 5000
NOMINATIONS = 5000

# Grade distribution for people (cumulative): HTXSNV 15 %, HTTNV 60 %, HTNV 22 %, KHTNV 3 %.
GRADE_CUTS = [(0.15, "HTXSNV"), (0.75, "HTTNV"), (0.97, "HTNV"), (1.0, "KHTNV")]


def _grade(rng) -> str:
    x = rng.random()
    for cut, grade in GRADE_CUTS:
        if x < cut:
            return grade
    return "KHTNV"


class _Writer:
    """Rows of one table as tuples, inserted every ``BATCH`` rows (COPY on PostgreSQL, executemany on SQLite).

    The ORM's ``bulk_create`` spends most of its time compiling SQL for each object; a fixed
    INSERT with plain tuples is several times faster and inserts exactly the same columns.
    """

    def __init__(self, model, columns: list[str], rng, timestamps: bool = True):
        self.model, self.columns, self.rows, self.count, self.rng = model, columns, [], 0, rng
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())
        # A public ``uuid`` column, when the model has one, gets a deterministic value from ctx.rng.
        self.uuid_field = next((f for f in model._meta.concrete_fields if f.name == "uuid"), None)
        self.stamps = (self.now, self.now) if timestamps else ()
        auto = (["created_at", "updated_at"] if timestamps else []) + (["uuid"] if self.uuid_field else [])
        cols = ", ".join(connection.ops.quote_name(c) for c in [*auto, *columns])
        marks = ", ".join(["%s"] * (len(columns) + len(auto)))
        table = connection.ops.quote_name(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"  # noqa: S608 (names from model meta)
        self.copy_sql = f"COPY {table} ({cols}) FROM STDIN"

    def add(self, *values) -> None:
        if self.uuid_field is not None:
            value = uuid.UUID(int=self.rng.getrandbits(128), version=4)
            self.rows.append((*self.stamps, self.uuid_field.get_db_prep_value(value, connection), *values))
        else:
            self.rows.append((*self.stamps, *values))
        self.count += 1
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY: one round trip per batch instead of one per row.
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, self.rows)
        self.rows = []


def _day(value: datetime.date):
    return connection.ops.adapt_datefield_value(value)


def seed(ctx) -> None:
    if ctx.scale != "province":
        return
    seed_history(ctx)
    seed_users(ctx)
    seed_workflow(ctx)


def seed_history(ctx) -> None:
    from org.models import Person, Unit

    from .enums import AwardStatus, CommendationType, DisciplineForm, InitiativeScope, SubjectType
    from .models import Award, AwardKind, Discipline, Initiative, Rating
    from .models.register import award_search_text
    from .services.money import MoneyTables

    rng = ctx.rng
    root = ctx.objects["province_root"]
    kinds = {k.code: k for k in AwardKind.objects.all()}
    money = MoneyTables()
    amounts: dict[tuple, int | None] = {}

    def amount(code: str, subject: str, on: datetime.date):
        key = (code, subject, on)
        if key not in amounts:
            amounts[key] = money.amount(kinds[code], subject, on)
        return amounts[key]

    units = list(Unit.objects.filter(path__startswith=root.path).only("id", "code", "name", "parent_id", "hardship_area", "kind").order_by("code"))
    by_id = {u.id: u for u in units}
    top_of = {}
    for u in units:
        top = u
        while top.parent_id and top.parent_id != root.id:
            top = by_id[top.parent_id]
        top_of[u.id] = top
    people = list(Person.objects.filter(unit__path__startswith=root.path)
                  .only("id", "code", "full_name", "unit_id", "is_leader", "gender", "ethnicity").order_by("id"))

    # One decision per (top-level unit, year) for grassroots titles and per year for the province.
    def unit_decision(top, year, seq):
        number = f"{seq:03d}/QĐ-{top.code}"
        return number, datetime.date(year + 1, 1, 10 + seq % 15), f"Thủ trưởng {top.name}"

    ratings = _Writer(Rating, ["subject_type", "person_id", "unit_id", "year", "grade"], rng)
    award_cols = ["subject_type", "person_id", "unit_id", "household_id", "kind_id", "year", "commendation_type",
                  "decision_number", "decision_date", "issuer", "signer", "amount", "snapshot_unit_id",
                  "snapshot_is_leader", "snapshot_gender", "snapshot_ethnicity", "snapshot_hardship", "status",
                  "revoked_decision_number", "revoked_reason", "search_text"]
    awards = _Writer(Award, award_cols, rng)
    initiatives = _Writer(Initiative, ["code", "title", "year", "scope", "decision_number", "search_text"], rng)
    disciplines = _Writer(Discipline, ["person_id", "form", "start_date", "end_date", "decision_number", "note"], rng)
    init_authors: list[tuple[str, int]] = []
    province_seq: dict[int, int] = {}
    in_force, merit = AwardStatus.IN_FORCE.value, CommendationType.CONG_TRANG.value
    individual, collective = SubjectType.INDIVIDUAL.value, SubjectType.COLLECTIVE.value
    kind_id = {code: k.id for code, k in kinds.items()}

    def province_decision(year):
        province_seq[year] = province_seq.get(year, 0) + 1
        # A new province decision every 200 awards of the same year.
        seq = 1000 + province_seq[year] // 200
        return f"{seq}/QĐ-UBND", datetime.date(year + 1, 3, 1 + seq % 27)

    def award(subject, person, unit, code, year, number, date, issuer, signer, snap):
        recipient = person or unit
        awards.add(subject, person.id if person else None, unit.id if unit else None, None, kind_id[code], year, merit,
                   number, _day(date), issuer, signer, amount(code, subject, date), *snap, in_force, "", "",
                   award_search_text(recipient, number, code))

    for person in people:
        unit = by_id[person.unit_id]
        top = top_of[unit.id]
        snap = (unit.id, person.is_leader, person.gender, person.ethnicity, unit.hardship_area)
        ldtt_streak = 0
        for year in range(FIRST_YEAR, CURRENT_YEAR + 1):
            grade = _grade(rng)
            ratings.add(individual, person.id, None, year, grade)
            if year == CURRENT_YEAR:
                continue  # this year's titles are still being nominated
            if grade not in ("HTXSNV", "HTTNV") or rng.random() > 0.88:
                ldtt_streak = 0
                continue
            number, date, issuer = unit_decision(top, year, 1)
            award(individual, person, None, "LDTT", year, number, date, issuer, "", snap)
            ldtt_streak += 1
            if grade == "HTXSNV" and rng.random() < 0.35:
                # Chiến sĩ thi đua cơ sở, backed by a recognised initiative.
                n = initiatives.count + 1
                code = f"SK{year}-{n:06d}"
                title = f"Sáng kiến cải tiến quy trình số {n} – {unit.name}"
                scope = InitiativeScope.TINH.value if rng.random() < 0.15 else InitiativeScope.CO_SO.value
                initiatives.add(code, title, year, scope, f"{n % 900 + 1}/QĐ-HĐSK", fold(f"{code} {title}"))
                init_authors.append((code, person.id))
                number, date, issuer = unit_decision(top, year, 2)
                award(individual, person, None, "CSTD_CS", year, number, date, issuer, "", snap)
            if ldtt_streak >= 5 and rng.random() < 0.25:
                number, date = province_decision(year)
                award(individual, person, None, "BK_TINH", year, number, date, "Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh", snap)
                ldtt_streak = 0
        if rng.random() < 0.01:
            start = datetime.date(rng.randint(FIRST_YEAR, CURRENT_YEAR - 1), rng.randint(1, 12), rng.randint(1, 28))
            if rng.random() < 0.2:
                disciplines.add(person.id, DisciplineForm.DANG_XEM_XET.value, _day(start), None, "", "")
            else:
                form = rng.choice([DisciplineForm.KHIEN_TRACH, DisciplineForm.CANH_CAO, DisciplineForm.HA_BAC_LUONG]).value
                disciplines.add(person.id, form, _day(start), _day(start + datetime.timedelta(days=365)),
                                f"{rng.randint(1, 300)}/QĐ-KL", "")

    # Collectives: every unit below the root is rated each year; good ones get collective titles.
    for unit in units:
        top = top_of[unit.id]
        snap = (unit.id, None, "", "", unit.hardship_area)
        for year in range(FIRST_YEAR, CURRENT_YEAR + 1):
            grade = _grade(rng)
            ratings.add(collective, None, unit.id, year, grade)
            if year == CURRENT_YEAR or grade not in ("HTXSNV", "HTTNV") or rng.random() > 0.8:
                continue
            if grade == "HTXSNV" and rng.random() < 0.5:
                number, date = province_decision(year)
                award(collective, None, unit, "TTLDXS", year, number, date, "Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh", snap)
                if rng.random() < 0.2:
                    number, date = province_decision(year)
                    award(collective, None, unit, "BK_TINH", year, number, date, "Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh", snap)
            else:
                number, date, issuer = unit_decision(top, year, 3)
                award(collective, None, unit, "TTLDTT", year, number, date, issuer, "", snap)
    for writer in (ratings, awards, initiatives, disciplines):
        writer.flush()

    # Initiative authors (many-to-many) through the through table.
    through = Initiative.authors.through
    ids = dict(Initiative.objects.filter(code__startswith="SK").values_list("code", "id"))
    links = _Writer(through, ["initiative_id", "person_id"], rng, timestamps=False)
    for code, pid in init_authors:
        links.add(ids[code], pid)
    links.flush()
    # CSTĐ cơ sở awards point to the initiative that backs them (one per person and year).
    _link_initiatives(Award, Initiative, through, kind_id["CSTD_CS"], in_force)
    ctx.objects["province_awards"] = awards.count
    ctx.say(f"  Lịch sử (quy mô tỉnh): {ratings.count} xếp loại, {awards.count} khen thưởng, "
            f"{initiatives.count} sáng kiến, {disciplines.count} kỷ luật.")


def _link_initiatives(Award, Initiative, through, kind_id, in_force) -> None:
    """Set ``Award.initiative`` of every CSTĐ cơ sở award in one UPDATE."""
    q = connection.ops.quote_name
    award, initiative, link = q(Award._meta.db_table), q(Initiative._meta.db_table), q(through._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {award} SET initiative_id = (SELECT i.id FROM {initiative} i JOIN {link} t ON t.initiative_id = i.id "  # noqa: S608
            f"WHERE t.person_id = {award}.person_id AND i.year = {award}.year) WHERE kind_id = %s AND status = %s",
            [kind_id, in_force],
        )


# Province-scale accounts (the bench signs in as these); all share ctx.password, hashed once.
PROVINCE_USERS = [
    ("tinh.canbo", "staff", None, True),
    ("tinh.lanhdao", "viewer", None, False),
    *[(f"tinh.hoidong{i}", "council_member", None, False) for i in range(1, 8)],
]


def seed_users(ctx) -> None:
    """One staff member, a viewer, seven council members, and an officer and a head per top unit."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from org.models import Unit

    root = ctx.objects["province_root"]
    password = make_password(ctx.password)
    users = {}
    for username, role, _unit, is_staff in PROVINCE_USERS:
        user = User(username=username, full_name=username, role=role, unit=root, is_staff=is_staff,
                    is_council_chair=username == "tinh.hoidong1", password=password)
        user.save()
        users[username] = user
    for top in Unit.objects.filter(parent=root).order_by("code"):
        for prefix, role in (("donvi", "unit_officer"), ("thutruong", "unit_head")):
            username = f"{prefix}.{top.code.lower()}"
            user = User(username=username, full_name=f"{prefix} {top.name}", role=role, unit=top, password=password)
            user.save()
            users[username] = user
    ctx.objects.setdefault("users", {}).update(users)
    ctx.say(f"  Người dùng (quy mô tỉnh): {len(users)} tài khoản (tinh.canbo, donvi.p0002, ...).")


def seed_workflow(ctx) -> None:
    """5,000 nomination lines this year in one dossier per top-level unit, in every working state."""
    from org.models import Person, Unit

    from .enums import SubjectType
    from .enums_workflow import DossierState, LineOutcome
    from .models import AwardKind, Dossier, NominationLine

    rng = ctx.rng
    root = ctx.objects["province_root"]
    users = ctx.objects["users"]
    tops = list(Unit.objects.filter(parent=root).order_by("code"))
    states = [DossierState.DRAFT, DossierState.SUBMITTED, DossierState.IN_APPRAISAL, DossierState.APPRAISED,
              DossierState.AT_COUNCIL, DossierState.RETURNED]
    now = timezone.now()
    dossiers = []
    for i, top in enumerate(tops):
        state = states[i % len(states)]
        title = f"Đề nghị khen thưởng năm {CURRENT_YEAR} – {top.name}"
        officer = users[f"donvi.{top.code.lower()}"]
        submitted = state != DossierState.DRAFT
        dossiers.append(Dossier(
            uuid=uuid.UUID(int=rng.getrandbits(128), version=4), unit=top, year=CURRENT_YEAR, title=title,
            state=state, created_by=officer, submitted_by=officer if submitted else None,
            submitted_at=now - datetime.timedelta(days=rng.randint(1, 30)) if submitted else None,
            due_date=(now + datetime.timedelta(days=rng.randint(-5, 20))).date() if submitted else None,
            assignee=users["tinh.canbo"] if state not in (DossierState.DRAFT, DossierState.SUBMITTED) else None,
            state_changed_at=now, search_text=fold(f"{title} {top.code} {top.name}")[:600],
        ))
    Dossier.objects.bulk_create(dossiers, batch_size=500)
    dossiers = list(Dossier.objects.filter(year=CURRENT_YEAR, unit__parent=root).order_by("unit__code"))
    kinds = {k.code: k.id for k in AwardKind.objects.filter(code__in=["LDTT", "CSTD_CS", "BK_TINH"])}
    per = -(-NOMINATIONS // len(dossiers))
    lines = []
    for dossier in dossiers:
        people = list(Person.objects.filter(unit__path__startswith=f"{root.path}{dossier.unit.code}/")
                      .order_by("id").values_list("id", flat=True)[: per * 2])
        appraised = dossier.state in (DossierState.APPRAISED, DossierState.AT_COUNCIL)
        for pid in rng.sample(people, min(per, len(people))):
            if len(lines) >= NOMINATIONS:
                break
            code = "LDTT" if rng.random() < 0.8 else rng.choice(["CSTD_CS", "BK_TINH"])
            lines.append(NominationLine(
                dossier=dossier, subject_type=SubjectType.INDIVIDUAL, person_id=pid, kind_id=kinds[code],
                achievement_summary="Hoàn thành xuất sắc nhiệm vụ được giao trong năm.",
                outcome=(LineOutcome.APPRAISAL_PASSED if rng.random() < 0.9 else LineOutcome.APPRAISAL_FAILED)
                if appraised else LineOutcome.PENDING,
            ))
    NominationLine.objects.bulk_create(lines, batch_size=1000)
    ctx.say(f"  Hồ sơ đề nghị năm {CURRENT_YEAR}: {len(dossiers)} hồ sơ, {len(lines)} dòng đề nghị.")
