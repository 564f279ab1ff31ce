"""Accent-folded search uses trigram indexes on PostgreSQL (core.search_indexes)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
TABLES = ["awards_award", "awards_initiative", "awards_dossier", "org_person", "org_unit", "org_household"]


def test_every_searched_table_has_its_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE %s", ["%_search_trgm"])
        found = dict(cursor.fetchall())
    assert sorted(found) == sorted(f"{t}_search_trgm" for t in TABLES)
    assert all("gin_trgm_ops" in d and "search_text" in d for d in found.values())


def test_the_planner_can_answer_a_contains_search_from_the_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM awards_award WHERE search_text LIKE '%nguyen%'")
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert "awards_award_search_trgm" in plan, plan
