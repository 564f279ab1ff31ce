"""Demo campaigns (``seed_demo``): the yearly campaign of Directive 477/CT-UBND style with its
targets, a mid-term review and registrations; the thematic "Dân vận khéo"; a closed thematic
campaign "Chung tay vì người nghèo" with its final review. Names and figures from the seed articles."""

import datetime
from decimal import Decimal

from org.enums import UnitKind

from . import queries, services
from .enums import CampaignKind, Participation
from .models import Campaign, Target

ORDER = 30

REGULAR_TARGETS = [
    # (indicator, measure, target, higher is better, actual at mid-term or None)
    ("Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)", "%", "9", True, "9.2"),
    ("GRDP bình quân đầu người", "triệu đồng", "51.5", True, "52.1"),
    ("Thu ngân sách trên địa bàn", "tỷ đồng", "2236", True, "1180"),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "%", "68.4", True, "68.9"),
    ("Mức giảm tỷ suất sinh", "‰", "0.45", True, "0.40"),
    ("Mức giảm tỷ lệ hộ nghèo", "%", "3.8", True, "4.1"),
    ("Giải quyết việc làm", "lao động", "8920", True, "4310"),
    ("Thủ tục hành chính trực tuyến toàn trình", "%", "100", True, "100"),
]
REGULAR_CONTENT = [
    "Thi đua hoàn thành, hoàn thành vượt mức các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội năm 2026.",
    "Đẩy mạnh cải cách hành chính, chuyển đổi số; nâng cao chỉ số cải cách hành chính và năng lực cạnh tranh cấp tỉnh.",
    "Tiếp tục thực hiện các phong trào “Dân vận khéo”, “Chung sức xây dựng nông thôn mới”, “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”.",
    "Phát hiện, bồi dưỡng, biểu dương kịp thời gương “người tốt, việc tốt”, điển hình tiên tiến.",
]


def _people_of(ctx, unit_code: str) -> list:
    people = ctx.objects.get("people", {})
    return [p for code, group in sorted(people.items()) if code == unit_code or code.startswith(unit_code + ".") for p in group]


def _create(staff, **fields) -> Campaign:
    campaign = Campaign(**fields)
    return services.campaign_create(actor=staff, campaign=campaign)


def _targets(staff, campaign, rows) -> list[Target]:
    return [
        services.target_add(actor=staff, campaign=campaign, target=Target(
            indicator=name, measure=measure, target_value=Decimal(value), higher_is_better=higher))
        for name, measure, value, higher, _actual in rows
    ]


