"""Units (the tree of agencies, communes, enterprises...), people and households."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimestampedModel
from core.text import clean_text, fold

from .enums import MAJORITY_ETHNICITY, Gender, UnitKind

CODE_REGEX = r"^[A-Za-z0-9_.\-]{1,40}$"


class Unit(TimestampedModel):
    """A unit of the province: agency, mass organisation, commune, enterprise, school, sub-unit,
    village. ``path`` holds the codes from the root (``/SNV/SNV.VP/``) so a subtree is one
    ``startswith`` filter. Merged units (since 2025) point to their ``successor``.

    Changed by ``org.services`` (unit_create, unit_update) and the ``units`` import.
    """

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=300)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=1000, editable=False, db_index=True)  # subtree filters
    hardship_area = models.BooleanField(_("vùng khó khăn"), default=False)
    successor = models.ForeignKey(
        "self", verbose_name=_("đơn vị kế thừa (sáp nhập)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="predecessors",
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.CharField(max_length=500, editable=False, db_index=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=UnitKind.values), name="%(app_label)s_%(class)s_kind_valid"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="%(app_label)s_%(class)s_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:unit-detail", args=[self.code])

    def save(self, *args, **kwargs):
        self.name = clean_text(self.name)
        self.code = clean_text(self.code)
        self.path = (self.parent.path if self.parent_id else "/") + self.code + "/"
        self.search_text = fold(f"{self.code} {self.name}")
        super().save(*args, **kwargs)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def is_within(self, other: "Unit") -> bool:
        """True when this unit is ``other`` or below it."""
        return self.path.startswith(other.path)

    @property
    def is_small_collective(self) -> bool:
        return self.kind in {UnitKind.PHONG_BAN, UnitKind.THON_TO}


class Person(TimestampedModel):
    """An individual who can be rated and awarded; ``is_leader`` separates leaders/managers from
    direct workers (a statistic the province reports).

    Changed by ``org.services`` (person_create, person_update) and the ``persons`` import.
    """

    code = models.CharField(_("mã cá nhân"), max_length=40, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=200)
    gender = models.CharField(_("giới tính"), max_length=3, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=50, default=MAJORITY_ETHNICITY)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people")
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    is_leader = models.BooleanField(_("lãnh đạo, quản lý"), default=False)
    is_active = models.BooleanField(_("đang công tác"), default=True)
    search_text = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["full_name", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(gender__in=Gender.values), name="%(app_label)s_%(class)s_gender_valid"),
        ]
        indexes = [
            # people of a unit (eligibility scans, unit pages)
            models.Index(fields=["unit", "full_name"], name="org_person_unit_name_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("org:person-detail", args=[self.code])

    def save(self, *args, **kwargs):
        self.full_name = clean_text(self.full_name)
        self.code = clean_text(self.code)
        self.ethnicity = clean_text(self.ethnicity) or MAJORITY_ETHNICITY
        self.position = clean_text(self.position)
        self.search_text = fold(f"{self.code} {self.full_name}")
        super().save(*args, **kwargs)

    @property
    def is_ethnic_minority(self) -> bool:
        return fold(self.ethnicity) != fold(MAJORITY_ETHNICITY)


class Household(TimestampedModel):
    """A household (hộ gia đình) of a village or commune, which can receive household awards.

    Changed by ``org.services`` (household_create, household_update) and the ``households`` import.
    """

    code = models.CharField(_("mã hộ"), max_length=40, unique=True)
    head_name = models.CharField(_("chủ hộ"), max_length=200)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("thôn / xã"), on_delete=models.PROTECT, related_name="households"
    )
    search_text = models.CharField(max_length=500, editable=False, db_index=True)

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        ordering = ["head_name", "code"]

    def __str__(self) -> str:
        return _("Hộ %(name)s") % {"name": self.head_name}

    def get_absolute_url(self) -> str:
        return reverse("org:household-list") + f"?q={self.code}"

    def save(self, *args, **kwargs):
        self.head_name = clean_text(self.head_name)
        self.code = clean_text(self.code)
        self.address = clean_text(self.address)
        self.search_text = fold(f"{self.code} {self.head_name} {self.address}")
        super().save(*args, **kwargs)
