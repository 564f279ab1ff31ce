"""Routes of the workflow area (filled in by that area)."""

urlpatterns: list = []
