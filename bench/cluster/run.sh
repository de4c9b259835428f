#!/usr/bin/env bash
# Cluster benchmark (not run by CI): pages through nginx with 1 and 2 web nodes on PostgreSQL (+ Redis
# when the site uses it), the same pages from one SQLite node through the same nginx, each as a ratio
# to a static file in the same run; then Hangfire jobs per second with 1 and 2 workers.
# usage: bench/cluster/run.sh      (WRK_DURATION=15s WRK_CONNECTIONS=32 JOBS=2000)
# Results go in docs/benchmarks.md ("Cluster").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
export REDMVC_CLUSTER_STATE=${REDMVC_CLUSTER_STATE:-/tmp/redmvc-bench-cluster}
export REDMVC_PROXY_PORT=${REDMVC_PROXY_PORT:-8090} REDMVC_PG_PORT=${REDMVC_PG_PORT:-55490}
export REDMVC_REDIS_PORT=${REDMVC_REDIS_PORT:-6391} REDMVC_WEB_PORTS=${REDMVC_WEB_PORTS:-"5291 5292"}
state=$REDMVC_CLUSTER_STATE
proxy=http://127.0.0.1:$REDMVC_PROXY_PORT
duration=${WRK_DURATION:-15s} connections=${WRK_CONNECTIONS:-32} jobs=${JOBS:-2000}
sqlite_port=5293 sqlite_dir=$state-sqlite
pg="Host=127.0.0.1;Port=$REDMVC_PG_PORT;Username=redmvc;Database=redmvc"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }

sqlite_pid=""
cleanup() {
  [ -n "$sqlite_pid" ] && kill "$sqlite_pid" 2>/dev/null || true
  deploy/local/run.sh stop >/dev/null 2>&1 || true
  rm -rf "$sqlite_dir"
}
trap cleanup EXIT

wait_photos() { # command that prints the number of pending photos
  for _ in $(seq 900); do
    [ "$("$@")" = 0 ] && return 0
    sleep 1
  done
  echo "photos still pending after 15 minutes" >&2; return 1
}
pg_pending() { psql -qtAX -h 127.0.0.1 -p "$REDMVC_PG_PORT" -U redmvc -d redmvc -c 'SELECT count(*) FROM "NotePhotos" WHERE "Status" = 0'; }
# The Development site seeds its demo after it starts listening; discover shows progress until every photo is ready.
wait_demo() {
  for _ in $(seq 900); do
    curl -s "$1" | grep -q 'class="demo-progress"' || return 0
    sleep 1
  done
  echo "the demo was still being prepared after 15 minutes" >&2; return 1
}

sign_in() { # prints the Cookie header value of xiaolu signed in through the proxy
  local jar token
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "$proxy/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=xiaolu@redmvc.local" --data-urlencode "Password=red-member-local-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$proxy/account/sign-in"
  awk '$6 ~ /^red|^\.AspNetCore/ { printf "%s=%s; ", $6, $7 }' "$jar"
  rm -f "$jar"
}

rate() { # label, url, extra wrk args...
  local label=$1 url=$2; shift 2
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url")
  printf '%-28s %10s req/s  p50 %8s  p99 %8s\n' "$label" "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')" \
    "$(echo "$out" | awk '$1 == "50%" { print $2 }')" "$(echo "$out" | awk '$1 == "99%" { print $2 }')"
}

measure() { # heading
  local note cookie
  note=$1; cookie=$2
  rate "static file" "$proxy/css/site.css"
  rate "visitor discover" "$proxy/"
  rate "visitor note" "$proxy/notes/$note"
  rate "member discover" "$proxy/" -H "Cookie: $cookie"
  rate "member note" "$proxy/notes/$note" -H "Cookie: $cookie"
}

use_upstreams() { # ports...
  local servers=""
  for port in "$@"; do servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;\n"; done
  sed -i "/^    server 127.0.0.1:/d" "$state/nginx.conf"
  sed -i "s|^  upstream redmvc {|  upstream redmvc {\n$servers|" "$state/nginx.conf"
  nginx -c "$state/nginx.conf" -p "$state" -s reload
  sleep 2
}

echo "== starting the cluster (Release, demo content)"
deploy/local/run.sh start >/dev/null
wait_photos pg_pending
note=$(psql -qtAX -h 127.0.0.1 -p "$REDMVC_PG_PORT" -U redmvc -d redmvc -c 'SELECT "Id" FROM "Notes" WHERE "Status" = 2 AND "Visibility" = 0 ORDER BY "LikeCount" DESC LIMIT 1')
cookie=$(sign_in)
read -r -a web_ports <<<"$REDMVC_WEB_PORTS"
echo "cores $(nproc), notes $(psql -qtAX -h 127.0.0.1 -p "$REDMVC_PG_PORT" -U redmvc -d redmvc -c 'SELECT count(*) FROM "Notes"'), wrk -t2 -c$connections -d$duration"

echo "== PostgreSQL, 2 web nodes"
measure "$note" "$cookie"
echo "== PostgreSQL, 1 web node"
use_upstreams "${web_ports[0]}"
measure "$note" "$cookie"

echo "== jobs: $jobs emails, 2 workers"
dotnet run --project bench/cluster -c Release -- "$pg" "$jobs"
echo "== jobs: $jobs emails, 1 worker"
kill "$(cat "$state/pids/worker2.pid")"
dotnet run --project bench/cluster -c Release -- "$pg" "$jobs"

echo "== SQLite, 1 web node (jobs in process), same proxy"
mkdir -p "$sqlite_dir"
(cd Web && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$sqlite_port" Storage__DataPath="$sqlite_dir" \
  Database__Provider=Sqlite Redis__Configuration= Site__PublicBaseUrl="$proxy" \
  exec dotnet "bin/Release/net10.0/RedMvc.Web.dll" >"$sqlite_dir/site.log" 2>&1) &
sqlite_pid=$!
for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$sqlite_port/health" && break; sleep 1; done
wait_demo "http://127.0.0.1:$sqlite_port/"
use_upstreams "$sqlite_port"
note=$(sqlite3 "$sqlite_dir/redmvc.db" 'SELECT Id FROM Notes WHERE Status = 2 AND Visibility = 0 ORDER BY LikeCount DESC LIMIT 1')
cookie=$(sign_in)
measure "$note" "$cookie"
