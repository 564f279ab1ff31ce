"""Authorization matrix over every URL without arguments × every persona.

Every pattern of the project is walked with get_resolver(). Expectations are explicit below:
anonymous users are sent to the login page everywhere except the PUBLIC pages; signed-in users
never get a server error; read-only personas never reach the staff-only pages; STAFF_ONLY pages
answer 403 to everyone but staff. URLs with arguments are covered by each area's own view tests.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The public posting of nominees (Decree 152/2025 Art 43) is meant to be read without an account.
PUBLIC = {"core:healthz", "accounts:login", "accounts:logout", "set_language", "public-posting"}
STAFF_ONLY = {"accounts:user-list", "accounts:user-create", "awards:security-policy", "awards:security-policy-save"}
SKIP_PREFIXES = ("admin:",)  # Django admin: its own permission system (is_staff + superuser)
PERSONAS = ["staff", "officer", "head", "other_officer", "council_member", "viewer"]


def _walk(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _no_arg_urls():
    urls = {}
    for name, pattern in _walk(get_resolver()):
        if name.startswith(SKIP_PREFIXES) or pattern.pattern.regex.groups:
            continue
        try:
            urls[name] = reverse(name)
        except Exception:  # noqa: BLE001 - a pattern that needs arguments
            continue
    return sorted(urls.items())


URLS = _no_arg_urls()


def test_matrix_covers_the_main_pages():
    names = {name for name, _ in URLS}
    assert {"reports:dashboard", "core:healthz", "accounts:login", "org:unit-list"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url"), URLS, ids=[n for n, _ in URLS])
def test_anonymous_is_sent_to_login(client_for, name, url):
    response = client_for(None).get(url)

    if name in PUBLIC:
        assert response.status_code in (200, 302, 405), response.status_code
    else:
        assert response.status_code in (302, 405), (name, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_signed_in_personas_never_get_a_server_error(request, client_for, persona):
    user = request.getfixturevalue(persona)
    c = client_for(user)
    for name, url in URLS:
        if name == "accounts:logout":
            continue
        response = c.get(url)
        assert response.status_code < 500, (persona, name, response.status_code)
        if name in STAFF_ONLY and persona != "staff":
            assert response.status_code in (403, 405), (persona, name, response.status_code)
