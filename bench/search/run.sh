#!/usr/bin/env bash
# Search benchmark (issue 14): the index's build time and size, and wrk against /search on bench/web's data set.
# usage: bench/search/run.sh [notes=1000000]
#   BENCH_DIR (default /tmp/redmvc-searchbench)  data sets live in $BENCH_DIR/<notes>, made by bench/web's generator
#   BENCH_REUSE=1                                 measure an existing data set instead of making a new one
#   BENCH_REINDEX=0                               keep the index already built in a reused data set (no build figures)
#   BENCH_PORT (5391), WRK_THREADS (2), WRK_CONNECTIONS (32), WRK_DURATION (20s), WRK_TIMEOUT (30s)
# Everything runs under `nice -n 10` on loopback; the site is stopped at the end.
# Not run by CI. Results go in docs/benchmarks.md ("Search").
set -euo pipefail

notes=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
generator=$root/bench/web
work=${BENCH_DIR:-/tmp/redmvc-searchbench}/$notes
port=${BENCH_PORT:-5391}
base=http://127.0.0.1:$port
threads=${WRK_THREADS:-2} connections=${WRK_CONNECTIONS:-32} duration=${WRK_DURATION:-20s}
timeout=${WRK_TIMEOUT:-30s}
nice="nice -n 10"

missing=""
command -v wrk >/dev/null || missing="$missing wrk"
command -v sqlite3 >/dev/null || missing="$missing sqlite3"
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq $missing >/dev/null
fi

echo "building Web and the generator (Release)"
$nice dotnet build -c Release --nologo -v quiet "$root/Web/RedMvc.Web.csproj" >/dev/null
$nice dotnet build -c Release --nologo -v quiet "$generator/RedMvc.Bench.Web.csproj" >/dev/null

# Production settings on loopback as in bench/web/run.sh, and a search limit no single client reaches:
# wrk is one address, and the per-client limit (120 a minute) would answer 429 after the first second.
# No job server in the site: otherwise the notification and weekly digest jobs may start mailing every
# generated member during a run (they did, at 100k and 1M: the site never went idle). The index is
# built by `reindex` before the site starts, so search needs no job.
site_env=(ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base Site__PublicBaseUrl=$base
  Storage__DataPath="$work" Database__Provider=Sqlite Security__RequireHttps=false
  RateLimits__Search__PermitLimit=1000000000 Workers__InProcess=false)
site_pid=""
start_site() {
  if curl -s -o /dev/null "$base/"; then
    echo "something already answers on $base: stop it or set BENCH_PORT" >&2
    exit 1
  fi
  (cd "$root/Web" && exec env "${site_env[@]}" $nice dotnet bin/Release/net10.0/RedMvc.Web.dll >>"$work/site.log" 2>&1) &
  site_pid=$!
  for _ in $(seq 120); do
    curl -sf -o /dev/null "$base/health" && return 0
    kill -0 "$site_pid" 2>/dev/null || { echo "the site stopped; see $work/site.log" >&2; exit 1; }
    sleep 1
  done
  echo "the site did not answer /health in 2 minutes; see $work/site.log" >&2
  exit 1
}
site_ticks() { awk '{ print $14 + $15 }' "/proc/$site_pid/stat"; }
# Waits until the site has used under a tenth of a core for a second (a slow query's requests outlive wrk's run).
wait_idle() {
  local before
  for _ in $(seq 300); do
    before=$(site_ticks)
    sleep 1
    [ $(( $(site_ticks) - before )) -lt $(( $(getconf CLK_TCK) / 10 )) ] && return 0
  done
  echo "the site stayed busy for 5 minutes" >&2
  exit 1
}
stop_site() {
  [ -n "$site_pid" ] || return 0
  kill "$site_pid" 2>/dev/null || true
  while kill -0 "$site_pid" 2>/dev/null; do sleep 0.5; done # the last connection checkpoints the WAL
  site_pid=""
}
trap stop_site EXIT

if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$work/bench.env" ]; then
  echo "reusing the data set in $work"
else
  rm -rf "$work"
  mkdir -p "$work"
  echo "schema: starting the site once on an empty folder (migrations and roles)"
  start_site
  stop_site
  echo "generating $notes notes into $work/redmvc.db (bench/web's data set)"
  $nice dotnet "$generator/bin/Release/net10.0/RedMvc.Bench.Web.dll" fill "$work" "$notes" bench.member@bench.redmvc.local bench-password-2026
