#!/usr/bin/env bash
# Installs every Debian package Guild needs to build, test and benchmark.
# Idempotent: does nothing (and needs no network) when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libsqlite3-dev sqlite3
  libpqxx-dev postgresql-15 postgresql-client-15
  nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev libsodium-dev
  liblemon-dev coinor-libclp-dev coinor-libcbc-dev coinor-cbc
  libigraph-dev
  libboost-dev libboost-system-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  time
  wrk nginx-light curl
  libcurl4-openssl-dev
  python3-networkx python3-numpy python3-aiosmtpd python3-icalendar
  clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# PostgreSQL refuses to run as root: tests start it as this ordinary user.
if ! id guildtest >/dev/null 2>&1; then
  useradd --system --create-home --shell /usr/sbin/nologin guildtest
fi
