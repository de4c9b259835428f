#!/usr/bin/env bash
# Groups benchmark (issue 13): a group with 100,000 threads and a thread with 20,000 replies against a
# group of 10 threads and a thread of 10 replies, visitor and member, as ratios to a static file.
# usage: bench/groups/run.sh <data folder of a site that finished seeding its demo>
#   the folder is copied to $BENCH_DIR (default /tmp/redmvc-bench-groups); the big rows are added there in SQL.
#   BENCH_PORT (5391), WRK_THREADS (2), WRK_CONNECTIONS (16), WRK_DURATION (10s)
# Not run by CI. Results go in docs/benchmarks.md ("Groups").
set -euo pipefail
source_data=${1:?usage: bench/groups/run.sh <seeded data folder>}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${BENCH_DIR:-/tmp/redmvc-bench-groups}
port=${BENCH_PORT:-5391}
base=http://127.0.0.1:$port
threads=${WRK_THREADS:-2} connections=${WRK_CONNECTIONS:-16} duration=${WRK_DURATION:-10s}

rm -rf "$work" && cp -r "$source_data" "$work"
db="$work/redmvc.db"
owner=$(sqlite3 "$db" "SELECT Id FROM AspNetUsers WHERE Handle = 'xiaolu'")
now="strftime('%Y-%m-%d %H:%M:%S', 'now')"
echo "adding 100,000 threads and 20,000 replies"
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO Groups (Name, NormalizedName, Channel, IsPrivate, OwnerId, SlowModeMinutes, MemberCount, ThreadCount, WeeklyPosts, CreatedAt, LastActivityAt)
VALUES ('Bench big', 'BENCH BIG', 'travel', 0, '$owner', 0, 1, 100000, 0, $now, $now),
       ('Bench small', 'BENCH SMALL', 'travel', 0, '$owner', 0, 1, 10, 0, $now, $now);
INSERT INTO GroupMembers (GroupId, UserId, Role, Status, CreatedAt, JoinedAt)
SELECT Id, '$owner', 3, 2, $now, $now FROM Groups WHERE Name IN ('Bench big', 'Bench small');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO GroupThreads (GroupId, AuthorId, Kind, Title, Body, CreatedAt, ReplyCount, LikeCount, LastActivityAt, HotScore)
SELECT (SELECT Id FROM Groups WHERE Name = 'Bench big'), '$owner', 1, 'Bench thread ' || i, 'body ' || i,
       strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (100000 - i) || ' minutes'), 0, i % 50,
       strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (100000 - i) || ' minutes'), 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO GroupThreads (GroupId, AuthorId, Kind, Title, Body, CreatedAt, ReplyCount, LikeCount, LastActivityAt, HotScore)
SELECT (SELECT Id FROM Groups WHERE Name = 'Bench small'), '$owner', 1, 'Small thread ' || i, 'body ' || i,
       strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (10 - i) || ' minutes'), 0, i, strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (10 - i) || ' minutes'), 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO GroupReplies (ThreadId, AuthorId, Body, CreatedAt, LikeCount)
SELECT (SELECT MAX(Id) FROM GroupThreads WHERE Title = 'Bench thread 100000'), '$owner', 'reply ' || i, strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (20000 - i) || ' seconds'), 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO GroupReplies (ThreadId, AuthorId, Body, CreatedAt, LikeCount)
SELECT (SELECT MAX(Id) FROM GroupThreads WHERE Title = 'Small thread 10'), '$owner', 'reply ' || i, $now, 0 FROM n;
UPDATE GroupThreads SET ReplyCount = (SELECT COUNT(*) FROM GroupReplies r WHERE r.ThreadId = GroupThreads.Id) WHERE Title IN ('Bench thread 100000', 'Small thread 10');
COMMIT;
ANALYZE;
SQL
big=$(sqlite3 "$db" "SELECT Id FROM Groups WHERE Name = 'Bench big'")
small=$(sqlite3 "$db" "SELECT Id FROM Groups WHERE Name = 'Bench small'")
big_thread=$(sqlite3 "$db" "SELECT Id FROM GroupThreads WHERE Title = 'Bench thread 100000'")
small_thread=$(sqlite3 "$db" "SELECT Id FROM GroupThreads WHERE Title = 'Small thread 10'")
first_reply=$(sqlite3 "$db" "SELECT MIN(Id) FROM GroupReplies WHERE ThreadId = $big_thread")
last_reply=$(sqlite3 "$db" "SELECT MAX(Id) FROM GroupReplies WHERE ThreadId = $big_thread")

dotnet build -c Release --nologo -v quiet "$root/Web/RedMvc.Web.csproj" >/dev/null
(cd "$root/Web" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base Site__PublicBaseUrl=$base Storage__DataPath="$work" \
  Security__RequireHttps=false exec dotnet bin/Release/net10.0/RedMvc.Web.dll >>"$work/site.log" 2>&1) &
site_pid=$!
trap 'kill $site_pid 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "$base/health" && break; sleep 1; done

# A member's cookie: the demo's xiaolu signs in through the real form.
jar="$work/cookies.txt"
token=$(curl -s -c "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=xiaolu@redmvc.local" --data-urlencode "Password=red-member-local-2026" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/account/sign-in"
# Every cookie of the jar (curl marks HttpOnly ones with a "#HttpOnly_" prefix, not a comment).
cookie=$(awk 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s=%s; ", $6, $7}' "$jar")
curl -s -H "Cookie: $cookie" "$base/groups" | grep -q 'action="/account/sign-out"' || { echo "the member did not sign in" >&2; exit 1; }

measure() { # name, path, cookie
  local args=(-t"$threads" -c"$connections" -d"$duration" --latency)
  [ -n "${3:-}" ] && args+=(-H "Cookie: $3")
  curl -s -o /dev/null ${3:+-H "Cookie: $3"} "$base$2"; curl -s -o /dev/null ${3:+-H "Cookie: $3"} "$base$2" # warm
  local out; out=$(wrk "${args[@]}" "$base$2")
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  printf "| %s | %s | %s | %s | %s |\n" "$1" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$static_rps" 'BEGIN {printf "%.3f", a / b}')"
}
static_rps=1
static_rps=$(wrk -t"$threads" -c"$connections" -d"$duration" "$base/favicon.svg" | awk '/Requests\/sec/ {print $2}')
echo "static file: $static_rps requests/s"
echo "| page | requests/s | p50 | p99 | ratio to static |"
echo "|---|---|---|---|---|"
for who in visitor member; do
  c=""; [ "$who" = member ] && c="$cookie"
  measure "$who: group of 10 threads" "/groups/$small" "$c"
  measure "$who: group of 100,000 threads" "/groups/$big" "$c"
  measure "$who: group of 100,000 threads, top of all time" "/groups/$big?sort=top-all" "$c"
  measure "$who: thread of 10 replies" "/groups/threads/$small_thread" "$c"
  measure "$who: thread of 20,000 replies, first page" "/groups/threads/$big_thread" "$c"
  measure "$who: thread of 20,000 replies, middle page" "/groups/threads/$big_thread?after=$((first_reply + 10000))" "$c"
  measure "$who: thread of 20,000 replies, last page" "/groups/threads/$big_thread?before=$((last_reply + 1))" "$c"
done
