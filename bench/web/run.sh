#!/usr/bin/env bash
# Web benchmark: wrk against the Release site on a large SQLite data set made directly in SQL.
# usage: bench/web/run.sh [notes=1000000]
#   BENCH_DIR (default /tmp/redmvc-bench)  data sets live in $BENCH_DIR/<notes>
#   BENCH_REUSE=1                          measure an existing data set instead of making a new one
#   BENCH_PROFILE=<page name>              CPU samples of one page under load (profile_report.py) instead of the table
#   BENCH_PORT (5390), WRK_THREADS (2), WRK_CONNECTIONS (32), WRK_DURATION (20s), WRK_TIMEOUT (30s)
# Not run by CI. Results go in docs/benchmarks.md ("Web pages").
set -euo pipefail

notes=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/redmvc-bench}/$notes
port=${BENCH_PORT:-5390}
base=http://127.0.0.1:$port
threads=${WRK_THREADS:-2} connections=${WRK_CONNECTIONS:-32} duration=${WRK_DURATION:-20s}
# Long enough that a slow page shows its real latency instead of wrk's 2 s timeout errors.
timeout=${WRK_TIMEOUT:-30s}
member_email=bench.member@bench.redmvc.local
member_password=bench-password-2026

missing=""
command -v wrk >/dev/null || missing="$missing wrk"
command -v sqlite3 >/dev/null || missing="$missing sqlite3"
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq $missing >/dev/null
fi

echo "building Web and the generator (Release)"
dotnet build -c Release --nologo -v quiet "$root/Web/RedMvc.Web.csproj" >/dev/null
dotnet build -c Release --nologo -v quiet "$here/RedMvc.Bench.Web.csproj" >/dev/null

site_pid=""
# Production settings, plain http on loopback (Security:RequireHttps=false turns off HSTS, the
# https redirect and Secure-only cookies), the data folder of this run, jobs in the web process.
start_site() {
  if curl -s -o /dev/null "$base/"; then
    echo "something already answers on $base: stop it or set BENCH_PORT" >&2
    exit 1
  fi
  (cd "$root/Web" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base Site__PublicBaseUrl=$base \
    Storage__DataPath="$work" Database__Provider=Sqlite Security__RequireHttps=false \
    exec dotnet bin/Release/net10.0/RedMvc.Web.dll >>"$work/site.log" 2>&1) &
  site_pid=$!
  for _ in $(seq 120); do
    curl -sf -o /dev/null "$base/health" && return 0
    kill -0 "$site_pid" 2>/dev/null || { echo "the site stopped; see $work/site.log" >&2; exit 1; }
    sleep 1
  done
  echo "the site did not answer /health in 2 minutes; see $work/site.log" >&2
  exit 1
}
# Waits until the site has used under a tenth of a core for a second: a slow page's requests
# outlive wrk's run, and the next measurement must not share the cores with them.
wait_idle() {
  local ticks_per_second before after
  ticks_per_second=$(getconf CLK_TCK)
  for _ in $(seq 300); do
    before=$(awk '{ print $14 + $15 }' "/proc/$site_pid/stat")
    sleep 1
    after=$(awk '{ print $14 + $15 }' "/proc/$site_pid/stat")
    [ $((after - before)) -lt $((ticks_per_second / 10)) ] && return 0
  done
  echo "the site stayed busy for 5 minutes" >&2
  exit 1
}
# CPU time the site has used so far, in clock ticks (user + system).
site_ticks() { awk '{ print $14 + $15 }' "/proc/$site_pid/stat"; }
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
  echo "generating $notes notes into $work/redmvc.db"
  dotnet "$here/bin/Release/net10.0/RedMvc.Bench.Web.dll" fill "$work" "$notes" "$member_email" "$member_password"
fi
# shellcheck disable=SC1091
. "$work/bench.env"
echo "data folder: $(du -sh "$work" | cut -f1)"

start_site
# Once the trending job exists it is registered with Hangfire at start-up; then wait for its first
# table, so the discover pages read what they will read in production. Without the job, no wait.
if [ "$(sqlite3 "$work/hangfire.db" "SELECT count(*) FROM Hash WHERE Field = 'Job' AND Value LIKE '%ComputeTrendsJob%'" 2>/dev/null || echo 0)" != 0 ]; then
  echo -n "waiting for the trending table"
  for _ in $(seq 600); do
    [ "$(sqlite3 "$work/redmvc.db" 'SELECT count(*) FROM NoteScores')" != 0 ] && break
    echo -n .; sleep 1
  done
  echo " $(sqlite3 "$work/redmvc.db" 'SELECT count(*) FROM NoteScores') rows"
fi

wait_idle

# Signs the bench member in through the real form (antiforgery token and cookie, then the auth cookie).
jar="$work/cookies.txt"
rm -f "$jar"
token=$(curl -sf -c "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$base/account/sign-in" \
  --data-urlencode "Email=$member_email" --data-urlencode "Password=$member_password" --data-urlencode "__RequestVerificationToken=$token")
