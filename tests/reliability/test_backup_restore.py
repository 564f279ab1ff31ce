"""Backup and restore exactly as docs/deployment.md says: pg_dump -Fc, then pg_restore into a
fresh, uniquely named scratch database, which must hold the same rows. The scratch database is
dropped afterwards."""

import os
import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from awards.models import Award
from org.models import Person, Unit
from tests.factories.org import PersonFactory, UnitFactory


def _libpq_env(params) -> dict:
    env = dict(os.environ)
    env.update({"PGHOST": params.get("host") or "127.0.0.1", "PGPORT": str(params.get("port") or 5432),
                "PGUSER": params.get("user") or "postgres"})
    if params.get("password"):
        env["PGPASSWORD"] = params["password"]
    return env


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_pg_dump_and_pg_restore_round_trip(tmp_path):
    unit = UnitFactory(code="SAOLUU", name="Đơn vị sao lưu – Tiếng Việt")
    PersonFactory(code="SL001", full_name="Nguyễn Thị Sao Lưu", unit=unit)
    params = connection.get_connection_params()
    env = _libpq_env(params)
    source = connection.settings_dict["NAME"]
    scratch = f"thidua_restore_{uuid.uuid4().hex[:10]}"
    dump = tmp_path / "thidua.dump"
    admin = psycopg.connect(host=env["PGHOST"], port=env["PGPORT"], user=env["PGUSER"], password=params.get("password"),
                            dbname="postgres", autocommit=True)
    try:
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source], env=env, check=True, timeout=300)
        admin.execute(f'CREATE DATABASE "{scratch}"')
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={scratch}", str(dump)],
                       env=env, check=True, timeout=300)
        with psycopg.connect(host=env["PGHOST"], port=env["PGPORT"], user=env["PGUSER"], password=params.get("password"),
                             dbname=scratch) as restored:
            name = restored.execute("SELECT full_name FROM org_person WHERE code = 'SL001'").fetchone()
            counts = [restored.execute(f"SELECT count(*) FROM {m._meta.db_table}").fetchone()[0]  # noqa: S608
                      for m in (Unit, Person, Award)]
            migrations = restored.execute("SELECT count(*) FROM django_migrations").fetchone()[0]
        assert name == ("Nguyễn Thị Sao Lưu",)
        assert counts == [Unit.objects.count(), Person.objects.count(), Award.objects.count()]
        assert migrations > 0
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        admin.close()
