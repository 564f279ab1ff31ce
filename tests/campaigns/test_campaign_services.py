import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from campaigns import queries, services
from campaigns.enums import CampaignState, Participation
from campaigns.models import Reminder
from core.models import ActivityLog
from tests.factories.accounts import UserFactory
from tests.factories.campaigns import CampaignFactory
from tests.factories.org import PersonFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_launch_moves_draft_to_launched_logs_and_emails(campaign, staff, province, mailoutbox, django_capture_on_commit_callbacks):
    UserFactory(role="unit_officer", unit=province["ours"], email="donvi@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_launch(actor=staff, campaign=campaign, reason="Chỉ thị 477")
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.LAUNCHED
    assert campaign.launched_at is not None
    entry = ActivityLog.objects.for_object(campaign).get(action="campaigns.campaign.launch")
    assert entry.actor == staff and entry.after["state"] == "launched" and entry.after["units"] == 2
    assert [m.to for m in mailoutbox] == [["donvi@example.vn"]]
    assert campaign.name in mailoutbox[0].subject


def test_launch_refused_twice(launched, staff):
    with pytest.raises(services.CampaignError):
        services.campaign_launch(actor=staff, campaign=launched)


def test_launch_refused_without_directive_number(campaign, staff):
    campaign.directive_number = ""
    campaign.save()
    with pytest.raises(services.CampaignError, match="số văn bản"):
        services.campaign_launch(actor=staff, campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.state == CampaignState.DRAFT


def test_launch_refused_without_participants(campaign, staff):
    campaign.participation = Participation.LIST
    campaign.save()
    with pytest.raises(services.CampaignError, match="đơn vị tham gia"):
        services.campaign_launch(actor=staff, campaign=campaign)


def test_launch_refused_to_unit_officer(campaign, officer):
    with pytest.raises(PermissionDenied):
        services.campaign_launch(actor=officer, campaign=campaign)


def test_midterm_records_results_and_state(launched, staff):
    gdp, poor = launched.targets.order_by("order")
    review = services.campaign_review_midterm(
        actor=staff, campaign=launched, held_on=datetime.date(2026, 7, 15),
        results=[services.TargetResult(gdp, Decimal("9.5")), services.TargetResult(poor, Decimal("4.0"))],
        report_file=SimpleUploadedFile("so-ket.pdf", PDF),
    )
    launched.refresh_from_db()
    assert launched.state == CampaignState.MIDTERM_REVIEWED
    gdp.refresh_from_db()
    assert gdp.achieved is True
    assert review.results[str(gdp.pk)]["achieved"] is True
    assert Decimal(review.results[str(gdp.pk)]["actual"]) == Decimal("9.5")
    assert review.report_file.name.startswith("campaigns/reviews/") and review.report_file.name.endswith(".pdf")
    assert "so-ket" not in review.report_file.name


def test_lower_is_better_target_met_when_below(launched, staff):
    _, poor = launched.targets.order_by("order")
    poor.higher_is_better = False
    poor.save()
    services.campaign_close(actor=staff, campaign=launched, held_on=datetime.date(2026, 12, 20),
                            results=[services.TargetResult(poor, Decimal("3.5"))])
    poor.refresh_from_db()
    assert poor.achieved is True
    assert queries.campaign_summary(launched)["targets_met"] == 1


def test_midterm_refused_on_draft(campaign, staff):
    with pytest.raises(services.CampaignError):
        services.campaign_review_midterm(actor=staff, campaign=campaign, held_on=datetime.date(2026, 7, 1))


def test_close_after_midterm_then_nothing(launched, staff):
    services.campaign_review_midterm(actor=staff, campaign=launched, held_on=datetime.date(2026, 7, 1))
    services.campaign_close(actor=staff, campaign=launched, held_on=datetime.date(2026, 12, 20))
    launched.refresh_from_db()
    assert launched.state == CampaignState.CLOSED
    assert list(launched.reviews.values_list("kind", flat=True)) == ["midterm", "final"]
    with pytest.raises(services.CampaignError):
        services.campaign_review_midterm(actor=staff, campaign=launched, held_on=datetime.date(2026, 12, 21))
    with pytest.raises(services.CampaignError):
        services.campaign_close(actor=staff, campaign=launched, held_on=datetime.date(2026, 12, 21))


def test_review_refuses_fake_pdf(launched, staff):
    with pytest.raises(ValidationError, match="PDF"):
        services.campaign_close(actor=staff, campaign=launched, held_on=datetime.date(2026, 12, 20),
                                report_file=SimpleUploadedFile("bao-cao.pdf", b"MZ not a pdf"))
    launched.refresh_from_db()
    assert launched.state == CampaignState.LAUNCHED


def test_registration_by_unit_officer_with_individuals(launched, officer, province, kinds):
    person = PersonFactory(unit=province["sub"])
    reg = services.registration_submit(
        actor=officer, campaign=launched, unit=province["ours"], collective_kind=kinds["TTLDXS"],
        individuals=[(person, kinds["CSTD_CS"])],
    )
    assert reg.individuals.get().kind.code == "CSTD_CS"
    found = queries.registrations_for(person, 2026)
    assert [(r.campaign_code, r.kind_code) for r in found] == [("PT2026", "CSTD_CS")]
    assert [r.kind_code for r in queries.registrations_for(province["ours"], 2026)] == ["TTLDXS"]
    assert queries.registrations_for(person, 2025) == []
    assert queries.registered_kinds(year=2026, persons=[person]) == {("individual", person.pk): {"CSTD_CS"}}


def test_registration_replaces_previous_entry(launched, officer, province, kinds):
    person = PersonFactory(unit=province["ours"])
    services.registration_submit(actor=officer, campaign=launched, unit=province["ours"], individuals=[(person, kinds["LDTT"])])
    reg = services.registration_submit(actor=officer, campaign=launched, unit=province["ours"], individuals=[(person, kinds["CSTD_CS"])])
    assert list(reg.individuals.values_list("kind__code", flat=True)) == ["CSTD_CS"]
    assert launched.registrations.count() == 1


def test_registration_refused_for_other_unit(launched, other_officer, province):
    with pytest.raises(PermissionDenied):
        services.registration_submit(actor=other_officer, campaign=launched, unit=province["ours"])


def test_registration_refused_on_draft(campaign, officer, province):
    with pytest.raises(services.CampaignError, match="thời gian đăng ký"):
        services.registration_submit(actor=officer, campaign=campaign, unit=province["ours"])


def test_registration_refused_for_person_of_another_unit(launched, officer, province, kinds):
    stranger = PersonFactory(unit=province["other"])
    with pytest.raises(services.CampaignError, match="không thuộc"):
        services.registration_submit(actor=officer, campaign=launched, unit=province["ours"],
                                     individuals=[(stranger, kinds["LDTT"])])
    assert launched.registrations.count() == 0


def test_registration_refuses_collective_title_for_person(launched, officer, province, kinds):
    person = PersonFactory(unit=province["ours"])
    with pytest.raises(services.CampaignError, match="cá nhân"):
        services.registration_submit(actor=officer, campaign=launched, unit=province["ours"],
                                     individuals=[(person, kinds["TTLDXS"])])


def test_remind_only_unregistered_units(launched, staff, officer, province, mailoutbox, django_capture_on_commit_callbacks):
    services.registration_submit(actor=officer, campaign=launched, unit=province["ours"])
    UserFactory(role="unit_head", unit=province["other"], email="syt@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        count = services.registration_remind(actor=staff, campaign=launched)
    assert count == 1
    assert list(Reminder.objects.values_list("unit__code", flat=True)) == ["SYT"]
    assert [m.to for m in mailoutbox] == [["syt@example.vn"]]
    assert ActivityLog.objects.filter(action="campaigns.registration.remind").count() == 1


def test_summary_counts(launched, officer, province):
    services.registration_submit(actor=officer, campaign=launched, unit=province["ours"])
    summary = queries.campaign_summary(launched)
    assert summary["targets_total"] == 2 and summary["targets_met"] == 0
    assert summary["participants"] == 2 and summary["registered"] == 1 and summary["not_registered"] == 1


def test_participation_by_kind(province, staff):
    c = CampaignFactory(participation=Participation.KINDS, participant_kinds=["phong_ban"])
    assert list(queries.participating_units(c).values_list("code", flat=True)) == ["SGDDT.VP"]
