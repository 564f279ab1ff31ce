"""An appraisal form rendered before a colleague appraised the line is refused, not applied over theirs."""

import pytest
from django.urls import reverse

from awards.enums_workflow import LineOutcome
from awards.services import workflow as wf
from core.models import ActivityLog
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_stale_appraisal_form_is_refused(client_for, make_dossier, head, staff):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    line = dossier.lines.get()
    page = client_for(staff).get(dossier.get_absolute_url())
    assert f'name="seen" value="{LineOutcome.PENDING}"' in page.content.decode()

    colleague = UserFactory(username="canbo2", role="staff", unit=staff.unit)
    wf.line_appraise(actor=colleague, line=line, passed=True, seen_outcome=LineOutcome.PENDING)
    url = reverse("awards:line-appraise", args=[dossier.uuid, line.pk])
    response = client_for(staff).post(
        url, {"passed": "0", "reason": "Thiếu minh chứng", "seen": LineOutcome.PENDING}, follow=True
    )

    assert "vừa được người khác cập nhật" in response.content.decode()
    line.refresh_from_db()
    assert line.outcome == LineOutcome.APPRAISAL_PASSED
    assert ActivityLog.objects.filter(action="awards.line.appraise").count() == 1


def test_fresh_appraisal_form_is_applied(client_for, make_dossier, head, staff):
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff)
    line = dossier.lines.get()
    url = reverse("awards:line-appraise", args=[dossier.uuid, line.pk])
    client_for(staff).post(url, {"passed": "0", "reason": "Thiếu minh chứng", "seen": LineOutcome.PENDING})
    line.refresh_from_db()
    assert (line.outcome, line.outcome_reason) == (LineOutcome.APPRAISAL_FAILED, "Thiếu minh chứng")
