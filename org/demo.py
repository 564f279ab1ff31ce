"""Demo units, people and households (``seed_demo``)."""

import datetime

from .enums import Gender, UnitKind
from .models import Household, Person, Unit

ORDER = 10

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lò", "Hà", "Triệu"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Công", "Ngọc", "Tiến"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Minh", "Kim", "Phương", "Mai", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Đông", "Lâm"]
GIVEN_F = ["An", "Chi", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Quỳnh", "Tâm", "Thảo", "Trang", "Vân", "Yến", "Hằng", "Loan", "Nhung"]
ETHNIC = ["Kinh"] * 14 + ["Tày", "Thái", "Mường", "H'Mông", "Dao", "Nùng"]
POSITIONS_LEAD = ["Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Hiệu trưởng", "Chủ tịch UBND"]
POSITIONS_STAFF = ["Chuyên viên", "Chuyên viên chính", "Giáo viên", "Bác sĩ", "Điều dưỡng", "Kế toán", "Nhân viên", "Kỹ sư", "Công chức"]

# (code, name, kind, parent code, hardship area)
SMALL_UNITS = [
    ("UBND", "Ủy ban nhân dân tỉnh", UnitKind.SO_NGANH, None, False),
    ("SNV", "Sở Nội vụ", UnitKind.SO_NGANH, "UBND", False),
    ("SNV.TDKT", "Phòng Thi đua – Khen thưởng", UnitKind.PHONG_BAN, "SNV", False),
    ("SNV.VP", "Văn phòng Sở Nội vụ", UnitKind.PHONG_BAN, "SNV", False),
    ("SGDDT", "Sở Giáo dục và Đào tạo", UnitKind.SO_NGANH, "UBND", False),
    ("SGDDT.VP", "Văn phòng Sở Giáo dục và Đào tạo", UnitKind.PHONG_BAN, "SGDDT", False),
    ("SGDDT.GDTH", "Phòng Giáo dục Trung học", UnitKind.PHONG_BAN, "SGDDT", False),
    ("THPT.CHUYEN", "Trường THPT Chuyên Lê Quý Đôn", UnitKind.TRUONG_HOC, "SGDDT", False),
    ("THPT.BANLAO", "Trường THPT Bản Lào", UnitKind.TRUONG_HOC, "SGDDT", True),
    ("SYT", "Sở Y tế", UnitKind.SO_NGANH, "UBND", False),
    ("SYT.BVDK", "Bệnh viện Đa khoa tỉnh", UnitKind.Y_TE, "SYT", False),
    ("SYT.TTKS", "Trung tâm Kiểm soát bệnh tật", UnitKind.Y_TE, "SYT", False),
    ("STC", "Sở Tài chính", UnitKind.SO_NGANH, "UBND", False),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", UnitKind.SO_NGANH, "UBND", False),
    ("SXD", "Sở Xây dựng", UnitKind.SO_NGANH, "UBND", False),
    ("TINHDOAN", "Tỉnh Đoàn", UnitKind.DOAN_THE, "UBND", False),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", UnitKind.DOAN_THE, "UBND", False),
    ("XA.TANLAP", "Xã Tân Lập", UnitKind.XA_PHUONG, "UBND", True),
    ("XA.TANLAP.T1", "Thôn Nà Pồng", UnitKind.THON_TO, "XA.TANLAP", True),
    ("XA.TANLAP.T2", "Thôn Khuổi Tát", UnitKind.THON_TO, "XA.TANLAP", True),
    ("PHUONG.TRUNGTAM", "Phường Trung Tâm", UnitKind.XA_PHUONG, "UBND", False),
    ("PHUONG.TRUNGTAM.TDP1", "Tổ dân phố số 1", UnitKind.THON_TO, "PHUONG.TRUNGTAM", False),
    ("XA.BANLAO", "Xã Bản Lào", UnitKind.XA_PHUONG, "UBND", True),
    ("XA.BANLAO.T1", "Thôn Làng Mới", UnitKind.THON_TO, "XA.BANLAO", True),
    ("CTY.DIENLUC", "Công ty Điện lực tỉnh", UnitKind.DOANH_NGHIEP, "UBND", False),
    ("XA.HOPNHAT", "Xã Hợp Nhất (cũ, đã sáp nhập)", UnitKind.XA_PHUONG, "UBND", False),
]
# Units whose people the demo fills in (others are containers).
PEOPLE_UNITS = {
    "SNV.TDKT": 10, "SNV.VP": 12, "SGDDT.VP": 15, "SGDDT.GDTH": 12, "THPT.CHUYEN": 45, "THPT.BANLAO": 30,
    "SYT.BVDK": 50, "SYT.TTKS": 20, "STC": 20, "SNNMT": 22, "SXD": 15, "TINHDOAN": 12, "HLHPN": 12,
    "XA.TANLAP": 14, "PHUONG.TRUNGTAM": 16, "XA.BANLAO": 12, "CTY.DIENLUC": 30,
}


def is_seeded(scale: str) -> bool:
    code = "UBND" if scale == "small" else "P0001"
    return Unit.objects.filter(code=code).exists()


def person_name(rng, female: bool) -> str:
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{rng.choice(FAMILY)} {middle} {given}"


def _birth(rng) -> datetime.date:
    return datetime.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))


