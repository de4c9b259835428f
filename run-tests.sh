#!/usr/bin/env bash
# Runs every test project, then the Web and Workers integration suites again on a throwaway
# PostgreSQL cluster, and ends with one line: "N passed, N failed".
# Installs what the tests need when it is missing (Chromium for the browser tests, PostgreSQL, and
# redis-server for the web-farm tests, which start their own throwaway server on a loopback port).
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium and CJK fonts for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "warning: /usr/bin/chromium is missing and cannot be installed here; the browser tests will fail" >&2
  fi
fi

if [ ! -x /usr/bin/redis-server ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "Installing redis-server for the web-farm tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "warning: /usr/bin/redis-server is missing and cannot be installed here; the web-farm tests will fail" >&2
  fi
fi

results="TestResults"
rm -rf "$results"

dotnet build RedMvc.sln -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# The integration suites again on PostgreSQL: a cluster of our own on a free loopback port, removed after.
pg_dir=$(mktemp -d /tmp/redmvc-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'deploy/local/postgres.sh stop "$pg_dir"' EXIT
if deploy/local/postgres.sh start "$pg_dir" "$pg_port"; then
  for name in RedMvc.Web.Tests RedMvc.Workers.Tests; do
    REDMVC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=redmvc" \
      dotnet test "tests/$name/$name.csproj" --no-build -nologo --logger "trx;LogFileName=$name.PostgreSql.trx" --results-directory "$results" || status=1
  done
else
  echo "error: could not start PostgreSQL for the integration suites" >&2
  status=1
fi

# Sum the counters of every project's TRX report.
read -r passed failed < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed)
PY
)
reports=$(find "$results" -name '*.trx' | wc -l)
projects=$(( $(ls tests/*/*.Tests.csproj | wc -l) + 2 ))  # the Web and Workers suites run twice
if [ "$reports" -lt "$projects" ] && [ "$failed" -eq 0 ]; then failed=1; echo "error: expected $projects test reports (each project, and Web and Workers on PostgreSQL), found $reports" >&2; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
