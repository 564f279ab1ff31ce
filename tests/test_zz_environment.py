import os


def test_browser_tests_leave_no_async_unsafe_flag_behind():
    # Runs after tests/browser (alphabetical order): the flag must not leak into later tests.
    assert "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ
