from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import clean_text, fold

from .enums import UNIT_ROLES, Role


class User(AbstractUser):
    """A person who signs in. Their role decides what they see; unit roles are scoped to ``unit``.

    Changed by ``accounts.services`` (user_create, user_update, user_set_active).
    """

    full_name = models.CharField(_("họ và tên"), max_length=200, blank=True)
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    is_council_chair = models.BooleanField(_("chủ tịch hội đồng"), default=False)
    search_text = models.CharField(max_length=400, editable=False, blank=True, db_index=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=Role.values), name="%(app_label)s_%(class)s_role_valid"),
            models.CheckConstraint(
                condition=~Q(role__in=[Role.UNIT_OFFICER, Role.UNIT_HEAD]) | Q(unit__isnull=False),
                name="%(app_label)s_%(class)s_unit_role_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.full_name = clean_text(self.full_name)
        self.search_text = fold(f"{self.username} {self.full_name} {self.email}")
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def is_staff_role(self) -> bool:
        return self.role == Role.STAFF

    @property
    def is_unit_user(self) -> bool:
        return self.role in UNIT_ROLES

    @property
    def is_unit_head(self) -> bool:
        return self.role == Role.UNIT_HEAD

    @property
    def is_council_member(self) -> bool:
        return self.role == Role.COUNCIL_MEMBER

    @property
    def is_read_only(self) -> bool:
        return self.role == Role.VIEWER
