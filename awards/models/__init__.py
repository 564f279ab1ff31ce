from .catalog import AwardKind, BaseSalary, PolicyParameter, RewardRate
from .evidence import Discipline, Initiative, Rating
from .imports import ImportJob, ImportKind, ImportStatus
from .register import Award

__all__ = [
    "Award",
    "AwardKind",
    "BaseSalary",
    "Discipline",
    "ImportJob",
    "ImportKind",
    "ImportStatus",
    "Initiative",
    "PolicyParameter",
    "Rating",
    "RewardRate",
]
