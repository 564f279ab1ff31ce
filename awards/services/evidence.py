"""Writes to the yearly evidence: task ratings, initiatives, disciplines and pending holds.

Staff write for the whole province; a unit officer for the people and collectives of their unit
and its sub-units. Every write is logged in its own transaction.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.enums import Role
from core.audit import changes, log_action, snapshot
from core.text import clean_text

from ..enums import SubjectType
from ..models import Discipline, Initiative, Rating

RATING_FIELDS = ["subject_type", "person_id", "unit_id", "year", "grade"]
INITIATIVE_FIELDS = ["code", "title", "year", "scope", "decision_number"]
DISCIPLINE_FIELDS = ["person_id", "form", "start_date", "end_date", "decision_number", "note"]


def can_write_for_unit(actor, unit) -> bool:
    """Staff anywhere; a unit officer inside their own unit's subtree."""
    if actor.is_superuser or actor.role == Role.STAFF:
        return True
    return actor.role == Role.UNIT_OFFICER and bool(actor.unit_id) and unit is not None and unit.is_within(actor.unit)


def _check_scope(actor, unit) -> None:
    if not can_write_for_unit(actor, unit):
        raise PermissionDenied


def _save(obj, *, actor, action: str, fields: list[str], before: dict | None, reason: str = "") -> None:
    obj.full_clean()
    obj.save()
    after = snapshot(obj, fields)
    if before is None:
        log_action(actor=actor, action=action, obj=obj, reason=reason, after=after)
    else:
        old, new = changes(before, after)
        if new:
            log_action(actor=actor, action=action, obj=obj, reason=reason, before=old, after=new)


def _rating_unit(rating: Rating):
    return rating.person.unit if rating.subject_type == SubjectType.INDIVIDUAL else rating.unit


def rating_create(*, actor, rating: Rating, reason: str = "") -> Rating:
    """Record a yearly rating. Side effect: audit row ``awards.rating.create``."""
    _check_scope(actor, _rating_unit(rating))
    with transaction.atomic():
        _save(rating, actor=actor, action="awards.rating.create", fields=RATING_FIELDS, before=None, reason=reason)
    return rating


def rating_update(*, actor, rating: Rating, grade: str, reason: str = "") -> Rating:
    """Change a rating's grade. Side effect: audit row ``awards.rating.update``."""
    with transaction.atomic():
        rating = Rating.objects.select_for_update(of=("self",)).select_related("person__unit", "unit").get(pk=rating.pk)
        _check_scope(actor, _rating_unit(rating))
        before = snapshot(rating, RATING_FIELDS)
        rating.grade = grade
        _save(rating, actor=actor, action="awards.rating.update", fields=RATING_FIELDS, before=before, reason=reason)
    return rating


def rating_set(*, actor, subject_type: str, subject, year: int, grade: str, reason: str = "") -> Rating:
    """The rating of ``subject`` (a Person or a Unit) for ``year`` becomes ``grade``: recorded when
    there is none, its grade changed otherwise. Side effect: audit row ``awards.rating.create`` or
    ``awards.rating.update`` (none when the grade is already that)."""
    subject_field = "person" if subject_type == SubjectType.INDIVIDUAL else "unit"
    _check_scope(actor, subject.unit if subject_type == SubjectType.INDIVIDUAL else subject)
    with transaction.atomic():
        existing = Rating.objects.select_for_update(of=("self",)).filter(**{subject_field: subject, "year": year}).first()
        if existing is not None:
            return rating_update(actor=actor, rating=existing, grade=grade, reason=reason)
        rating = Rating(subject_type=subject_type, year=year, grade=grade, **{subject_field: subject})
        try:
            with transaction.atomic():
                return rating_create(actor=actor, rating=rating, reason=reason)
        except IntegrityError:
            # Someone recorded the same year at the same moment (the unique constraint waited for
            # their commit): change that rating instead of failing.
            existing = Rating.objects.select_for_update(of=("self",)).get(**{subject_field: subject, "year": year})
            return rating_update(actor=actor, rating=existing, grade=grade, reason=reason)


def _check_authors(actor, authors) -> None:
    if not authors:
        raise ValidationError({"authors": _("Sáng kiến cần ít nhất một tác giả.")})
    if not (actor.is_superuser or actor.role == Role.STAFF):
        for person in authors:
            _check_scope(actor, person.unit)


def initiative_create(*, actor, initiative: Initiative, authors, reason: str = "") -> Initiative:
    """Record a recognised initiative with its authors. Side effect: audit row ``awards.initiative.create``."""
    authors = list(authors)
    if not (actor.is_superuser or actor.role in {Role.STAFF, Role.UNIT_OFFICER}):
        raise PermissionDenied
    _check_authors(actor, authors)
    with transaction.atomic():
        initiative.decision_number = clean_text(initiative.decision_number)
        _save(initiative, actor=actor, action="awards.initiative.create", fields=INITIATIVE_FIELDS, before=None, reason=reason)
        initiative.authors.set(authors)
        log_action(actor=actor, action="awards.initiative.authors", obj=initiative, after={"authors": [p.code for p in authors]})
    return initiative


def initiative_update(*, actor, initiative: Initiative, before: dict, authors=None, reason: str = "") -> Initiative:
    """Save changes to an initiative (``before`` = ``snapshot(initiative, INITIATIVE_FIELDS)``
    taken before the form changed it). Side effect: audit row ``awards.initiative.update``."""
    if not (actor.is_superuser or actor.role in {Role.STAFF, Role.UNIT_OFFICER}):
        raise PermissionDenied
    with transaction.atomic():
        Initiative.objects.select_for_update().get(pk=initiative.pk)
        current = list(initiative.authors.select_related("unit"))
        _check_authors(actor, current)
        _save(initiative, actor=actor, action="awards.initiative.update", fields=INITIATIVE_FIELDS, before=before, reason=reason)
        if authors is not None:
            authors = list(authors)
            _check_authors(actor, authors)
            old = sorted(p.code for p in current)
            new = sorted(p.code for p in authors)
            if old != new:
                initiative.authors.set(authors)
                log_action(actor=actor, action="awards.initiative.authors", obj=initiative, before={"authors": old}, after={"authors": new})
    return initiative


def discipline_create(*, actor, discipline: Discipline, reason: str = "") -> Discipline:
    """Record a discipline or a pending hold. Side effect: audit row ``awards.discipline.create``."""
    _check_scope(actor, discipline.person.unit)
    with transaction.atomic():
        _save(discipline, actor=actor, action="awards.discipline.create", fields=DISCIPLINE_FIELDS, before=None, reason=reason)
    return discipline


def discipline_update(*, actor, discipline: Discipline, before: dict, reason: str = "") -> Discipline:
    """Save changes (e.g. the end of a hold). ``before`` = ``snapshot(d, DISCIPLINE_FIELDS)``.
    Side effect: audit row ``awards.discipline.update``."""
    with transaction.atomic():
        Discipline.objects.select_for_update().get(pk=discipline.pk)
        _check_scope(actor, discipline.person.unit)
        _save(discipline, actor=actor, action="awards.discipline.update", fields=DISCIPLINE_FIELDS, before=before, reason=reason)
    return discipline
