#!/usr/bin/env bash
# Installs the system packages pip cannot install (fonts for PDFs, Chromium for browser tests,
# poppler for PDF text checks, npm for axe-core in the accessibility test) when they are missing.
# As root it installs them with apt-get; otherwise it stops and prints the exact command to run.
set -euo pipefail
need=()
# No `grep -q` after a pipe: it stops reading early, the writer dies of SIGPIPE and, with pipefail,
# the check fails although the package is there.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
fc-list 2>/dev/null | grep -i "Liberation Serif" >/dev/null || need+=(fonts-liberation)
fc-list 2>/dev/null | grep -i "DejaVu Serif" >/dev/null || need+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep libpango-1.0 >/dev/null || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Cài gói hệ thống còn thiếu: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Thiếu gói hệ thống: ${need[*]}" >&2
  echo "Hãy chạy: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
