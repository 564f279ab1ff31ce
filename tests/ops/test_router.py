"""Reports read from the replica inside reading_from_replica() when one is configured."""

from awards.models import Award
from core import routers
from core.routers import ReportsReplicaRouter, reading_from_replica, replica_view


def test_reads_stay_on_default_without_replica(monkeypatch):
    monkeypatch.setattr(routers, "replica_configured", lambda: False)
    router = ReportsReplicaRouter()

    with reading_from_replica():
        assert router.db_for_read(Award) is None


def test_reads_go_to_replica_inside_the_block_only(monkeypatch):
    monkeypatch.setattr(routers, "replica_configured", lambda: True)
    router = ReportsReplicaRouter()

    outside = router.db_for_read(Award)
    with reading_from_replica():
        inside = router.db_for_read(Award)
        write = router.db_for_write(Award)
    seen = replica_view(lambda: router.db_for_read(Award))()

    assert (outside, inside, write, seen) == (None, "replica", "default", "replica")
    assert router.allow_migrate("replica", "awards") is False
    assert router.allow_migrate("default", "awards") is True
