"""Authorization matrix over every URL WITH arguments × every persona.

Each pattern of the project that takes arguments (walked with get_resolver(), Django admin aside)
is reversed with real objects of ``tests/security/world.py``: every private object belongs to our
unit (SGDDT), so ``other_officer`` (SYT) must never read or act on one. The expected answer of each
URL × persona is written out in MATRIX below; ``test_every_url_with_arguments_is_in_the_matrix``
fails when a URL is added without a row.

Codes: ``200``; ``302`` (to the login page for ``anon``; a redirect back after a POST a persona may
make, the service refusing with a message or doing it); ``403`` (signed in, not allowed: a read-only
or wrong role); ``404`` (the object is outside the persona's scope); ``405`` (GET only / POST only).
POST rows are POST-only endpoints: they are sent with an empty body and, for every persona that
is not allowed (``403``, ``404``, anonymous ``302``), the test checks that no row changed anywhere.
"""

import pytest
from django.apps import apps
from django.db.models import Max
from django.urls import get_resolver, reverse

from core.models import ActivityLog

from .test_authorization_matrix import _walk
from .world import world  # noqa: F401 - the module-scoped fixture

PERSONAS = ["anon", "staff", "officer", "head", "other_officer", "council_member", "viewer", "bloc_head"]
SKIP_PREFIXES = ("admin:",)
# Public pages: an anonymous visitor is redirected back to the posting page, not to the login.
PUBLIC = {"public-feedback"}

# url name                          method anon  staff officer head other council viewer bloc_head
MATRIX_TEXT = """
accounts:user-edit                  GET    302   200   403   403   403   403     403    403
awards:ballot-cast                  POST   302   403   404   404   404   302     403    404
awards:decision-detail              GET    302   200   403   403   403   403     200    403
awards:decision-issue               POST   302   302   403   403   403   403     403    403
awards:document-delete              POST   302   403   302   302   404   404     403    404
awards:document-download            GET    302   200   200   200   404   404     200    404
awards:document-upload              POST   302   403   302   302   404   404     403    404
awards:dossier-checks               GET    302   200   200   200   404   404     200    404
awards:dossier-detail               GET    302   200   200   200   404   404     200    404
awards:dossier-edit                 GET    302   403   200   200   404   404     403    404
awards:dossier-finish               POST   302   302   403   403   404   404     403    404
awards:dossier-receive              POST   302   302   403   403   404   404     403    404
awards:dossier-return               POST   302   302   403   403   404   404     403    404
awards:dossier-submit               POST   302   403   403   302   404   404     403    404
awards:dossier-withdraw             POST   302   403   403   302   404   404     403    404
awards:eligibility-collective       GET    302   200   200   200   404   403     200    404
awards:eligibility-person           GET    302   200   200   200   404   403     200    404
awards:eligibility-unit             GET    302   200   200   200   404   403     200    404
awards:evidence-discipline-create   GET    302   200   200   403   404   403     403    404
awards:evidence-discipline-edit     GET    302   200   200   403   404   403     403    404
awards:evidence-initiative-create   GET    302   200   200   403   404   403     403    404
awards:evidence-initiative-edit     GET    302   200   200   403   404   403     403    404
awards:evidence-rating-person       GET    302   200   200   403   404   403     403    404
awards:evidence-rating-unit         GET    302   200   200   403   404   403     403    404
awards:forwarding-detail            GET    302   200   403   403   403   403     200    403
awards:import-cancel                POST   302   302   302   403   404   403     403    403
awards:import-confirm               POST   302   302   302   403   404   403     403    403
awards:import-detail                GET    302   200   200   403   404   403     403    403
awards:import-status                GET    302   200   200   403   404   403     403    403
awards:import-template              GET    302   200   200   403   200   403     403    403
awards:kind-detail                  GET    302   200   200   200   200   200     200    200
awards:line-add                     POST   302   403   302   302   404   404     403    404
awards:line-appraise                POST   302   302   403   403   404   404     403    404
awards:line-override                POST   302   302   403   403   404   404     403    404
awards:line-preview                 GET    302   403   200   200   404   404     403    404
awards:line-remove                  POST   302   403   302   302   404   404     403    404
awards:meeting-attendance           POST   302   302   403   403   403   403     403    403
awards:meeting-close                POST   302   302   403   403   403   403     403    403
awards:meeting-detail               GET    302   200   404   404   404   200     200    404
awards:meeting-minutes              GET    302   200   404   404   404   200     200    404
awards:meeting-open                 POST   302   302   403   403   403   403     403    403
awards:nominee-search               GET    302   403   200   200   404   404     403    404
awards:passport-household           GET    302   200   200   200   404   403     200    404
awards:passport-person              GET    302   200   200   200   404   403     200    404
awards:passport-unit                GET    302   200   200   200   404   403     200    404
awards:posting-detail               GET    302   200   403   403   403   200     403    403
awards:register-detail              GET    302   200   200   200   404   403     200    404
awards:register-revoke              POST   302   400   403   403   404   403     403    404
blocs:agreement                     POST   302   302   403   403   404   404     403    302
blocs:agreement-file                GET    302   200   200   200   404   404     200    200
blocs:criterion-add                 POST   302   302   403   403   404   404     403    302
blocs:group-detail                  GET    302   200   200   200   404   404     200    200
blocs:leaders                       POST   302   302   403   403   404   404     403    403
blocs:members                       POST   302   302   403   403   404   404     403    403
blocs:proposal                      POST   302   302   403   403   404   404     403    302
blocs:publish                       POST   302   302   403   403   404   404     403    302
blocs:scoring-open                  POST   302   302   403   403   404   404     403    302
blocs:sheet                         GET    302   200   200   200   404   404     200    200
blocs:sheet-self                    POST   302   403   302   302   404   404     403    403
blocs:sheet-verify                  POST   302   302   403   403   404   404     403    302
blocs:sign                          POST   302   403   302   302   404   404     403    302
blocs:vote                          POST   302   403   302   302   404   404     403    302
blocs:year-detail                   GET    302   200   200   200   404   404     200    200
blocs:year-start                    POST   302   302   403   403   403   403     403    403
campaigns:close                     GET    302   200   403   403   403   403     403    403
campaigns:content-add               POST   302   302   403   403   403   403     403    403
campaigns:detail                    GET    302   200   200   200   200   200     200    200
campaigns:directive                 GET    302   200   200   200   200   200     200    200
campaigns:edit                      GET    302   200   403   403   403   403     403    403
campaigns:launch                    POST   302   302   403   403   403   403     403    403
campaigns:midterm                   GET    302   200   403   403   403   403     403    403
campaigns:participants              GET    302   200   403   403   403   403     200    403
campaigns:register                  GET    302   404   200   200   200   404     403    200
campaigns:remind                    POST   302   302   403   403   403   403     403    403
campaigns:review-file               GET    302   200   200   200   200   200     200    200
campaigns:target-add                POST   302   302   403   403   403   403     403    403
org:household-edit                  GET    302   200   200   403   404   403     403    403
org:person-detail                   GET    302   200   200   200   404   403     200    404
org:person-edit                     GET    302   200   200   403   404   403     403    403
org:unit-detail                     GET    302   200   200   200   404   403     200    404
org:unit-edit                       GET    302   200   403   403   403   403     403    403
public-feedback                     POST   302   302   302   302   302   302     302    302
reports:award-certificate           GET    302   200   200   200   404   403     200    404
reports:decision-certificates       GET    302   200   403   403   403   403     403    403
reports:decision-pdf                GET    302   200   403   403   403   403     200    403
reports:document-detail             GET    302   200   200   200   404   403     404    404
reports:document-download           GET    302   200   200   200   404   403     404    404
reports:document-regenerate         POST   302   302   302   302   404   403     404    404
reports:document-retry              POST   302   302   403   403   404   403     404    404
reports:document-status             GET    302   200   200   200   404   403     404    404
reports:forwarding-cover-letter     GET    302   200   403   403   403   403     200    403
reports:meeting-minutes             GET    302   200   403   403   403   200     200    403
"""


