#!/usr/bin/env bash
# The CJK font embedded in exported PDFs (WenQuanYi Micro Hei, Debian's fonts-wqy-microhei) and, with --test,
# poppler-utils (pdftotext) with which the tests read the PDFs back. Installs with apt-get when missing.
set -euo pipefail
need=()
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if [ "${1:-}" = "--test" ]; then command -v pdftotext >/dev/null || need+=(poppler-utils); fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "missing ${need[*]}: install them (apt-get install ${need[*]}) or set PDF_FONT to a CJK TrueType font" >&2
    exit 1
  fi
  echo "installing ${need[*]} with apt-get" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
