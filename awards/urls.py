"""The awards app's URLs, one module per area so each area owns its own routes."""

from . import urls_catalog, urls_eligibility, urls_register, urls_security, urls_workflow

app_name = "awards"
urlpatterns = [
    *urls_catalog.urlpatterns,
    *urls_register.urlpatterns,
    *urls_eligibility.urlpatterns,
    *urls_workflow.urlpatterns,
    *urls_security.urlpatterns,
]
