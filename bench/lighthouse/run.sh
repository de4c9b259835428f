#!/usr/bin/env bash
# Lighthouse, phone profile (its default), against the Release site on the web benchmark's data set:
# discover, a note, a profile and a product as a visitor, and the bench member's cart.
# usage: bench/lighthouse/run.sh          (after bench/web/run.sh 10000 made /tmp/redmvc-bench/10000)
#   BENCH_DIR (/tmp/redmvc-bench), LIGHTHOUSE_PORT (5394)
# Installs lighthouse 12.2.3 from npm into bench/lighthouse (13 wants Node 22) and uses /usr/bin/chromium.
# Not run by CI. Scores go in docs/benchmarks.md ("Page quality"); each page's full report stays in out/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${BENCH_DIR:-/tmp/redmvc-bench}/10000
port=${LIGHTHOUSE_PORT:-5394}
base=http://127.0.0.1:$port
out=$here/out
[ -f "$data/bench.env" ] || { echo "no data set in $data: run bench/web/run.sh 10000 first" >&2; exit 1; }
# shellcheck disable=SC1091
. "$data/bench.env"
[ -x "$here/node_modules/.bin/lighthouse" ] || (cd "$here" && npm i --no-audit --no-fund >/dev/null)
mkdir -p "$out"

echo "building Web (Release)"
dotnet build -c Release --nologo -v quiet "$root/Web/RedMvc.Web.csproj" >/dev/null
(cd "$root/Web" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base Storage__DataPath="$data" Database__Provider=Sqlite \
  Security__RequireHttps=false Site__PublicBaseUrl=$base exec dotnet bin/Release/net10.0/RedMvc.Web.dll >"$out/site.log" 2>&1) &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "$base/health" && break; sleep 1; done

# The bench member's cookie for the cart page, through the real sign-in form; one item in the cart.
jar="$out/cookies.txt"; rm -f "$jar"
token() { curl -sf -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
curl -s -o /dev/null -b "$jar" -c "$jar" "$base/account/sign-in" --data-urlencode "Email=$MEMBER_EMAIL" \
  --data-urlencode "Password=bench-password-2026" --data-urlencode "__RequestVerificationToken=$(token /account/sign-in)"
variant=$(curl -sf -b "$jar" "$base/products/$PRODUCT_ID" | grep -o 'name="VariantId" value="[0-9]*"' | head -1 | grep -o '[0-9]*' || true)
[ -n "$variant" ] && curl -s -o /dev/null -b "$jar" -c "$jar" "$base/cart/add" --data-urlencode "VariantId=$variant" \
  --data-urlencode "Quantity=1" --data-urlencode "__RequestVerificationToken=$(token "/products/$PRODUCT_ID")"
cookie=$(awk '$6 ~ /^red\./ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")

pages=("discover|/|" "note|/notes/$NOTE_ID|" "profile|/u/$PROFILE_HANDLE|" "product|/products/$PRODUCT_ID|" "cart|/cart|member")
printf '| page | performance | accessibility | best practices | SEO |\n|---|---:|---:|---:|---:|\n' >"$out/scores.md"
for page in "${pages[@]}"; do
  IFS='|' read -r name path member <<<"$page"
  headers=()
  [ -n "$member" ] && headers=(--extra-headers "{\"Cookie\": \"$cookie\"}")
  # Once more when Chromium's trace misses the navigation (NO_NAVSTART happens now and then on a busy machine).
  for _ in 1 2; do
    CHROME_PATH=/usr/bin/chromium "$here/node_modules/.bin/lighthouse" "$base$path" --quiet --output=json --output-path="$out/$name.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" "${headers[@]}" && break
  done || { echo "lighthouse failed on $path" >&2; continue; }
  python3 - "$out/$name.json" "$name $path" >>"$out/scores.md" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
c = report["categories"]
print("| {} | {} | {} | {} | {} |".format(sys.argv[2], *(round(100 * c[k]["score"]) for k in ("performance", "accessibility", "best-practices", "seo"))))
PY
done
cat "$out/scores.md"
