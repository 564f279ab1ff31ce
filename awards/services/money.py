"""Award money, exactly as ../shared/domain/money_policy.md says.

amount = round_up(coefficient(kind, subject, decision date) × subject multiplier × base salary)
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from core.money import round_up

from ..enums import Category, SubjectType
from ..models import AwardKind, BaseSalary, RewardRate
from ..policy import load_params


@dataclass(frozen=True)
class MoneyBreakdown:
    coefficient: Decimal
    multiplier: Decimal
    base_salary: int
    amount: int

    @property
    def explanation(self) -> str:
        return f"{self.coefficient} × {self.multiplier} × {self.base_salary:,} đ → {self.amount:,} đ".replace(",", ".")


class MoneyTables:
    """Rates and base salaries loaded once, for computing many amounts without a query each."""

    def __init__(self):
        self.rates: dict[tuple[str, str], list[RewardRate]] = {}
        for rate in RewardRate.objects.select_related("kind").order_by("valid_from"):
            self.rates.setdefault((rate.kind.code, rate.subject), []).append(rate)
        self.salaries = list(BaseSalary.objects.order_by("valid_from").values_list("valid_from", "amount"))
        self.params = load_params()

    def rate(self, code: str, subject: str, on: datetime.date) -> Decimal | None:
        for rate in reversed(self.rates.get((code, subject), [])):
            if rate.valid_from <= on and (rate.valid_to is None or on <= rate.valid_to):
                return rate.coefficient
        return None

    def base_salary(self, on: datetime.date) -> int | None:
        found = None
        for valid_from, amount in self.salaries:
            if valid_from <= on:
                found = amount
        return found

    def multiplier(self, kind: AwardKind, subject: str) -> Decimal | None:
        """The subject multiplier applied to an individual coefficient; None when none applies."""
        if subject == SubjectType.INDIVIDUAL:
            return Decimal(1)
        if kind.category == Category.TITLE:
            # Collective titles carry their own collective coefficient: no multiplier.
            return None
        if subject == SubjectType.COLLECTIVE:
            if kind.is_order:
                return Decimal(str(self.params["money.collective_multiplier_order"]))
            if kind.is_certificate:
                return Decimal(str(self.params["money.collective_multiplier_certificate"]))
            return None
        if subject == SubjectType.HOUSEHOLD:
            return Decimal(str(self.params["money.household_multiplier"]))
        return None

    def breakdown(self, kind: AwardKind, subject: str, decision_date: datetime.date) -> MoneyBreakdown | None:
        salary = self.base_salary(decision_date)
        if salary is None:
            return None
        own = self.rate(kind.code, subject, decision_date)
        if own is not None:
            coefficient, multiplier = own, Decimal(1)
        else:
            coefficient = self.rate(kind.code, SubjectType.INDIVIDUAL, decision_date)
            multiplier = self.multiplier(kind, subject) if coefficient is not None else None
            if coefficient is None or multiplier is None:
                return None
        raw = coefficient * multiplier * Decimal(salary)
        amount = round_up(raw, settings.AWARD_MONEY_ROUND_STEP) if settings.AWARD_MONEY_ROUND_UP else int(raw)
        return MoneyBreakdown(coefficient, multiplier, salary, amount)

    def amount(self, kind: AwardKind, subject: str, decision_date: datetime.date) -> int | None:
        result = self.breakdown(kind, subject, decision_date)
        return result.amount if result else None


def compute_award_amount(*, kind: AwardKind, subject_type: str, decision_date: datetime.date) -> int | None:
    """Integer VND for one award, or None when no rate or base salary is known for that date."""
    return MoneyTables().amount(kind, subject_type, decision_date)


def rates_in_force(on: datetime.date):
    return RewardRate.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on), valid_from__lte=on)