fi
db=$work/redmvc.db

# The index's pages (tables, FTS5 shadow tables and their indexes) from dbstat, in MB.
index_mb() {
  sqlite3 "$db" "SELECT printf('%.1f', coalesce(sum(pgsize), 0) / 1048576.0) FROM dbstat
    WHERE name LIKE 'Search%' AND name NOT LIKE 'SearchOutbox%' OR name IN
    (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'Search%' AND tbl_name NOT LIKE 'SearchOutbox%')"
}
file_mb() { sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null; du -m "$db" | cut -f1; }

results="$work/results.md"
: >"$results"
if [ "${BENCH_REINDEX:-1}" = 1 ]; then
  size_before=$(file_mb)
  echo "reindex (dotnet RedMvc.Web.dll reindex)"
  started=$(date +%s.%N)
  (cd "$root/Web" && env "${site_env[@]}" $nice dotnet bin/Release/net10.0/RedMvc.Web.dll reindex) | tee -a "$work/reindex.log"
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
  size_after=$(file_mb)
  echo "index build: reindex of $notes notes took $seconds s; database file $size_before MB -> $size_after MB; index pages (dbstat) $(index_mb) MB" | tee -a "$results"
fi
echo "rows: $(sqlite3 "$db" "SELECT (SELECT count(*) FROM SearchNotes) || ' notes, ' || (SELECT count(*) FROM SearchPeople) || ' people, ' || (SELECT count(*) FROM SearchProducts) || ' products in the index'")" | tee -a "$results"

start_site
wait_idle

# Words that occur in the generated data (bench/web/DataSet.cs): 记录 is in every note's body ("记录一下");
# note n's title ends in its number, so notes - 123 (public and published) finds one note; 周末 探店 咖啡 are the three words of one of
# the twenty phrases (5% of notes, as title or body); 小红 starts a twelfth of the display names.
rare=$((notes - 123))
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
pages=(
  "baseline|static file /css/site.css|/css/site.css"
  "common|common two-character word 记录 (every note), default sort|/search?q=$(enc 记录)"
  "rare|rare word $rare (one note's title)|/search?q=$rare"
  "three|three words 周末 探店 咖啡|/search?q=$(enc '周末 探店 咖啡')"
  "people|people 小红 (tab=people)|/search?tab=people&q=$(enc 小红)"
)

for page in "${pages[@]}"; do
  IFS='|' read -r name _ path <<<"$page"
  code=$(curl -s -o "$work/page-$name.html" -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
done
# A query page that finds nothing would measure the wrong thing.
for name in common rare three people; do
  grep -q 'href="/notes/[0-9]*"\|href="/u/' "$work/page-$name.html" || { echo "$name: the page shows no result" >&2; exit 1; }
done

echo "warming up (5 s per page)"
for page in "${pages[@]}"; do
  IFS='|' read -r _ _ path <<<"$page"
  $nice wrk -t"$threads" -c"$connections" -d5s --timeout "$timeout" "$base$path" >/dev/null
  wait_idle
done

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

{
  echo
  echo "$notes notes, visitor, wrk -t$threads -c$connections -d$duration --timeout $timeout --latency under nice -n 10, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| query | requests/s | p50 (ms) | p99 (ms) | ratio to static file | site CPU ms/request | errors |"
  echo "|---|---:|---:|---:|---:|---:|---|"
} >>"$results"
baseline_rps=""
for page in "${pages[@]}"; do
  IFS='|' read -r name label path <<<"$page"
  out="$work/wrk-$name.txt"
  ticks_before=$(site_ticks)
  $nice wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency "$base$path" >"$out"
  wait_idle
  ticks=$(( $(site_ticks) - ticks_before ))
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  requests=$(awk '/requests in/ { print $1 }' "$out")
  cpu_ms=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? 1000 * t / hz / n : 0) }')
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { printf "non-2xx %s ", $NF } /Socket errors:/ { sub(/^ *Socket errors: */, ""); printf "socket %s", $0 }' "$out")
  [ -n "$baseline_rps" ] || baseline_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { printf "%.2f%%", 100 * a / b }')
  printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "$ratio" "$cpu_ms" "${errors:-none}" >>"$results"
  echo "  $label: $rps requests/s, p99 $p99 ms"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results"

echo
cat "$results"
echo
echo "raw wrk output: $work/wrk-*.txt; site log: $work/site.log"