def _parse(text: str) -> dict[str, tuple[str, dict[str, int]]]:
    rows = {}
    for line in text.strip().splitlines():
        name, method, *codes = line.split()
        assert len(codes) == len(PERSONAS), name
        rows[name] = (method, dict(zip(PERSONAS, map(int, codes), strict=True)))
    return rows


MATRIX = _parse(MATRIX_TEXT)


def urls_with_arguments() -> set[str]:
    names = set()
    for name, pattern in _walk(get_resolver()):
        if name.startswith(SKIP_PREFIXES):
            continue
        if pattern.pattern.converters or pattern.pattern.regex.groups:
            names.add(name)
    return names


def url_kwargs(name: str, w) -> dict:
    """The arguments of each URL, from the world's objects (all of our unit)."""
    o, u = w.objects, w.units
    gy = {"code": o["group"].code, "year": o["gy"].year}
    line = {"uuid": o["draft"].uuid, "line_id": o["draft_line"].pk}
    table = {
        "public-feedback": {"uuid": o["posting_line"].uuid},
        "accounts:user-edit": {"pk": w.users["officer"].pk},
        "org:unit-detail": {"code": u["ours"].code},
        "org:unit-edit": {"code": u["ours"].code},
        "org:person-detail": {"code": o["person"].code},
        "org:person-edit": {"code": o["person"].code},
        "org:household-edit": {"code": o["household"].code},
        "campaigns:review-file": {"code": o["campaign"].code, "review_id": o["review"].public_id},
        "awards:kind-detail": {"code": "BK_TINH"},
        "awards:register-detail": {"uuid": o["award"].uuid},
        "awards:register-revoke": {"uuid": o["award"].uuid},
        "awards:passport-person": {"code": o["person"].code},
        "awards:passport-unit": {"code": u["ours"].code},
        "awards:passport-household": {"code": o["household"].code},
        "awards:import-template": {"kind": "persons"},
        "awards:evidence-rating-unit": {"code": u["ours"].code},
        "awards:evidence-discipline-edit": {"code": o["person"].code, "pk": o["discipline"].pk},
        "awards:evidence-initiative-edit": {
            "code": o["person"].code,
            "initiative_code": o["initiative"].code,
        },
        "awards:eligibility-person": {"code": o["person"].code},
        "awards:eligibility-collective": {"code": u["sub"].code},
        "awards:eligibility-unit": {"code": u["ours"].code},
        "awards:line-remove": line,
        "awards:line-override": line,
        "awards:line-appraise": line,
        "awards:document-download": {"uuid": o["document"].uuid},
        "awards:document-delete": {"uuid": o["document"].uuid},
        "awards:posting-detail": {"uuid": o["posting"].uuid},
        "awards:ballot-cast": {"uuid": o["meeting"].uuid, "item_uuid": o["item"].uuid},
        "awards:decision-detail": {"uuid": o["decision"].uuid},
        "awards:decision-issue": {"uuid": o["decision"].uuid},
        "awards:forwarding-detail": {"uuid": o["forwarding"].uuid},
        "blocs:group-detail": {"code": o["group"].code},
        "blocs:year-start": {"code": o["group"].code},
        "reports:decision-pdf": {"uuid": o["decision"].uuid},
        "reports:decision-certificates": {"uuid": o["decision"].uuid},
        "reports:award-certificate": {"uuid": o["award"].uuid},
        "reports:meeting-minutes": {"uuid": o["meeting"].uuid},
        "reports:forwarding-cover-letter": {"uuid": o["forwarding"].uuid},
    }
    if name in table:
        return table[name]
    if name.startswith("awards:evidence-"):
        return {"code": o["person"].code}
    if name.startswith("campaigns:"):
        return {"code": o["campaign"].code}
    if name.startswith("awards:import-"):
        return {"uuid": o["job"].uuid}
    if name.startswith("awards:meeting-"):
        return {"uuid": o["meeting"].uuid}
    if name.startswith(("awards:dossier-", "awards:nominee-", "awards:line-", "awards:document-upload")):
        return {"uuid": o["draft"].uuid}
    if name.startswith("reports:document-"):
        return {"uuid": o["generated"].uuid}
    if name.startswith("blocs:sheet"):
        return {**gy, "unit_code": u["ours"].code}
    if name.startswith("blocs:"):
        return gy
    raise KeyError(name)


