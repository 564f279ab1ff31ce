"""Queues and lists keep a constant query count as items grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.org import PersonFactory
from tests.workflow.helpers import to_appraised

pytestmark = pytest.mark.django_db


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_dossier_list_and_dashboard_constant(make_dossier, client_for, staff, officer, head, province):
    make_dossier(documents=False)
    urls = [reverse("awards:dossier-list"), reverse("reports:dashboard"), reverse("awards:meeting-create"), reverse("awards:posting-list")]
    clients = [client_for(staff), client_for(officer)]
    few = [_count(c, u) for c in clients for u in urls[:2]] + [_count(clients[0], u) for u in urls[2:]]
    for _ in range(4):
        d = make_dossier(subjects=[PersonFactory(unit=province["sub"])])
        to_appraised(d, head, staff)
    many = [_count(c, u) for c in clients for u in urls[:2]] + [_count(clients[0], u) for u in urls[2:]]
    assert few == many


def test_public_page_constant(make_dossier, head, staff, client, province):
    import datetime

    from django.utils import timezone

    from awards.services import workflow as wf

    today = timezone.localdate()
    d = to_appraised(make_dossier(kind="CSTD_TINH"), head, staff)
    wf.posting_create(actor=staff, title="A", start_date=today, end_date=today + datetime.timedelta(days=1), lines=d.lines.all())
    few = _count(client, "/cong-khai/")
    for _ in range(3):
        d = to_appraised(make_dossier(kind="CSTD_TINH", subjects=[PersonFactory(unit=province["sub"])]), head, staff)
        wf.posting_create(actor=staff, title="B", start_date=today, end_date=today + datetime.timedelta(days=1), lines=d.lines.all())
    assert _count(client, "/cong-khai/") == few
