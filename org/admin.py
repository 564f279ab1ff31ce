from django.contrib import admin

from core.admin import AuditedModelAdmin

from .models import Household, Person, Unit


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    list_display = ("code", "name", "kind", "parent", "hardship_area", "is_active")
    list_filter = ("kind", "hardship_area", "is_active")
    search_fields = ("code", "search_text")
    raw_id_fields = ("parent", "successor")


@admin.register(Person)
class PersonAdmin(AuditedModelAdmin):
    list_display = ("code", "full_name", "gender", "unit", "position", "is_leader")
    list_filter = ("gender", "is_leader")
    search_fields = ("code", "search_text")
    raw_id_fields = ("unit",)


@admin.register(Household)
class HouseholdAdmin(AuditedModelAdmin):
    list_display = ("code", "head_name", "unit")
    search_fields = ("code", "search_text")
    raw_id_fields = ("unit",)
