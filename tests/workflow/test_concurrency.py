"""Two people acting at once on PostgreSQL: one wins, the other gets a clear message."""

import datetime
import threading

import pytest
from django.db import connection

from awards.models import Award, BallotCast
from awards.services import council, decisions
from awards.services import workflow as wf
from tests.workflow.helpers import draft_decision, open_meeting, to_appraised, to_voted

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _catalog(transactional_db):
    """Transactional tests flush the tables: reload the shipped catalog when it is gone."""
    import importlib

    from django.apps import apps

    from awards.models import AwardKind

    if not AwardKind.objects.exists():
        importlib.import_module("awards.migrations.0002_load_catalog").load(apps, None)


def _race(*calls):
    """Run the calls at the same time in threads; return (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as exc:  # collected for the assertions
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def test_two_staff_receive_same_dossier(make_dossier, head, staff):
    from tests.factories.accounts import UserFactory

    other = UserFactory(role="staff")
    dossier = make_dossier()
    wf.dossier_submit(actor=head, dossier=dossier)
    results, errors = _race(lambda: wf.dossier_receive(actor=staff, dossier=dossier, appraiser=staff),
                            lambda: wf.dossier_receive(actor=other, dossier=dossier, appraiser=other))
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], wf.WorkflowError) and "đã được tiếp nhận" in errors[0].messages[0]


def test_double_vote_at_once(make_dossier, head, staff, roster):
    dossier = to_appraised(make_dossier(), head, staff)
    meeting = open_meeting(dossier, staff, roster)
    item = meeting.items.get()
    results, errors = _race(lambda: council.ballot_cast(actor=roster[0], item=item, choice="yes"),
                            lambda: council.ballot_cast(actor=roster[0], item=item, choice="no"))
    assert len(errors) == 1 and "đã biểu quyết" in errors[0].messages[0]
    assert BallotCast.objects.filter(item=item).count() == 1 and item.ballots.count() == 1


def test_double_issue_at_once(make_dossier, head, staff, roster):
    to_voted(make_dossier(), head, staff, roster)
    decision = draft_decision(staff, date=datetime.date(2026, 12, 20))
    results, errors = _race(lambda: decisions.decision_issue(actor=staff, decision=decision),
                            lambda: decisions.decision_issue(actor=staff, decision=decision))
    assert len(results) == 1 and len(errors) == 1 and "đã được ban hành" in errors[0].messages[0]
    assert Award.objects.count() == 1
