#!/usr/bin/env bash
# Installs what the web application and its browser tests need:
#   - Debian's chromium (driven by playwright-core; no browser is downloaded),
#   - node and npm, only when node is absent,
#   - web/node_modules from web/package-lock.json (npm ci), only when it is
#     missing or the lock file changed since the last install.
# Idempotent: does nothing (and needs no network) when all is in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEB="$ROOT/web"
STAMP="$WEB/node_modules/.guild-lock.sha256"

apt_missing=()
command -v node >/dev/null 2>&1 || apt_missing+=(nodejs npm)
dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed" || apt_missing+=(chromium)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "install-web: installing ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi

lock_sum="$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)"
if [ ! -d "$WEB/node_modules" ] || [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$lock_sum" ]; then
  echo "install-web: npm ci in web/"
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$STAMP"
else
  echo "install-web: web/node_modules is up to date"
fi
