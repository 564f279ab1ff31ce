"""Reads of campaigns, targets, participants and registrations."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from accounts.enums import Role
from core.text import filter_search
from org.models import Unit

from .enums import CampaignState, Participation
from .models import Campaign, RegisteredIndividual, Registration, Reminder, Target

CAMPAIGN_READERS = {Role.STAFF, Role.VIEWER, Role.UNIT_OFFICER, Role.UNIT_HEAD, Role.COUNCIL_MEMBER}


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Staff see drafts too; every other signed-in role sees launched campaigns (they are public acts)."""
    if user.is_superuser or user.role == Role.STAFF:
        return Campaign.objects.all()
    if user.role in CAMPAIGN_READERS:
        return Campaign.objects.exclude(state=CampaignState.DRAFT)
    return Campaign.objects.none()


def campaign_list(user, *, q: str = "", state: str = "", year: int | None = None) -> QuerySet[Campaign]:
    qs = filter_search(campaigns_visible_to(user), q)
    if state:
        qs = qs.filter(state=state)
    if year:
        qs = qs.filter(year=year)
    return qs.annotate(
        targets_total=Count("targets", distinct=True),
        targets_met=Count("targets", filter=Q(targets__achieved=True), distinct=True),
        registrations_count=Count("registrations", distinct=True),
    ).order_by("-year", "-start_date", "code")


def province_level_units() -> QuerySet[Unit]:
    """Active units directly under the province root: the ``all`` participation."""
    return Unit.objects.filter(is_active=True, parent__isnull=False, parent__parent__isnull=True)


def participating_units(campaign: Campaign) -> QuerySet[Unit]:
    if campaign.participation == Participation.LIST:
        return campaign.participants.filter(is_active=True).order_by("path")
    if campaign.participation == Participation.KINDS:
        return Unit.objects.filter(is_active=True, kind__in=campaign.participant_kinds or []).order_by("path")
    return province_level_units().order_by("path")


def participants_with_status(campaign: Campaign) -> QuerySet[Unit]:
    """Participating units annotated with ``is_registered`` and ``last_reminded``, in one query."""
    return participating_units(campaign).annotate(
        is_registered=Exists(Registration.objects.filter(campaign=campaign, unit=OuterRef("pk"))),
        last_reminded=Subquery(
            Reminder.objects.filter(campaign=campaign, unit=OuterRef("pk")).order_by("-sent_at").values("sent_at")[:1]
        ),
    )


def unregistered_units(campaign: Campaign) -> QuerySet[Unit]:
    return participating_units(campaign).exclude(registrations__campaign=campaign)


def target_counts(campaign: Campaign) -> dict:
    counts = Target.objects.filter(campaign=campaign).aggregate(
        total=Count("pk"), met=Count("pk", filter=Q(achieved=True)), assessed=Count("pk", filter=Q(achieved__isnull=False))
    )
    return counts


def registrations(campaign: Campaign, *, unit: Unit | None = None) -> QuerySet[Registration]:
    qs = Registration.objects.filter(campaign=campaign).select_related("unit", "collective_kind", "registered_by")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs.annotate(individuals_count=Count("individuals")).order_by("unit__path")


def awards_granted(campaign: Campaign) -> list[dict]:
    """Awards in force granted under the campaign, counted by kind and subject type.

    Read through the reverse relation ``campaign.awards`` (``awards.Award.campaign``), so campaigns
    needs no import of the awards app, which sits to its right.
    """
    rows = (
        campaign.awards.filter(status="in_force")
        .values("kind__code", "kind__name", "subject_type")
        .annotate(count=Count("pk"))
        .order_by("kind__code", "subject_type")
    )
    table: dict[str, dict] = {}
    for row in rows:
        entry = table.setdefault(row["kind__code"], {
            "code": row["kind__code"], "name": row["kind__name"], "individual": 0, "collective": 0, "household": 0,
            "total": 0,
        })
        entry[row["subject_type"]] = row["count"]
        entry["total"] += row["count"]
    return list(table.values())


def campaign_summary(campaign: Campaign) -> dict:
    """The figures a review announces: targets met/total, participants, registrations.

    Keys: ``targets_total``, ``targets_met``, ``targets_assessed``, ``participants``, ``registered``,
    ``not_registered``, ``individuals_registered``, ``collective_titles`` (kind code → count),
    ``individual_titles`` (kind code → count).
    """
    counts = target_counts(campaign)
    participants = participating_units(campaign).count()
    registered = Registration.objects.filter(campaign=campaign, unit__in=participating_units(campaign)).count()
    collective = dict(
        Registration.objects.filter(campaign=campaign, collective_kind__isnull=False)
        .values_list("collective_kind__code").annotate(n=Count("pk")).order_by()
    )
    individual = dict(
        RegisteredIndividual.objects.filter(registration__campaign=campaign)
        .values_list("kind__code").annotate(n=Count("pk")).order_by()
    )
    return {
        "targets_total": counts["total"],
        "targets_met": counts["met"],
        "targets_assessed": counts["assessed"],
        "participants": participants,
        "registered": registered,
        "not_registered": participants - registered,
        "individuals_registered": sum(individual.values()),
        "collective_titles": collective,
        "individual_titles": individual,
    }


@dataclass(frozen=True)
class RegisteredTitle:
    """One title a person or unit registered for in a year's campaign."""

    campaign_code: str
    campaign_name: str
    kind_code: str
    kind_name: str


def registrations_for(subject, year: int) -> list[RegisteredTitle]:
    """What ``subject`` (an ``org.Person`` or an ``org.Unit``) registered for in campaigns of ``year``."""
    from org.models import Person

    if isinstance(subject, Person):
        rows = (
            RegisteredIndividual.objects.filter(person=subject, registration__campaign__year=year)
            .exclude(registration__campaign__state=CampaignState.DRAFT)
            .values_list("registration__campaign__code", "registration__campaign__name", "kind__code", "kind__name")
            .order_by("registration__campaign__code")
        )
    else:
        rows = (
            Registration.objects.filter(unit=subject, campaign__year=year, collective_kind__isnull=False)
            .exclude(campaign__state=CampaignState.DRAFT)
            .values_list("campaign__code", "campaign__name", "collective_kind__code", "collective_kind__name")
            .order_by("campaign__code")
        )
    return [RegisteredTitle(*row) for row in rows]


def registered_kinds(*, year: int, persons=None, units=None) -> dict[tuple[str, int], set[str]]:
    """Bulk form for scans: {("individual", person id) | ("collective", unit id): {kind codes}} in ≤ 2 queries."""
    found: dict[tuple[str, int], set[str]] = {}
    if persons is not None:
        for pid, code in RegisteredIndividual.objects.filter(
            person__in=persons, registration__campaign__year=year
        ).exclude(registration__campaign__state=CampaignState.DRAFT).values_list("person_id", "kind__code"):
            found.setdefault(("individual", pid), set()).add(code)
    if units is not None:
        for uid, code in Registration.objects.filter(
            unit__in=units, campaign__year=year, collective_kind__isnull=False
        ).exclude(campaign__state=CampaignState.DRAFT).values_list("unit_id", "collective_kind__code"):
            found.setdefault(("collective", uid), set()).add(code)
    return found


def award_kind_model():
    """``awards.AwardKind`` reached through the registration's string foreign key: campaigns sits left of
    awards and must not import it, but may read the catalog its own rows point to."""
    return Registration._meta.get_field("collective_kind").related_model


def title_kinds(subject_type: str):
    """Active emulation titles (danh hiệu) open to ``subject_type`` (``individual`` or ``collective``)."""
    return award_kind_model().objects.filter(
        is_active=True, category="title", subjects__contains=subject_type
    ).order_by("-rank", "code")
