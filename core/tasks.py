"""Operational probe tasks: check that a task backend and its worker run tasks end to end
(``manage.py shell -c "from core.tasks import echo; print(echo.enqueue('ok').id)"``)."""

from django_tasks import task


@task()
def echo(value: str) -> str:
    return value


@task()
def fail(message: str = "probe failure") -> None:
    raise RuntimeError(message)
