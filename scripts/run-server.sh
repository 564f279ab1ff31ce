#!/usr/bin/env bash
# Web server and task worker together; Ctrl-C stops both.
set -euo pipefail
PY=.venv/bin/python
$PY manage.py db_worker --queue-name default &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Ứng dụng: http://127.0.0.1:8000  (Ctrl-C để dừng)"
$PY manage.py runserver 127.0.0.1:8000
