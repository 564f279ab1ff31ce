from django.conf import settings

from .registry import nav_items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "province_name": settings.PROVINCE_NAME}
    items = nav_items(user)
    path = request.path
    return {
        "nav_items": items,
        "nav_active": max(
            (i.url for i in items if path.startswith(i.active_prefix or i.url) and i.url != "/"),
            key=len,
            default="/",
        ),
        "province_name": settings.PROVINCE_NAME,
    }