def seed(ctx) -> None:
    if ctx.scale != "small":
        return
    staff = ctx.objects["users"]["canbo"]
    rng = ctx.rng
    kinds = {k.code: k for k in queries.award_kind_model().objects.filter(
        code__in=["TTLDXS", "TTLDTT", "CSTD_CS", "LDTT", "XA_TIEU_BIEU"])}

    regular = _create(
        staff, code="PT.2026", kind=CampaignKind.REGULAR, year=2026,
        name="Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm 2026",
        theme="Đoàn kết, trách nhiệm, sáng tạo thi đua phấn đấu hoàn thành xuất sắc nhiệm vụ phát triển kinh tế - xã hội năm 2026",
        directive_number="477/CT-UBND", directive_date=datetime.date(2026, 2, 7), directive_signer="Chủ tịch UBND tỉnh",
        start_date=datetime.date(2026, 2, 7), end_date=datetime.date(2026, 12, 31), participation=Participation.ALL,
    )
    for text in REGULAR_CONTENT:
        services.content_item_add(actor=staff, campaign=regular, text=text)
    targets = _targets(staff, regular, REGULAR_TARGETS)
    services.campaign_launch(actor=staff, campaign=regular)
    participants = list(queries.participating_units(regular))
    unregistered = {"CTY.DIENLUC", "XA.BANLAO", "SXD"}
    for unit in participants:
        if unit.code in unregistered:
            continue
        people = _people_of(ctx, unit.code)
        chosen = rng.sample(people, min(len(people), rng.randint(2, 5))) if people else []
        individuals = [(p, kinds["CSTD_CS"] if i == 0 else kinds["LDTT"]) for i, p in enumerate(chosen)]
        collective = kinds["XA_TIEU_BIEU"] if unit.kind == UnitKind.XA_PHUONG else kinds["TTLDXS" if rng.random() < 0.6 else "TTLDTT"]
        services.registration_submit(actor=staff, campaign=regular, unit=unit, collective_kind=collective,
                                     individuals=individuals, note="Đăng ký đầu năm 2026")
    services.campaign_review_midterm(
        actor=staff, campaign=regular, held_on=datetime.date(2026, 7, 10),
        summary="Sơ kết 6 tháng đầu năm: nhiều chỉ tiêu đạt và vượt tiến độ.",
        results=[services.TargetResult(t, Decimal(row[4])) for t, row in zip(targets, REGULAR_TARGETS, strict=True) if row[4]],
    )

    thematic = _create(
        staff, code="DVK.2026", kind=CampaignKind.THEMATIC, year=2026, name="Phong trào thi đua “Dân vận khéo” năm 2026",
        theme="Dân vận khéo", directive_number="25/KH-UBND", directive_date=datetime.date(2026, 3, 2),
        directive_signer="Phó Chủ tịch UBND tỉnh", start_date=datetime.date(2026, 3, 2), end_date=datetime.date(2026, 12, 15),
        participation=Participation.KINDS, participant_kinds=[UnitKind.XA_PHUONG, UnitKind.DOAN_THE],
    )
    services.content_item_add(actor=staff, campaign=thematic,
                              text="Xây dựng và nhân rộng mô hình “Dân vận khéo” trong cơ quan, đơn vị, địa phương.")
    _targets(staff, thematic, [
        ("Số mô hình “Dân vận khéo” được công nhận", "mô hình", "40", True, None),
        ("Tỷ lệ xã, phường có mô hình tiêu biểu", "%", "100", True, None),
    ])
    services.campaign_launch(actor=staff, campaign=thematic)
    units = ctx.objects["units"]
    for code in ["XA.TANLAP", "PHUONG.TRUNGTAM", "TINHDOAN"]:
        services.registration_submit(actor=staff, campaign=thematic, unit=units[code], collective_kind=kinds["TTLDTT"])

    poverty = _create(
        staff, code="VNN.2025", kind=CampaignKind.THEMATIC, year=2025,
        name="Phong trào “Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau” giai đoạn 2021-2025",
        theme="Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau", directive_number="1256/KH-UBND",
        directive_date=datetime.date(2021, 5, 20), directive_signer="Chủ tịch UBND tỉnh",
        start_date=datetime.date(2021, 5, 20), end_date=datetime.date(2025, 12, 31), participation=Participation.ALL,
    )
    poverty_rows = [
        ("Mức giảm tỷ lệ hộ nghèo bình quân mỗi năm", "%", "3", True, "3.4"),
        ("Số nhà ở cho hộ nghèo, người có công được xây mới, sửa chữa", "căn", "1200", True, "1315"),
        ("Tỷ lệ hộ nghèo có thẻ bảo hiểm y tế", "%", "100", True, "100"),
        ("Số lao động nghèo được đào tạo nghề", "người", "5000", True, "4620"),
    ]
    poverty_targets = _targets(staff, poverty, poverty_rows)
    services.campaign_launch(actor=staff, campaign=poverty)
    services.campaign_close(
        actor=staff, campaign=poverty, held_on=datetime.date(2025, 12, 18),
        summary="Tổng kết giai đoạn 2021-2025: 3/4 chỉ tiêu đạt và vượt.",
        results=[services.TargetResult(t, Decimal(r[4])) for t, r in zip(poverty_targets, poverty_rows, strict=True)],
    )
    ctx.objects["campaigns"] = {c.code: c for c in (regular, thematic, poverty)}
    ctx.say(f"  Phong trào: 3 phong trào, {regular.registrations.count()} đơn vị đăng ký phong trào năm 2026.")