def seed(ctx) -> None:
    if ctx.scale == "province":
        return seed_province(ctx)
    rng = ctx.rng
    units: dict[str, Unit] = {}
    for code, name, kind, parent, hardship in SMALL_UNITS:
        units[code] = Unit.objects.create(code=code, name=name, kind=kind, parent=units.get(parent), hardship_area=hardship)
    merged = units["XA.HOPNHAT"]
    merged.successor = units["XA.TANLAP"]
    merged.is_active = False
    merged.save()
    people: dict[str, list[Person]] = {}
    n = 0
    for code, count in PEOPLE_UNITS.items():
        for i in range(count):
            n += 1
            female = rng.random() < 0.5
            leader = i < 2
            hardship = units[code].hardship_area
            people.setdefault(code, []).append(Person(
                code=f"CN{n:05d}", full_name=person_name(rng, female), gender=Gender.NU if female else Gender.NAM,
                birth_date=_birth(rng), ethnicity=rng.choice(ETHNIC[-6:] if hardship and rng.random() < 0.6 else ETHNIC),
                unit=units[code], position=(POSITIONS_LEAD[i % 2] if leader else rng.choice(POSITIONS_STAFF)), is_leader=leader,
            ))
    # A name everyone can search for without accents ("nguyen van an").
    people["SGDDT.GDTH"][2].full_name = "Nguyễn Văn An"
    people["SGDDT.GDTH"][2].gender = Gender.NAM
    for group in people.values():
        for person in group:
            person.save()
    households = []
    h = 0
    for code in ["XA.TANLAP.T1", "XA.TANLAP.T2", "PHUONG.TRUNGTAM.TDP1", "XA.BANLAO.T1"]:
        for i in range(8):
            h += 1
            households.append(Household.objects.create(
                code=f"HO{h:04d}", head_name=person_name(rng, rng.random() < 0.3),
                address=f"Số {i + 1}, {units[code].name}", unit=units[code],
            ))
    ctx.objects.update(units=units, people=people, households=households)
    ctx.say(f"  Tổ chức: {len(units)} đơn vị, {n} cá nhân, {len(households)} hộ gia đình.")


def seed_province(ctx) -> None:
    """≥ 1,500 units and ≥ 60,000 people, with bulk inserts (paths computed here, not in save())."""
    from core.text import fold

    rng = ctx.rng
    root = Unit.objects.create(code="P0001", name="Ủy ban nhân dân tỉnh (quy mô tỉnh)", kind=UnitKind.SO_NGANH)
    units: list[Unit] = []
    kinds = [UnitKind.SO_NGANH] * 30 + [UnitKind.XA_PHUONG] * 120 + [UnitKind.TRUONG_HOC] * 20 + [UnitKind.DOANH_NGHIEP] * 10 + [UnitKind.DOAN_THE] * 10 + [UnitKind.Y_TE] * 10
    tops = []
    for i, kind in enumerate(kinds):
        code = f"P{i + 2:04d}"
        name = {"so_nganh": "Sở", "xa_phuong": "Xã", "truong_hoc": "Trường", "doanh_nghiep": "Công ty", "doan_the": "Hội", "y_te": "Bệnh viện"}[kind]
        tops.append(Unit(code=code, name=f"{name} số {i + 1}", kind=kind, parent=root, path=f"{root.path}{code}/",
                         hardship_area=kind == UnitKind.XA_PHUONG and rng.random() < 0.3, search_text=fold(f"{code} {name} số {i + 1}")))
    Unit.objects.bulk_create(tops, batch_size=500)
    tops = list(Unit.objects.filter(parent=root).order_by("code"))
    children = []
    for top in tops:
        child_kind = UnitKind.THON_TO if top.kind == UnitKind.XA_PHUONG else UnitKind.PHONG_BAN
        for j in range(7):
            code = f"{top.code}.{j + 1}"
            name = ("Thôn" if child_kind == UnitKind.THON_TO else "Phòng") + f" {j + 1} – {top.name}"
            children.append(Unit(code=code, name=name, kind=child_kind, parent=top, path=f"{top.path}{code}/",
                                 hardship_area=top.hardship_area, search_text=fold(f"{code} {name}")))
    Unit.objects.bulk_create(children, batch_size=1000)
    units = list(Unit.objects.filter(path__startswith=root.path).exclude(pk=root.pk).only("id", "code", "kind"))
    people = []
    n = 0
    for unit in units:
        for i in range(42):
            n += 1
            female = rng.random() < 0.5
            name = person_name(rng, female)
            people.append(Person(
                code=f"PP{n:06d}", full_name=name, gender=Gender.NU if female else Gender.NAM, birth_date=_birth(rng),
                ethnicity=rng.choice(ETHNIC), unit_id=unit.id, position="Lãnh đạo" if i < 3 else "Chuyên viên",
                is_leader=i < 3, search_text=fold(f"PP{n:06d} {name}"),
            ))
            if len(people) >= 5000:
                Person.objects.bulk_create(people)
                people = []
    Person.objects.bulk_create(people)
    ctx.objects.update(province_root=root)
    ctx.say(f"  Tổ chức (quy mô tỉnh): {len(units) + 1} đơn vị, {n} cá nhân.")
