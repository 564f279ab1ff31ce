"""The shipped catalog defaults (copied from ../shared/domain so CI never reads outside the repo)."""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

BASE_SALARIES = [
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
    (datetime.date(2026, 7, 1), 2_530_000, "Nghị định 161/2026/NĐ-CP"),
]

# Law Art 84 / Decree 152/2025 Art 42: every nomination carries the cover letter, the unit's
# review minutes and the achievement report; emulation-fighter titles also need the
# certification of the initiative.
BASE_DOCUMENTS = ["bao_cao_thanh_tich"]
INITIATIVE_DOCUMENTS = ["xac_nhan_sang_kien"]
CSTD_CODES = {"CSTD_CS", "CSTD_TINH", "CSTD_TQ"}


def kind_rows():
    with (DATA / "award_kinds.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            state = row["level"] == "state"
            high = state or row["code"] == "CSTD_TINH"
            yield {
                "code": row["code"],
                "name": row["name_vi"],
                "name_en": row["name_en"],
                "category": row["category"],
                "subjects": row["subjects"],
                "level": row["level"],
                "conferred_by": row["conferred_by"],
                "rank": int(row["rank"]),
                "legal_basis": row["legal_basis"],
                "confirmed": row["confirmed"],
                "notes": row["notes"],
                # Posting for CSTĐ tỉnh and every state-level kind (Decree 152/2025 Art 43).
                "requires_posting": high,
                # Two thirds of all members for CSTĐ tỉnh and state-level kinds, else more than half.
                "vote_threshold": Decimal("0.667") if high else Decimal("0.5"),
                "required_documents": BASE_DOCUMENTS + (INITIATIVE_DOCUMENTS if row["code"] in CSTD_CODES else []),
                "processing_days": 30 if state else 20,
            }


def rate_rows():
    with (DATA / "reward_rates.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield {
                "code": row["award_code"],
                "subject": row["subject"],
                "coefficient": Decimal(row["coefficient"]),
                "valid_from": datetime.date.fromisoformat(row["valid_from"]),
                "valid_to": datetime.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None,
                "legal_basis": row["legal_basis"],
                "confirmed": row["confirmed"],
            }
