#!/usr/bin/env bash
# Debian's Chromium for the Playwright tests (never `playwright install`), and a CJK font so pages render Chinese.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
/usr/bin/chromium --version >&2
