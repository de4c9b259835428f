#!/usr/bin/env bash
# The site's memory under big photos (issue 12, section 1): starts the site (Release, Production,
# its own port and empty data folder, jobs in-process), registers members, then posts one 50 MP PNG
# and then eight at once, and prints the whole site process's RSS: start, peak, and a minute later.
# usage: bench/images/site-memory.sh [port=5391]   (extra site settings via environment, e.g. Images__DecodeBudgetMegabytes=400)
# Not run by CI. Results go in docs/benchmarks.md ("Images: the site's memory under big photos").
set -euo pipefail

port=${1:-5391}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/redmvc-bench-site-memory}

dotnet build -c Release --nologo -v quiet "$here/RedMvc.Bench.Images.csproj" >/dev/null
dotnet build -c Release --nologo -v quiet "$root/Web/RedMvc.Web.csproj" >/dev/null
bench="dotnet $here/bin/Release/net10.0/RedMvc.Bench.Images.dll"

# 8640 x 5760 = 49.8 MP, just under the 50 MP upload limit; nine different photos (one, then eight).
[ -f "$work/png/photo008.png" ] || $bench generate-png "$work/png" 9 8640 5760
rm -rf "$work/data"

cd "$root/Web"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Storage__DataPath="$work/data" Security__RequireHttps=false Demo__Seed=false \
  RateLimits__Register__PermitLimit=100 \
  dotnet bin/Release/net10.0/RedMvc.Web.dll >"$work/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null; wait $site 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
  kill -0 $site 2>/dev/null || { cat "$work/site.log"; exit 1; }
  sleep 1
done

echo "$(nproc) cores, $(free -m | awk '/^Mem:/ { print $2 }') MB of memory; site pid $site"
$bench site-memory "http://127.0.0.1:$port" "$work/data" $site "$work/png"
