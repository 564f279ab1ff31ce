"""The eligibility area's province policy parameters (registered in ``awards.policy.DEFAULTS``).

Staff change them through ``awards.policy.policy_set`` (logged) on the policy page. Values marked
UNCONFIRMED in ``../shared/domain/law-fact-sheet.md`` are defaults a province is expected to check.
"""

from __future__ import annotations

from typing import Any

from awards.policy import DEFAULTS, ParamSpec, register_defaults

PREFIX = "eligibility."

TTLDTT_SHARE = "eligibility.ttldtt_member_share"
CAP_CSTD_CS = "eligibility.cap_cstd_cs_pct_of_ldtt"
CAP_LDTT = "eligibility.cap_ldtt_pct_of_headcount"
RULES_DISABLED = "eligibility.rules_disabled"
RULE_PERIODS = "eligibility.rule_periods"
CRITERIA_PREFIX = "eligibility.criteria."


def criteria_key(kind_code: str, subject_type: str) -> str:
    return f"{CRITERIA_PREFIX}{kind_code}.{subject_type}"


# Defaults of the configured kinds, from the fact sheet (§1.1, §1.2, §2.4). Every criterion is a
# dict with a ``type`` (see ``configured.CRITERION_TYPES``).
DEFAULT_CRITERIA: dict[tuple[str, str], list[dict]] = {
    # Art 27 in the old-framework wording (fact sheet §1.2): holds TTLĐTT, excellent rating, every
    # member completes tasks, ≥70% of members LĐTT, ≥1 member CSTĐ cơ sở, no member warned or worse.
    ("TTLDXS", "collective"): [
        {"type": "rating", "grade": "HTXSNV", "years": 1},
        {"type": "award_count", "kind": "TTLDTT", "count": 1, "window": 1},
        {"type": "members_rated", "grade": "HTNV", "share": 1.0},
        {"type": "members_award", "kind": "LDTT", "share": 0.7},
        {"type": "members_award_count", "kind": "CSTD_CS", "count": 1},
        {"type": "no_member_discipline", "min_form": "canh_cao"},
    ],
    # Art 26: the leading collective of a provincial bloc or cluster; the bloc's vote is checked by
    # the appraisal, not here.
    ("CO_TINH", "collective"): [
        {"type": "rating", "grade": "HTXSNV", "years": 1},
        {"type": "no_member_discipline", "min_form": "canh_cao"},
        {"type": "manual", "text": "Dẫn đầu khối, cụm thi đua của tỉnh (theo kết quả bình xét của khối, cụm)"},
    ],
    # Art 21: two consecutive CSTĐ tỉnh (each needs three years, so within six years) and an
    # initiative of national scope.
    ("CSTD_TQ", "individual"): [
        {"type": "award_count", "kind": "CSTD_TINH", "count": 2, "window": 6},
        {"type": "initiative", "min_scope": "toan_quoc", "count": 1, "window": 6},
    ],
    # Art 74 collective routes (UNCONFIRMED): the long-standing rule, two consecutive excellent years.
    ("BK_TINH", "collective"): [
        {"type": "rating", "grade": "HTXSNV", "years": 2},
        {"type": "no_member_discipline", "min_form": "canh_cao"},
    ],
    # Art 73 collective routes (UNCONFIRMED): five consecutive excellent years with a provincial
    # flag once or a provincial certificate twice in that time.
    ("BK_TTG", "collective"): [
        {"type": "rating", "grade": "HTXSNV", "years": 5},
        {"type": "any", "of": [
            {"type": "award_count", "kind": "CO_TINH", "count": 1, "window": 5},
            {"type": "award_count", "kind": "BK_TINH", "count": 2, "window": 5},
        ]},
        {"type": "no_member_discipline", "min_form": "canh_cao"},
    ],
}

SPECS: dict[str, ParamSpec] = {
    TTLDTT_SHARE: ParamSpec(
        0.7, "Tỷ lệ tối thiểu thành viên đạt LĐTT để tập thể đạt Tập thể lao động tiên tiến (0..1)",
        "Luật TĐKT 2022 Điều 28(1)",
    ),
    CAP_CSTD_CS: ParamSpec(
        None, "Trần CSTĐ cơ sở, % số LĐTT của đơn vị (để trống: không giới hạn; UNCONFIRMED — quy định cũ 15%)",
        "Quy định của tỉnh / ngành",
    ),
    CAP_LDTT: ParamSpec(
        None, "Trần LĐTT, % số người của đơn vị (để trống: không giới hạn)", "Quy định của tỉnh / ngành",
    ),
    RULES_DISABLED: ParamSpec([], "Các quy tắc xét điều kiện tạm không áp dụng (mã quy tắc)", ""),
    RULE_PERIODS: ParamSpec(
        {}, "Thời kỳ áp dụng của từng quy tắc theo năm đánh giá: {mã quy tắc: [từ năm, đến năm hoặc null]}", "",
    ),
}
SPECS.update({
    criteria_key(kind, subject): ParamSpec(
        criteria, f"Tiêu chí cấu hình của {kind} ({subject}) — tiêu chí pháp lý chưa xác minh (UNCONFIRMED)",
        "law-fact-sheet §1, §2.4",
    )
    for (kind, subject), criteria in DEFAULT_CRITERIA.items()
})

register_defaults(SPECS)


def resolve(params: dict[str, Any] | None) -> dict[str, Any]:
    """A complete parameter dict: ``params`` over the defaults, or the stored values (one query)."""
    if params is None:
        from awards.policy import load_params

        return load_params()
    values = {key: spec.default for key, spec in DEFAULTS.items()}
    values.update(params)
    return values
