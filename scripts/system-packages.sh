#!/usr/bin/env bash
# Installs the system packages pip cannot install (fonts for PDFs, Chromium for browser tests,
# poppler for PDF text checks, gettext for the English catalog, npm for axe-core in the accessibility test) when they are missing.
# As root it installs them with apt-get; otherwise it stops and prints the exact command to run.
set -euo pipefail
need=()
# Lists are read into variables first: with pipefail, `fc-list | grep -q` fails when grep exits at
# the first match and fc-list gets SIGPIPE, which made present packages look missing.
fonts=$(fc-list 2>/dev/null || true)
vi_fonts=$(fc-list ':lang=vi' family 2>/dev/null || true)
libs=$(ldconfig -p 2>/dev/null || true)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
command -v npm >/dev/null 2>&1 || need+=(npm)
# Liberation 1.07 (Debian's fonts-liberation) has no ơ, ư, ạ...: PDFs would fall back to DejaVu for
# those letters. Liberation 2.x (fonts-liberation2) covers Vietnamese; fontconfig then prefers it.
grep -qi "Liberation Serif" <<<"$vi_fonts" || need+=(fonts-liberation2)
grep -qi "DejaVu Serif" <<<"$fonts" || need+=(fonts-dejavu-core)
grep -q libpango-1.0 <<<"$libs" || need+=(libpango-1.0-0 libpangoft2-1.0-0)
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
