"""The commendation workflow's writes: dossiers, lines, documents, appraisal and posting."""

from .checks import LineCheck, Problem, check_lines  # noqa: F401
from .common import WorkflowError  # noqa: F401
from .dossiers import (  # noqa: F401
    document_delete,
    document_upload,
    dossier_create_draft,
    dossier_finish_appraisal,
    dossier_receive,
    dossier_return,
    dossier_submit,
    dossier_update,
    dossier_withdraw,
    line_add,
    line_appraise,
    line_override,
    line_remove,
    line_update,
    submission_problems,
)
from .posting import feedback_rate_limited, feedback_submit, posting_create  # noqa: F401, E402