member_cookie=$(awk '$6 ~ /^red\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
if [ "$status" != 302 ] || [ -z "$member_cookie" ]; then
  echo "signing in as $member_email failed (HTTP $status)" >&2
  exit 1
fi
# Into a file first: grep -q would close the pipe early and fail curl under pipefail.
curl -sf -H "Cookie: $member_cookie" "$base/" >"$work/member-discover.html"
grep -q 'action="/account/sign-out"' "$work/member-discover.html" \
  || { echo "the member's discover page does not show the member signed in" >&2; exit 1; }

pages=(
  "baseline|static file /css/site.css|/css/site.css|"
  "visitor-discover|visitor discover /|/|"
  "member-discover|member discover / (signed in)|/|$member_cookie"
  "note|note /notes/$NOTE_ID (visitor)|/notes/$NOTE_ID|"
  "member-note|note /notes/$NOTE_ID (signed in)|/notes/$NOTE_ID|$member_cookie"
  "profile|profile /u/$PROFILE_HANDLE (visitor)|/u/$PROFILE_HANDLE|"
  "member-profile|profile /u/$PROFILE_HANDLE (signed in)|/u/$PROFILE_HANDLE|$member_cookie"
  "product|product /products/$PRODUCT_ID (visitor)|/products/$PRODUCT_ID|"
  "health|/health|/health|"
)

# Every page must answer 200 before it is measured.
for page in "${pages[@]}"; do
  IFS='|' read -r _ _ path cookie <<<"$page"
  code=$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$base$path")
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
done

# BENCH_PROFILE=<page name> (member-discover, note, ...): CPU samples of that page under load instead of the table.
if [ -n "${BENCH_PROFILE:-}" ]; then
  command -v dotnet-trace >/dev/null || export PATH="$PATH:$HOME/.dotnet/tools"
  command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace --version 10.0.750501 >/dev/null
  for page in "${pages[@]}"; do
    IFS='|' read -r name _ path cookie <<<"$page"
    [ "$name" = "$BENCH_PROFILE" ] || continue
    wrk -t"$threads" -c"$connections" -d5s ${cookie:+-H "Cookie: $cookie"} "$base$path" >/dev/null
    wrk -t"$threads" -c"$connections" -d25s ${cookie:+-H "Cookie: $cookie"} "$base$path" >"$work/wrk-profile-$name.txt" &
    load=$!
    sleep 3
    dotnet-trace collect -p "$site_pid" --profile dotnet-sampled-thread-time --duration 00:00:00:15 --format Speedscope -o "$work/profile-$name.nettrace" >/dev/null
    wait "$load" # not a bare wait: the site is a background job too
    python3 "$here/profile_report.py" "$work/profile-$name.speedscope.json" | tee "$work/profile-$name.txt"
  done
  exit 0
fi

echo "warming up (5 s per page)"
for page in "${pages[@]}"; do
  IFS='|' read -r _ _ path cookie <<<"$page"
  wrk -t"$threads" -c"$connections" -d5s --timeout "$timeout" ${cookie:+-H "Cookie: $cookie"} "$base$path" >/dev/null
  wait_idle
done

# wrk prints latencies as 812.00us, 3.21ms or 1.02s; the table shows milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

results="$work/results.md"
{
  echo "$notes notes, wrk -t$threads -c$connections -d$duration --timeout $timeout --latency, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| page | requests/s | p50 (ms) | p99 (ms) | ratio to baseline | site CPU ms/request | CPU ratio to baseline | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} >"$results"
baseline_rps=""
for page in "${pages[@]}"; do
  IFS='|' read -r name label path cookie <<<"$page"
  out="$work/wrk-$name.txt"
  ticks_before=$(site_ticks)
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency ${cookie:+-H "Cookie: $cookie"} "$base$path" >"$out"
  wait_idle
  ticks=$(( $(site_ticks) - ticks_before ))
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  requests=$(awk '/requests in/ { print $1 }' "$out")
  # The site's own CPU time per request (wrk's run and the tail wait_idle lets finish): unlike requests/s,
  # it hardly moves when other work shares the cores.
  cpu_ms=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.3f", (n > 0 ? 1000 * t / hz / n : 0) }')
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  # wrk reports 0 latencies when no request finished within the run.
  if grep -q '^ *0 requests in' "$out"; then p50="-" p99="-" errors="no request finished in $duration "; else errors=""; fi
  errors=$errors$(awk '/Non-2xx or 3xx responses:/ { printf "non-2xx %s ", $NF } /Socket errors:/ { sub(/^ *Socket errors: */, ""); printf "socket %s", $0 }' "$out")
  [ -n "$baseline_rps" ] || { baseline_rps=$rps; baseline_cpu=$cpu_ms; }
  ratio=$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  cpu_ratio=$(awk -v a="$cpu_ms" -v b="$baseline_cpu" 'BEGIN { printf "%.1f%%", (a > 0 ? 100 * b / a : 0) }')
  printf '| %s | %.0f | %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "$ratio" "$cpu_ms" "$cpu_ratio" "${errors:-none}" >>"$results"
  echo "  $label: $rps requests/s"
done

echo
cat "$results"
echo
echo "raw wrk output: $work/wrk-*.txt; site log: $work/site.log"
