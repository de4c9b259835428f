#!/usr/bin/env bash
# Checkout benchmark: buyers race for limited stock through the real checkout core (Checkout.PlaceAsync,
# then OrderLifecycle.PlacedAsync) on a fresh, migrated SQLite database; in process, no HTTP.
# usage: bench/checkout/run.sh [buyers=200] [stock=50] [repeats=3]   one configuration
#        bench/checkout/run.sh all [repeats=3]                       the configurations in docs/benchmarks.md
#   BENCH_DIR (default /tmp/redmvc-bench-checkout)  each run's data folder, deleted after the run
# Exits 1 when a run oversold or lost stock. Not run by CI. Results go in docs/benchmarks.md ("Checkout").
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

dotnet build -c Release --nologo -v quiet "$here/RedMvc.Bench.Checkout.csproj" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
dotnet "$here/bin/Release/net10.0/RedMvc.Bench.Checkout.dll" "$@" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
