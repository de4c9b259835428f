#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback, for the tests and the local cluster.
#   deploy/local/postgres.sh start <dir> <port>   initdb in <dir>, start on 127.0.0.1:<port>, superuser "redmvc", trust auth
#   deploy/local/postgres.sh stop <dir>           stop it and remove <dir>
# Installs Debian's postgresql when initdb is missing. As root, the server runs as the "postgres" user
# (initdb refuses root). Durability is off: the data is thrown away anyway.
set -euo pipefail
command=${1:?usage: postgres.sh start <dir> <port> | stop <dir>}
dir=${2:?usage: postgres.sh start <dir> <port> | stop <dir>}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin=$(find_bin)
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then echo "postgres.sh: PostgreSQL is not installed and this user cannot install it" >&2; exit 1; fi
  echo "Installing PostgreSQL for the tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(find_bin)
fi

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
  start)
    port=${3:?usage: postgres.sh start <dir> <port>}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U redmvc --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=1000 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: postgres.sh start <dir> <port> | stop <dir>" >&2; exit 2 ;;
esac
