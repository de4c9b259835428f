#!/usr/bin/env bash
# Messages benchmark, two modes against the Release site on SQLite:
#   bench/messages/run.sh [conversations=5000]
#     the conversation list and a page's top bar for a member with many conversations, with wrk;
#     the data is made directly in SQL.
#   bench/messages/run.sh live [pairs=500] [messages=2000] [in-flight sends=50]
#     live delivery: 2 x pairs members (made in SQL, signed in through the form) keep a WebSocket to
#     /messages/hub open; senders post through the composer route (JSON, as messages.js) and
#     bench/messages/live measures from just before each POST to the push at the recipient.
#   BENCH_DIR (default /tmp/redmvc-bench-messages), BENCH_PORT (5391),
#   WRK_THREADS (2), WRK_CONNECTIONS (16), WRK_DURATION (15s)
# Loopback only; the site is stopped at the end. Not run by CI. Results go in docs/benchmarks.md ("Messages").
set -euo pipefail

mode=list
[ "${1:-}" = live ] && { mode=live; shift; }
conversations=${1:-5000}
pairs=${1:-500} messages=${2:-2000} in_flight=${3:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/redmvc-bench-messages}/$([ "$mode" = live ] && echo "live-$pairs" || echo "$conversations")
port=${BENCH_PORT:-5391}
base=http://127.0.0.1:$port
threads=${WRK_THREADS:-2} connections=${WRK_CONNECTIONS:-16} duration=${WRK_DURATION:-15s}
email=bench.chatter@bench.redmvc.local
password=bench-password-2026

for tool in wrk sqlite3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
done

echo "building Web (Release)"
dotnet build -c Release --nologo -v quiet "$root/Web/RedMvc.Web.csproj" >/dev/null

