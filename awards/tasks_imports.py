"""Background steps of large web imports (django-tasks). Tasks take ids and call services."""

from django_tasks import task

from .services import imports as services


@task()
def validate_import(job_id: int) -> None:
    with services.failing_marks_job(job_id):
        services.import_job_validate(job_id)


@task()
def write_import(job_id: int) -> None:
    with services.failing_marks_job(job_id):
        services.import_job_write(job_id)
