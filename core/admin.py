from django.contrib import admin
from django.db import transaction

from .audit import changes, log_action, snapshot
from .models import ActivityLog


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "action", "object_type", "object_repr", "request_id")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "reason", "action")
    readonly_fields = [f.name for f in ActivityLog._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """Admin whose every save and delete writes an audit row in the same transaction."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
            super().save_model(request, obj, form, change)
            after = snapshot(obj)
            label = obj._meta.label_lower
            if before is None:
                log_action(actor=request.user, action=f"{label}.admin_create", obj=obj, after=after)
            else:
                old, new = changes(before, after)
                if new:
                    log_action(actor=request.user, action=f"{label}.admin_update", obj=obj, before=old, after=new)

    def delete_model(self, request, obj):
        with transaction.atomic():
            log_action(actor=request.user, action=f"{obj._meta.label_lower}.admin_delete", obj=obj, before=snapshot(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
