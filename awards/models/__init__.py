from .catalog import AwardKind, BaseSalary, PolicyParameter, RewardRate
from .council import AgendaItem, Ballot, BallotCast, Meeting, MeetingMember
from .decisions import Decision, Forwarding
from .evidence import Discipline, Initiative, Rating
from .imports import ImportJob, ImportKind, ImportStatus
from .register import Award
from .workflow import Document, Dossier, Feedback, NominationLine, Posting, PostingLine

__all__ = [
    "AgendaItem",
    "Award",
    "AwardKind",
    "Ballot",
    "BallotCast",
    "BaseSalary",
    "Decision",
    "Discipline",
    "Document",
    "Dossier",
    "Feedback",
    "Forwarding",
    "ImportJob",
    "ImportKind",
    "ImportStatus",
    "Initiative",
    "Meeting",
    "MeetingMember",
    "NominationLine",
    "PolicyParameter",
    "Posting",
    "PostingLine",
    "Rating",
    "RewardRate",
]
