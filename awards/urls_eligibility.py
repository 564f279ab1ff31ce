"""Routes of the eligibility area (filled in by that area)."""

urlpatterns: list = []
