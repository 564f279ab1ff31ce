"""Award register rows for report tests (the register service is another area's)."""

import datetime

from awards.enums import AwardStatus, SubjectType
from awards.models import Award, AwardKind


def make_award(*, kind: str, year: int, person=None, unit=None, household=None, amount: int = 0,
               snapshot_unit=None, is_leader=None, gender: str = "", ethnicity: str = "", hardship: bool = False,
               status: str = AwardStatus.IN_FORCE, campaign=None, decision_number: str = "",
               **extra) -> Award:
    if person is not None:
        subject = SubjectType.INDIVIDUAL
        snapshot_unit = snapshot_unit or person.unit
        gender = gender or person.gender
        ethnicity = ethnicity or person.ethnicity
        is_leader = person.is_leader if is_leader is None else is_leader
    elif unit is not None:
        subject = SubjectType.COLLECTIVE
        snapshot_unit = snapshot_unit or unit
    else:
        subject = SubjectType.HOUSEHOLD
        snapshot_unit = snapshot_unit or household.unit
    return Award.objects.create(
        subject_type=subject, person=person, unit=unit, household=household,
        kind=AwardKind.objects.get(code=kind), year=year,
        decision_number=decision_number or f"{100 + year % 100}/QĐ-UBND", decision_date=datetime.date(year, 12, 1),
        amount=amount, snapshot_unit=snapshot_unit, snapshot_is_leader=is_leader, snapshot_gender=gender,
        snapshot_ethnicity=ethnicity, snapshot_hardship=hardship, status=status, campaign=campaign, **extra,
    )
