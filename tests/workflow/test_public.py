import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from awards.models import Feedback
from awards.services import workflow as wf
from tests.workflow.helpers import to_appraised

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted(make_dossier, head, staff):
    cache.clear()
    dossier = to_appraised(make_dossier(kind="CSTD_TINH"), head, staff)
    today = timezone.localdate()
    posting = wf.posting_create(actor=staff, title="CK", start_date=today, end_date=today + datetime.timedelta(days=3), lines=dossier.lines.all())
    return posting.posting_lines.get()


def test_public_page_shows_open_posting_without_login(posted, client):
    body = client.get("/cong-khai/").content.decode()
    assert posted.line.nominee.full_name in body and "Hoàn thành xuất sắc nhiệm vụ" in body


def test_closed_posting_is_not_shown(posted, client):
    posted.posting.end_date = posted.posting.start_date = timezone.localdate() - datetime.timedelta(days=10)
    posted.posting.save()
    assert posted.line.nominee.full_name not in client.get("/cong-khai/").content.decode()
    response = client.post(reverse("public-feedback", args=[posted.uuid]), {"text": "x"})
    assert response.status_code == 404


def test_feedback_saved_and_text_required(posted, client):
    url = reverse("public-feedback", args=[posted.uuid])
    client.post(url, {"text": "  "})
    assert not Feedback.objects.exists()
    client.post(url, {"text": "Đồng ý đề nghị", "name": "Bà Lan"})
    fb = Feedback.objects.get()
    assert fb.text == "Đồng ý đề nghị" and fb.name == "Bà Lan" and len(fb.ip_hash) == 64 and "127" not in fb.ip_hash


def test_honeypot_stores_nothing(posted, client):
    client.post(reverse("public-feedback", args=[posted.uuid]), {"text": "spam", "website": "http://x"})
    assert not Feedback.objects.exists()


def test_rate_limited_per_address(posted, client):
    url = reverse("public-feedback", args=[posted.uuid])
    for i in range(7):
        client.post(url, {"text": f"Ý kiến {i}"})
    assert Feedback.objects.count() == wf.posting.FEEDBACK_LIMIT
    response = client.post(url, {"text": "nữa"}, follow=True)
    assert "thử lại sau" in response.content.decode()


def test_staff_and_council_read_feedback_with_line(posted, client, client_for, staff, council_member):
    wf.feedback_submit(posting_line=posted, text="Có ý kiến khác", address="1.2.3.4")
    url = reverse("awards:posting-detail", args=[posted.posting.uuid])
    assert "Có ý kiến khác" in client_for(staff).get(url).content.decode()
    assert "Có ý kiến khác" in client_for(council_member).get(url).content.decode()


def test_login_page_links_public_page(client):
    assert 'href="/cong-khai/"' in client.get("/accounts/login/").content.decode()
