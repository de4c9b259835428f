#!/usr/bin/env bash
# The first run as a newcomer meets it: the Development site on an empty data folder.
# Prints seconds from start to the first answer of / and to every demo photo processed.
#   bench/firstrun/run.sh [port]      (builds nothing: run `dotnet build Web` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5397}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "something already answers on port $port: give another" >&2; exit 1; fi
data=$(mktemp -d /tmp/redmvc-firstrun.XXXXXX)
start=$(date +%s.%N)
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" Storage__DataPath="$data" \
  dotnet run --no-build --no-launch-profile --project Web >"$data/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null; wait $site 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$data"' EXIT
since() { echo "$(date +%s.%N) - $start" | bc; }

until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
echo "first answer: $(since) s"
curl -fs "http://127.0.0.1:$port/" | grep -o 'class="demo-progress"[^<]*' | head -1 || true

notes=100 # DemoNotes.Count
db() { sqlite3 -readonly "$data/redmvc.db" "$1" 2>/dev/null || echo "$2"; }
until [ "$(db "SELECT COUNT(*) FROM Notes" 0)" -ge "$notes" ] && [ "$(db "SELECT COUNT(*) FROM NotePhotos WHERE Status = 0" 1)" = 0 ]; do sleep 0.5; done
echo "all demo notes and photos ready: $(since) s ($(db "SELECT COUNT(*) FROM NotePhotos" ?) photos)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
