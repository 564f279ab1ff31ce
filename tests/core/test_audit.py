import pytest
from django.db import transaction

from core.audit import log_action, snapshot
from core.models import ActivityLog
from org.models import Unit
from org.services import UNIT_FIELDS, unit_update

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_log_action_refuses_to_run_outside_a_transaction(province, staff):
    with pytest.raises(RuntimeError):
        log_action(actor=staff, action="x", obj=province["ours"])


def test_audit_log_is_append_only(province, staff):
    with transaction.atomic():
        entry = log_action(actor=staff, action="test.action", obj=province["ours"], after={"a": 1})
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        ActivityLog.objects.all().delete()
    with pytest.raises(TypeError):
        ActivityLog.objects.update(action="y")


def test_service_change_leaves_before_and_after(province, staff):
    unit = province["ours"]
    before = snapshot(unit, UNIT_FIELDS)
    unit.name = "Sở Giáo dục và Đào tạo tỉnh"
    unit_update(actor=staff, unit=unit, before=before)
    entry = ActivityLog.objects.for_object(unit).get()
    assert entry.actor == staff
    assert entry.action == "org.unit.update"
    assert entry.before == {"name": "Sở Giáo dục và Đào tạo"}
    assert entry.after == {"name": "Sở Giáo dục và Đào tạo tỉnh"}


def test_unit_code_change_rebuilds_subtree_paths(province, staff):
    unit = province["ours"]
    before = snapshot(unit, UNIT_FIELDS)
    unit.code = "SGD"
    unit_update(actor=staff, unit=unit, before=before)
    assert Unit.objects.get(code="SGDDT.VP").path == "/UBND/SGD/SGDDT.VP/"