site_pid=""
site_env=()
start_site() {
  (cd "$root/Web" && exec env "${site_env[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base Site__PublicBaseUrl=$base \
    Storage__DataPath="$work" Database__Provider=Sqlite Security__RequireHttps=false RateLimits__Register__PermitLimit=100 \
    dotnet bin/Release/net10.0/RedMvc.Web.dll >>"$work/site.log" 2>&1) &
  site_pid=$!
  for _ in $(seq 120); do
    curl -sf -o /dev/null "$base/health" && return 0
    kill -0 "$site_pid" 2>/dev/null || { echo "the site stopped; see $work/site.log" >&2; exit 1; }
    sleep 1
  done
  echo "the site did not answer /health; see $work/site.log" >&2
  exit 1
}
stop_site() {
  [ -n "$site_pid" ] || return 0
  kill "$site_pid" 2>/dev/null || true
  while kill -0 "$site_pid" 2>/dev/null; do sleep 0.5; done
  site_pid=""
}
trap stop_site EXIT

rm -rf "$work" && mkdir -p "$work"
start_site
jar="$work/cookies.txt"
token() { curl -sf -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

if [ "$mode" = live ]; then
  echo "building bench/messages/live (Release)"
  dotnet build -c Release --nologo -v quiet "$here/live/RedMvc.Bench.Messages.Live.csproj" >/dev/null
  curl -s -o /dev/null -b "$jar" -c "$jar" "$base/account/register" --data-urlencode "Email=template@live.bench.redmvc.local" \
    --data-urlencode "DisplayName=Template" --data-urlencode "Handle=live_template" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$(token /account/register)"
  stop_site
  echo "making $pairs pairs (s{i} writes to r{i}, who follows s{i}) in SQL, with the template's password hash"
  columns=$(sqlite3 "$work/redmvc.db" "SELECT group_concat(name, ', ') FROM pragma_table_info('AspNetUsers')")
  sqlite3 "$work/redmvc.db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $pairs) INSERT INTO n SELECT i FROM c;
CREATE TEMP TABLE names AS SELECT 's' || i AS name FROM n UNION ALL SELECT 'r' || i FROM n;
CREATE TEMP TABLE u AS SELECT names.name AS bench_name, a.* FROM names, AspNetUsers a WHERE a.Handle = 'live_template';
UPDATE u SET Id = 'live-' || bench_name, Email = bench_name || '@live.bench.redmvc.local', NormalizedEmail = upper(bench_name || '@live.bench.redmvc.local'),
  UserName = 'live_' || bench_name, NormalizedUserName = upper('live_' || bench_name), Handle = 'live_' || bench_name, DisplayName = 'Live ' || bench_name,
  EmailConfirmed = 1, SecurityStamp = upper(hex(randomblob(16))), ConcurrencyStamp = lower(hex(randomblob(16)));
INSERT INTO AspNetUsers ($columns) SELECT $columns FROM u;
INSERT INTO Follows (FollowerId, FolloweeId, CreatedAt) SELECT 'live-r' || i, 'live-s' || i, '2026-01-01 00:00:00' FROM n;
COMMIT;
SQL
  # Limits sized for one address signing in and posting for 2 x pairs members; everything else as in production.
  site_env=(RateLimits__SignIn__PermitLimit=1000000 RateLimits__Messaging__PermitLimit=1000000)
  start_site
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$here/live/bin/Release/net10.0/RedMvc.Bench.Messages.Live.dll" "$base" "$pairs" "$messages" "$in_flight" "$password" | tee "$work/results.md"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/results.md"
  exit 0
fi
curl -s -o /dev/null -b "$jar" -c "$jar" "$base/account/register" --data-urlencode "Email=$email" --data-urlencode "DisplayName=Bench" \
  --data-urlencode "Handle=bench_chatter" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$(token /account/register)"
stop_site

echo "making $conversations conversations of 4 messages each (half with 1 unread) in SQL"
sqlite3 "$work/redmvc.db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE NormalizedEmail = upper('$email');
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $conversations) INSERT INTO n SELECT i FROM c;
INSERT INTO AspNetUsers (Id, DisplayName, Handle, CreatedAt, UserName, NormalizedUserName, EmailConfirmed, SecurityStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
  SELECT 'peer-' || i, '朋友 ' || i, 'peer' || i, '2026-01-01 00:00:00', 'peer' || i, 'PEER' || i, 1, 'x', 0, 0, 1, 0 FROM n;
INSERT INTO Conversations (Id, MemberAId, MemberBId, StartedById, CreatedAt)
  SELECT i, (SELECT Id FROM AspNetUsers WHERE Handle = 'bench_chatter'), 'peer-' || i, 'peer-' || i, '2026-01-01 00:00:00' FROM n;
INSERT INTO Messages (Id, ConversationId, SenderId, RecipientId, Body, CreatedAt)
  SELECT (c.Id - 1) * 4 + k.k, c.Id,
         CASE WHEN k.k % 2 = 1 THEN c.MemberBId ELSE c.MemberAId END,
         CASE WHEN k.k % 2 = 1 THEN c.MemberAId ELSE c.MemberBId END,
         '消息 ' || k.k || ' 在聊天 ' || c.Id, datetime('2026-01-01', '+' || ((c.Id - 1) * 4 + k.k) || ' seconds')
  FROM Conversations c, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k;
INSERT INTO ConversationMembers (ConversationId, MemberId, OtherMemberId, Accepted, LastMessageId, LastReadMessageId, DeletedUpToId)
  SELECT Id, MemberAId, MemberBId, 1, Id * 4, CASE WHEN Id % 2 = 0 THEN Id * 4 - 2 ELSE Id * 4 END, 0 FROM Conversations;
INSERT INTO ConversationMembers (ConversationId, MemberId, OtherMemberId, Accepted, LastMessageId, LastReadMessageId, DeletedUpToId)
  SELECT Id, MemberBId, MemberAId, 1, Id * 4, Id * 4, 0 FROM Conversations;
COMMIT;
ANALYZE;
SQL

start_site
rm -f "$jar"
curl -s -o /dev/null -b "$jar" -c "$jar" "$base/account/sign-in" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$(token /account/sign-in)"
cookie=$(awk '$6 ~ /^red\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
[ -n "$cookie" ] || { echo "signing in failed" >&2; exit 1; }
curl -sf -H "Cookie: $cookie" "$base/messages" >"$work/messages.html"
grep -q 'chat-row' "$work/messages.html" || { echo "the list shows no conversation" >&2; exit 1; }
echo "top bar unread badge: $(grep -o 'data-messages-unread aria-hidden="true">[^<]*' "$work/messages.html" | head -1 | sed 's/.*>//')"
older=$(grep -o '/messages?before=[0-9]*' "$work/messages.html" | head -1)

pages=(
  "static file /css/site.css|/css/site.css"
  "conversation list /messages (newest 30 of $conversations)|/messages"
  "conversation list, next page $older|$older"
  "requests /messages/requests (none)|/messages/requests"
  "a conversation /messages/$conversations|/messages/$conversations"
)
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }
results="$work/results.md"
{
  echo "$conversations conversations (4 messages each, $((conversations / 2)) with 1 unread), wrk -t$threads -c$connections -d$duration --latency, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| page | requests/s | p50 (ms) | p99 (ms) | ratio to static file |"
  echo "|---|---:|---:|---:|---:|"
} >"$results"
baseline=""
for page in "${pages[@]}"; do
  IFS='|' read -r label path <<<"$page"
  wrk -t"$threads" -c"$connections" -d3s -H "Cookie: $cookie" "$base$path" >/dev/null
  out="$work/wrk-$(echo "$path" | tr -c 'a-z0-9' '_').txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Cookie: $cookie" "$base$path" >"$out"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  [ -n "$baseline" ] || baseline=$rps
  errors=$(awk '/Non-2xx or 3xx responses:/ { printf " (non-2xx %s)", $NF }' "$out")
  printf '| %s%s | %.0f | %s | %s | %s |\n' "$label" "$errors" "$rps" "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")" \
    "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")" "$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.1f%%", 100 * a / b }')" >>"$results"
done
echo "query plan of the list:"
sqlite3 "$work/redmvc.db" "EXPLAIN QUERY PLAN SELECT ConversationId FROM ConversationMembers WHERE MemberId = (SELECT Id FROM AspNetUsers WHERE Handle = 'bench_chatter') AND LastMessageId > DeletedUpToId ORDER BY LastMessageId DESC LIMIT 31" | tee -a "$results"
cat "$results"
