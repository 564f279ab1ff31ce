"""Exports in the import formats, built on django-import-export resources (the rows) and
``core.xlsx`` (the file, formula starts escaped). An awards export imports back unchanged."""

from import_export import fields, resources, widgets

from ..enums import SUBJECT_EXPORT_CODES
from ..models import Award
from .kinds import SPECS

AMOUNT_HEADER = "Số tiền thưởng"


class AwardResource(resources.ModelResource):
    """A register row in the ``awards`` import format plus its amount (integer VND)."""

    subject = fields.Field(column_name="Mã đối tượng")
    subject_type_code = fields.Field(column_name="Loại đối tượng")
    kind_code = fields.Field(column_name="Mã khen thưởng", attribute="kind__code")
    year_value = fields.Field(column_name="Năm", attribute="year", widget=widgets.IntegerWidget(coerce_to_string=False))
    decision = fields.Field(column_name="Số quyết định", attribute="decision_number")
    decision_day = fields.Field(column_name="Ngày quyết định")
    ctype = fields.Field(column_name="Loại khen thưởng", attribute="commendation_type")
    campaign_code = fields.Field(column_name="Mã phong trào")
    initiative_code = fields.Field(column_name="Mã sáng kiến")
    money = fields.Field(column_name=AMOUNT_HEADER, attribute="amount", widget=widgets.IntegerWidget(coerce_to_string=False))

    class Meta:
        model = Award
        export_order = ("subject", "subject_type_code", "kind_code", "year_value", "decision", "decision_day", "ctype",
                        "campaign_code", "initiative_code", "money")
        fields = export_order

    def dehydrate_subject(self, award):
        return award.subject_code

    def dehydrate_subject_type_code(self, award):
        return SUBJECT_EXPORT_CODES[award.subject_type]

    def dehydrate_decision_day(self, award):
        return award.decision_date.strftime("%d/%m/%Y")

    def dehydrate_campaign_code(self, award):
        return award.campaign.code if award.campaign_id else ""

    def dehydrate_initiative_code(self, award):
        return award.initiative.code if award.initiative_id else ""


class RegisterResource(AwardResource):
    """A register search result: the import columns plus names and status, for reading."""

    name = fields.Field(column_name="Tên đối tượng")
    unit_name = fields.Field(column_name="Đơn vị (khi khen)", attribute="snapshot_unit__name")
    kind_name = fields.Field(column_name="Hình thức / danh hiệu", attribute="kind__name")
    status_label = fields.Field(column_name="Trạng thái")

    class Meta(AwardResource.Meta):
        export_order = AwardResource.Meta.export_order + ("name", "unit_name", "kind_name", "status_label")
        fields = export_order

    def dehydrate_name(self, award):
        return str(award.recipient)

    def dehydrate_status_label(self, award):
        text = award.get_status_display()
        return f"{text} ({award.revoked_decision_number})" if award.revoked_decision_number else text


def export_rows(resource: resources.ModelResource, queryset) -> tuple[list[str], list[list]]:
    dataset = resource.export(queryset=queryset)
    return list(dataset.headers), [list(row) for row in dataset]


def awards_for_year(year: int):
    """Awards in force of a year, in the order the register lists them (revoked ones are not
    part of the register a province exports; they stay visible on the register pages)."""
    return (Award.objects.in_force().filter(year=year)
            .select_related("kind", "person", "unit", "household", "campaign", "initiative", "snapshot_unit")
            .order_by("kind__code", "decision_date", "id"))


def template_headers(kind: str) -> list[str]:
    return list(SPECS[kind].headers)
