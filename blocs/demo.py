"""Demo blocs and a cluster (``seed_demo``): two blocs with 2025 and 2026 (agreement, criteria sheet
copied from 2025, scores, a ranking), SYT (``truongkhoi``) heading one bloc in 2026, and a cluster
of communes still setting up its year."""

import datetime
from decimal import Decimal

from . import services
from .enums import CriterionKind, GroupKind
from .models import EmulationGroup
from .services import ScoreEntry

ORDER = 60

# (number, title, max, kind, parent number)
SHEET = [
    ("1", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", 50, CriterionKind.REGULAR, None),
    ("1.1", "Hoàn thành các chỉ tiêu, nhiệm vụ kế hoạch năm", 30, CriterionKind.REGULAR, "1"),
    ("1.2", "Cải cách hành chính, chuyển đổi số", 20, CriterionKind.REGULAR, "1"),
    ("2", "Tổ chức phong trào thi đua và công tác khen thưởng", 30, CriterionKind.REGULAR, None),
    ("2.1", "Phát động, đăng ký thi đua, ký kết giao ước", 10, CriterionKind.REGULAR, "2"),
    ("2.2", "Sơ kết, tổng kết, phát hiện và nhân rộng điển hình tiên tiến", 10, CriterionKind.REGULAR, "2"),
    ("2.3", "Báo cáo đầy đủ, đúng hạn", 10, CriterionKind.REGULAR, "2"),
    ("3", "Xây dựng tổ chức đảng, đoàn thể trong sạch, vững mạnh", 20, CriterionKind.REGULAR, None),
    ("4", "Điểm thưởng: mô hình mới, sáng kiến được công nhận", 5, CriterionKind.BONUS, None),
    ("5", "Điểm trừ: vi phạm kỷ luật, chậm báo cáo", 10, CriterionKind.PENALTY, None),
]
EVIDENCE = {
    "1.1": "Báo cáo kết quả thực hiện kế hoạch năm", "1.2": "Chỉ số cải cách hành chính của đơn vị",
    "2.1": "Kế hoạch phát động, bản đăng ký thi đua", "2.2": "Báo cáo sơ kết, tổng kết", "2.3": "Sổ theo dõi báo cáo",
    "3": "Kết quả đánh giá tổ chức đảng", "4": "Quyết định công nhận sáng kiến", "5": "",
}
SIGNERS = ["Giám đốc", "Chủ tịch", "Bí thư", "Phó Giám đốc"]


def _sheet(staff, gy) -> dict:
    made = {}
    for number, title, points, kind, parent in SHEET:
        made[number] = services.criterion_add(actor=staff, group_year=gy, number=number, title=title,
                                              max_points=Decimal(points), kind=kind, parent=made.get(parent))
    return made


def _sign_all(staff, gy, units, day):
    services.agreement_update(actor=staff, group_year=gy, title=f"Giao ước thi đua {gy.group.name} năm {gy.year}",
                              signed_on=day)
    for i, unit in enumerate(units):
        services.agreement_sign(actor=staff, group_year=gy, unit=unit, signer_name=f"{SIGNERS[i % len(SIGNERS)]} {unit.name}",
                                signer_position=SIGNERS[i % len(SIGNERS)])


def _score(ctx, staff, gy, units, *, verify: set[str], deadline):
    criteria = {c.number: c for c in gy.criteria.all()}
    leaves = [n for n, *_ in SHEET if n not in {"1", "2"}]
    for unit in units:
        entries = []
        for number in leaves:
            c = criteria[number]
            if c.kind == CriterionKind.PENALTY:
                points = Decimal(ctx.rng.choice([0, 0, 0, 2]))
            else:
                points = (c.max_points * Decimal(ctx.rng.randint(78, 100)) / 100).quantize(Decimal("0.5"))
            entries.append(ScoreEntry(c, points, EVIDENCE.get(number, "")))
        services.self_score_submit(actor=staff, group_year=gy, unit=unit, entries=entries, today=deadline)
        if unit.code in verify:
            checked = []
            for e in entries:
                if e.criterion.number == "1.1" and ctx.rng.random() < 0.5:
                    checked.append(ScoreEntry(e.criterion, max(Decimal(0), e.points - 2), "Chưa đủ minh chứng một chỉ tiêu"))
                else:
                    checked.append(ScoreEntry(e.criterion, e.points, ""))
            services.scores_verify(actor=staff, group_year=gy, unit=unit, entries=checked)


def seed(ctx) -> None:
    if ctx.scale != "small":
        return
    staff = ctx.objects["users"]["canbo"]
    units = ctx.objects["units"]

    def group(code, name, kind, description, members):
        g = services.group_create(actor=staff, group=EmulationGroup(code=code, name=name, kind=kind, description=description))
        return g, [units[c] for c in members]

    # Bloc 1: culture and society. 2025 led by SGDDT, 2026 by SYT (the demo bloc head).
    vhxh, vhxh_units = group("KHOI.VHXH", "Khối các cơ quan Văn hóa – Xã hội", GroupKind.BLOC,
                             "Các sở, ngành và đoàn thể lĩnh vực văn hóa – xã hội.",
                             ["SGDDT", "SYT", "SNV", "TINHDOAN", "HLHPN"])
    y2025 = services.group_year_start(actor=staff, group=vhxh, year=2025)
    services.members_set(actor=staff, group_year=y2025, units=vhxh_units)
    services.leaders_set(actor=staff, group_year=y2025, head=units["SGDDT"], deputy=units["SYT"], reason="Bầu tại hội nghị tổng kết 2024")
    _sheet(staff, y2025)
    _sign_all(staff, y2025, vhxh_units, datetime.date(2025, 3, 5))
    services.scoring_open(actor=staff, group_year=y2025, deadline=datetime.date(2025, 11, 30))
    _score(ctx, staff, y2025, vhxh_units, verify={u.code for u in vhxh_units}, deadline=datetime.date(2025, 11, 30))
    services.ranking_publish(actor=staff, group_year=y2025)

    # 2026: members and sheet copied from 2025; last year's deputy (SYT) heads by rotation.
    y2026 = services.group_year_start(actor=staff, group=vhxh, year=2026)
    if y2026.head_id != units["SYT"].pk:
        services.leaders_set(actor=staff, group_year=y2026, head=units["SYT"], deputy=units["TINHDOAN"], reason="Luân phiên")
    _sign_all(staff, y2026, vhxh_units, datetime.date(2026, 3, 3))
    deadline = datetime.date(2026, 12, 10)
    services.scoring_open(actor=staff, group_year=y2026, deadline=deadline)
    # Everyone has self-scored; the head (truongkhoi) still has SNV and HLHPN to verify before publishing.
    _score(ctx, staff, y2026, vhxh_units, verify={"SGDDT", "SYT", "TINHDOAN"}, deadline=deadline)

    # Bloc 2: economy. 2026 published with a ranking and the vote under way.
    kt, kt_units = group("KHOI.KTTH", "Khối các cơ quan Kinh tế – Tổng hợp", GroupKind.BLOC,
                         "Các sở, ngành kinh tế và doanh nghiệp nhà nước.", ["STC", "SNNMT", "SXD", "CTY.DIENLUC"])
    k2026 = services.group_year_start(actor=staff, group=kt, year=2026)
    services.members_set(actor=staff, group_year=k2026, units=kt_units)
    services.leaders_set(actor=staff, group_year=k2026, head=units["STC"], deputy=units["SNNMT"], reason="Bầu tại hội nghị tổng kết 2025")
    _sheet(staff, k2026)
    _sign_all(staff, k2026, kt_units, datetime.date(2026, 2, 26))
    services.scoring_open(actor=staff, group_year=k2026, deadline=deadline)
    _score(ctx, staff, k2026, kt_units, verify={u.code for u in kt_units}, deadline=deadline)
    services.ranking_publish(actor=staff, group_year=k2026)

    # Cluster of communes: 2026 agreement signed, criteria set, scoring not opened yet.
    cum, cum_units = group("CUM.XAPHUONG", "Cụm thi đua các xã, phường", GroupKind.CLUSTER,
                           "Cụm thi đua các xã, phường (tương tự cụm thi đua 7 tỉnh miền núi biên giới phía Bắc ở cấp tỉnh).",
                           ["XA.TANLAP", "PHUONG.TRUNGTAM", "XA.BANLAO"])
    c2026 = services.group_year_start(actor=staff, group=cum, year=2026)
    services.members_set(actor=staff, group_year=c2026, units=cum_units)
    services.leaders_set(actor=staff, group_year=c2026, head=units["PHUONG.TRUNGTAM"], deputy=units["XA.TANLAP"])
    _sheet(staff, c2026)
    _sign_all(staff, c2026, cum_units, datetime.date(2026, 3, 10))
    ctx.objects["blocs"] = {"KHOI.VHXH": y2026, "KHOI.KTTH": k2026, "CUM.XAPHUONG": c2026}
    ctx.say("  Khối, cụm thi đua: 2 khối, 1 cụm; SYT là trưởng Khối Văn hóa – Xã hội năm 2026.")
