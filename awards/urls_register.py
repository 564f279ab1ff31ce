"""Routes of the register area (filled in by that area)."""

urlpatterns: list = []
