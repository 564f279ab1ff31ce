#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - load the settings now, to explain a missing variable
    except ImproperlyConfigured as exc:
        # Django would go on without its apps and stop later with "Models aren't loaded yet".
        sys.exit(f"Cấu hình chưa đủ: {exc}.\n"
                 "Khi phát triển: DEBUG=on python manage.py …; khi triển khai: đặt SECRET_KEY (xem .env.example). "
                 "`make run` và `make test` tự đặt những gì cần.")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
