"""Demo users, one per role (CONTRACTS §3)."""

from .enums import Role
from .models import User

ORDER = 20


def seed(ctx) -> None:
    if ctx.scale != "small":
        return
    units = ctx.objects["units"]
    spec = [
        ("canbo", "Trần Thị Thanh Hương", Role.STAFF, "SNV.TDKT", "Chuyên viên Phòng Thi đua – Khen thưởng", False),
        ("donvi", "Lê Minh Tuấn", Role.UNIT_OFFICER, "SGDDT", "Chuyên viên phụ trách thi đua", False),
        ("thutruong", "Phạm Văn Hải", Role.UNIT_HEAD, "SGDDT", "Giám đốc Sở Giáo dục và Đào tạo", False),
        ("truongkhoi", "Đỗ Thị Lan", Role.UNIT_HEAD, "SYT", "Giám đốc Sở Y tế", False),
        ("lanhdao", "Hoàng Quang Vinh", Role.VIEWER, "UBND", "Phó Chủ tịch UBND tỉnh", False),
    ]
    council = [
        ("Nguyễn Đức Thịnh", "UBND", "Chủ tịch UBND tỉnh – Chủ tịch Hội đồng"),
        ("Bùi Thị Ngọc Mai", "SNV", "Giám đốc Sở Nội vụ – Phó Chủ tịch Hội đồng"),
        ("Vũ Văn Long", "STC", "Giám đốc Sở Tài chính"),
        ("Đặng Thu Trang", "HLHPN", "Chủ tịch Hội LHPN tỉnh"),
        ("Hồ Minh Quân", "TINHDOAN", "Bí thư Tỉnh Đoàn"),
        ("Ngô Thanh Sơn", "SGDDT", "Phó Giám đốc Sở Giáo dục và Đào tạo"),
        ("Dương Thị Hạnh", "SYT", "Phó Giám đốc Sở Y tế"),
    ]
    for i, (name, unit, position) in enumerate(council, start=1):
        spec.append((f"hoidong{i}", name, Role.COUNCIL_MEMBER, unit, position, i == 1))
    users = {}
    for username, name, role, unit, position, chair in spec:
        user = User(username=username, full_name=name, role=role, unit=units[unit], position=position,
                    is_council_chair=chair, is_staff=role == Role.STAFF, email=f"{username}@demo.thidua.gov.vn")
        user.set_password(ctx.password)
        user.save()
        users[username] = user
    ctx.objects["users"] = users
    ctx.say(f"  Người dùng: {len(users)} tài khoản mẫu.")
