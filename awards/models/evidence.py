"""Yearly evidence the eligibility engine reads: task ratings, initiatives, disciplines and holds."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import clean_text, fold

from ..enums import DisciplineForm, Grade, InitiativeScope, SubjectType


class Rating(TimestampedModel):
    """The task rating of a person or a collective (unit) for one year.

    Written by ``awards.services.evidence`` and the ``ratings`` import.
    """

    subject_type = models.CharField(
        _("loại đối tượng"), max_length=12,
        choices=[(SubjectType.INDIVIDUAL, SubjectType.INDIVIDUAL.label), (SubjectType.COLLECTIVE, SubjectType.COLLECTIVE.label)],
    )
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="ratings")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    grade = models.CharField(_("xếp loại"), max_length=6, choices=Grade.choices)

    class Meta:
        verbose_name = _("xếp loại")
        verbose_name_plural = _("xếp loại")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=Q(grade__in=Grade.values), name="%(app_label)s_%(class)s_grade_valid"),
            models.CheckConstraint(
                condition=(Q(subject_type=SubjectType.INDIVIDUAL, person__isnull=False, unit__isnull=True)
                           | Q(subject_type=SubjectType.COLLECTIVE, unit__isnull=False, person__isnull=True)),
                name="%(app_label)s_%(class)s_one_subject",
            ),
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False), name="%(app_label)s_%(class)s_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], condition=Q(unit__isnull=False), name="%(app_label)s_%(class)s_unit_year"),
        ]
        indexes = [
            # eligibility loads ratings by year window for many subjects
            models.Index(fields=["year", "person"], name="awards_rating_year_person_idx"),
            models.Index(fields=["year", "unit"], name="awards_rating_year_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}: {self.grade}"


class Initiative(TimestampedModel):
    """A recognised initiative (sáng kiến). It backs at most one award ever: the award that used it
    points to it (``Award.initiative``, unique while in force).

    Written by ``awards.services.evidence`` and the ``initiatives`` import.
    """

    code = models.CharField(_("mã sáng kiến"), max_length=40, unique=True)
    title = models.CharField(_("tên sáng kiến"), max_length=500)
    authors = models.ManyToManyField("org.Person", verbose_name=_("tác giả"), related_name="initiatives")
    year = models.PositiveSmallIntegerField(_("năm công nhận"))
    scope = models.CharField(_("phạm vi ảnh hưởng"), max_length=10, choices=InitiativeScope.choices)
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=100, blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True)

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-year", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(scope__in=InitiativeScope.values), name="%(app_label)s_%(class)s_scope_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs):
        self.title = clean_text(self.title)
        self.search_text = fold(f"{self.code} {self.title}")
        super().save(*args, **kwargs)


class Discipline(TimestampedModel):
    """A disciplinary measure with its period, or a pending hold (review, investigation, complaint)
    when ``form`` is ``dang_xem_xet`` (end date empty while pending).

    Written by ``awards.services.evidence`` and the ``disciplines`` import.
    """

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức"), max_length=20, choices=DisciplineForm.choices)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kỷ luật / đang xem xét")
        verbose_name_plural = _("kỷ luật / đang xem xét")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(condition=Q(form__in=DisciplineForm.values), name="%(app_label)s_%(class)s_form_valid"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="%(app_label)s_%(class)s_period_ordered",
            ),
            # The same measure from the same day is one record: two imports of one file at once
            # cannot both write it.
            models.UniqueConstraint(
                fields=["person", "form", "start_date"], name="%(app_label)s_%(class)s_person_form_start",
                violation_error_message=_("Cá nhân này đã có kỷ luật cùng hình thức, cùng ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_form_display()}"

    @property
    def is_pending_hold(self) -> bool:
        return self.form == DisciplineForm.DANG_XEM_XET
