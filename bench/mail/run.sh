#!/usr/bin/env bash
# Notification mail: times the batching job's passes (MailNotificationsJob) on a fresh, migrated SQLite
# database, in process, no HTTP, no SMTP (mails are rendered and queued in the outbox, not sent).
# usage: bench/mail/run.sh [members=1000] [events per member=3]
# Not run by CI. Results go in docs/benchmarks.md ("Notification mail").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet build -c Release --nologo -v quiet "$here/RedMvc.Bench.Mail.csproj" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$here/bin/Release/net10.0/RedMvc.Bench.Mail.dll" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