def fingerprint() -> list:
    """Every row count of the project's models, the latest change time where there is one, and
    the audit log: a refused POST leaves all of it as it was."""
    out = []
    for model in apps.get_models():
        if model._meta.app_label not in {
            "accounts",
            "org",
            "campaigns",
            "awards",
            "blocs",
            "reports",
            "core",
        }:
            continue
        qs = model._default_manager.all()
        fields = {f.name for f in model._meta.concrete_fields}
        if "updated_at" in fields:
            out.append((model._meta.label, qs.count(), qs.aggregate(m=Max("updated_at"))["m"]))
        else:
            out.append((model._meta.label, qs.count()))
    out.append(("audit", ActivityLog.objects.count()))
    return out


CASES = [(name, persona) for name in sorted(MATRIX) for persona in PERSONAS]


def test_every_url_with_arguments_is_in_the_matrix():
    missing = urls_with_arguments() - set(MATRIX)
    stale = set(MATRIX) - urls_with_arguments()
    assert not missing, f"URL có tham số chưa có trong bảng phân quyền: {sorted(missing)}"
    assert not stale, f"Bảng phân quyền có URL không còn tồn tại: {sorted(stale)}"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_url_answers_as_the_matrix_says(world, client_for, name, persona):  # noqa: F811
    method, expected = MATRIX[name]
    want = expected[persona]
    url = reverse(name, kwargs=url_kwargs(name, world))
    client = client_for(world.users.get(persona))
    refused = want in (403, 404) or (want == 302 and persona == "anon")
    before = fingerprint() if method == "POST" and refused else None

    response = client.post(url) if method == "POST" else client.get(url)

    assert response.status_code == want, (name, persona, response.status_code)
    if want == 302 and persona == "anon" and name not in PUBLIC:
        assert response.url.startswith(reverse("accounts:login")), response.url
    if before is not None:
        assert fingerprint() == before, f"{persona} bị từ chối nhưng dữ liệu đã thay đổi ({name})"


POST_ONLY = sorted(name for name, (method, _) in MATRIX.items() if method == "POST")


@pytest.mark.django_db
@pytest.mark.parametrize("name", POST_ONLY)
def test_post_only_urls_refuse_get(world, client_for, name):  # noqa: F811
    url = reverse(name, kwargs=url_kwargs(name, world))

    response = client_for(world.users["staff"]).get(url)

    assert response.status_code == 405, (name, response.status_code)
