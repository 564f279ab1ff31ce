from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self):
        # Registers the eligibility area's policy parameters in awards.policy.DEFAULTS.
        from . import policy_security  # noqa: F401
        from .eligibility import params  # noqa: F401
