"""XLSX exports of the unit and person lists, in the ``units`` and ``persons`` import formats
(CONTRACTS §4), so an export can be edited and imported back."""

from import_export import fields, resources

from .models import Person, Unit

EXPORT_LIMIT = 100_000


def _yes_no(value: bool) -> str:
    return "co" if value else "khong"


class UnitResource(resources.ModelResource):
    code = fields.Field(column_name="Mã đơn vị", attribute="code")
    name = fields.Field(column_name="Tên đơn vị", attribute="name")
    kind = fields.Field(column_name="Loại", attribute="kind")
    parent_code = fields.Field(column_name="Mã đơn vị cấp trên")
    hardship = fields.Field(column_name="Vùng khó khăn")

    class Meta:
        model = Unit
        fields = export_order = ("code", "name", "kind", "parent_code", "hardship")

    def dehydrate_parent_code(self, unit):
        return unit.parent.code if unit.parent_id else ""

    def dehydrate_hardship(self, unit):
        return _yes_no(unit.hardship_area)


class PersonResource(resources.ModelResource):
    code = fields.Field(column_name="Mã cá nhân", attribute="code")
    full_name = fields.Field(column_name="Họ và tên", attribute="full_name")
    gender = fields.Field(column_name="Giới tính", attribute="gender")
    birth = fields.Field(column_name="Ngày sinh")
    ethnicity = fields.Field(column_name="Dân tộc", attribute="ethnicity")
    unit_code = fields.Field(column_name="Mã đơn vị", attribute="unit__code")
    position = fields.Field(column_name="Chức vụ", attribute="position")
    leader = fields.Field(column_name="Lãnh đạo quản lý")

    class Meta:
        model = Person
        fields = export_order = ("code", "full_name", "gender", "birth", "ethnicity", "unit_code", "position", "leader")

    def dehydrate_birth(self, person):
        return person.birth_date.strftime("%d/%m/%Y") if person.birth_date else ""

    def dehydrate_leader(self, person):
        return _yes_no(person.is_leader)


def export_rows(resource, queryset) -> tuple[list[str], list[list]]:
    dataset = resource.export(queryset=queryset)
    return list(dataset.headers), [list(row) for row in dataset]
