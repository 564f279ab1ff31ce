from .catalog import AwardKind, BaseSalary, PolicyParameter, RewardRate
from .evidence import Discipline, Initiative, Rating
from .register import Award

__all__ = [
    "Award",
    "AwardKind",
    "BaseSalary",
    "Discipline",
    "Initiative",
    "PolicyParameter",
    "Rating",
    "RewardRate",
]
