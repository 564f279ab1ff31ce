"""In-app notifications: ``notify(user, text, url)`` writes one row; the top bar shows the unread count."""

from .models import Notification


def notify(user, text: str, url: str = "") -> Notification | None:
    """Leave a message for ``user``. Call from ``transaction.on_commit`` so nothing is sent for a
    change that rolled back."""
    if user is None or not getattr(user, "pk", None):
        return None
    return Notification.objects.create(user=user, text=text[:500], url=url[:500])


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_all_read(user) -> int:
    """Mark every unread notification of ``user`` as read (their own rows only; not audited:
    reading is not a change of record)."""
    from django.utils import timezone

    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
