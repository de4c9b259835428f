#!/usr/bin/env bash
# A local cluster on loopback: PostgreSQL, Redis, two web processes and two worker processes, with
# nginx in front (round robin, no sticky sessions).
#   deploy/local/run.sh start   build, start everything, print the address
#   deploy/local/run.sh stop    stop everything and remove the cluster's state
#   deploy/local/run.sh status  what is running
#   deploy/local/run.sh create-admin <email>   make an Admin in the cluster's database (a new account's password is printed)
#   deploy/local/run.sh restart web1|worker2...   start one process again as start did (after a crash;
#                               one still running is stopped first); a web process is waited for
# Ports and the state folder can be changed with the variables below (environment wins).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

STATE=${REDMVC_CLUSTER_STATE:-/tmp/redmvc-cluster}
PROXY_PORT=${REDMVC_PROXY_PORT:-8080}
PG_PORT=${REDMVC_PG_PORT:-55433}
REDIS_PORT=${REDMVC_REDIS_PORT:-6390}
WEB_PORTS=(${REDMVC_WEB_PORTS:-5201 5202})
WORKERS=${REDMVC_WORKERS:-2}
CONFIGURATION=${REDMVC_CONFIGURATION:-Release}
DEMO=${REDMVC_DEMO:-true}      # false: start empty, without the demo members and notes
BUILD=${REDMVC_BUILD:-true}    # false: use the binaries already built in $CONFIGURATION

web_dll="$root/Web/bin/$CONFIGURATION/net10.0/RedMvc.Web.dll"
workers_dll="$root/Workers/bin/$CONFIGURATION/net10.0/RedMvc.Workers.dll"

need() {
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "run.sh: $1 is missing (Debian package $2)" >&2; exit 1
  fi
}

# The settings every process shares: the server database, Redis, one shared data folder (on several
# machines: an NFS export or a mounted volume), jobs only in the worker processes.
shared_env() {
  # Production, on plain http behind a loopback proxy: no HTTPS redirect, cookies not Secure-only.
  export ASPNETCORE_ENVIRONMENT=Production
  export Security__RequireHttps=false
  export Database__Provider=PostgreSql
  export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=redmvc;Database=redmvc"
  export Database__MigrateOnStartup=false
  export Redis__Configuration="127.0.0.1:$REDIS_PORT"
  export Storage__DataPath="$STATE/shared"
  export Workers__InProcess=false
  export Site__PublicBaseUrl="http://127.0.0.1:$PROXY_PORT"
}

start_process() { # name, command...
  local name=$1; shift
  nohup "$@" >>"$STATE/logs/$name.log" 2>&1 &  # appended: a restarted process keeps the crashed one's log
  echo $! >"$STATE/pids/$name.pid"
}

start_web() { # number (1 = the first of WEB_PORTS)
  local port=${WEB_PORTS[$(($1 - 1))]}
  (cd Web && ASPNETCORE_URLS="http://127.0.0.1:$port" start_process "web$1" dotnet "$web_dll")
}

start_worker() { # number
  (cd Workers && start_process "worker$1" dotnet "$workers_dll")
}

wait_http() { # url
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "run.sh: $1 did not answer" >&2; return 1
}

start() {
  need redis-server redis-server
  need nginx nginx
  need curl curl
  mkdir -p "$STATE/logs" "$STATE/pids" "$STATE/shared"
  if [ "$BUILD" = true ]; then dotnet build RedMvc.sln -c "$CONFIGURATION" -nologo -v q; fi

  deploy/local/postgres.sh start "$STATE/pg" "$PG_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$STATE/pids/redis.pid" --logfile "$STATE/logs/redis.log"

  shared_env
  # Once, before any node: the migrations, the roles and (unless REDMVC_DEMO=false) the demo content.
  if [ "$DEMO" = true ]; then (cd Web && dotnet "$web_dll" migrate --seed); else (cd Web && dotnet "$web_dll" migrate); fi

  local upstreams=""
  for i in "${!WEB_PORTS[@]}"; do
    start_web $((i + 1))
    upstreams+="    server 127.0.0.1:${WEB_PORTS[$i]} max_fails=1 fail_timeout=2s;"$'\n'
  done
  for i in $(seq 1 "$WORKERS"); do start_worker "$i"; done
  for port in "${WEB_PORTS[@]}"; do wait_http "http://127.0.0.1:$port/health" 2>/dev/null; done

  cat >"$STATE/nginx.conf" <<CONF
worker_processes 1;
pid $STATE/pids/nginx.pid;
error_log $STATE/logs/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $STATE/logs/nginx-access.log;
  client_body_temp_path $STATE/nginx-body;
  proxy_temp_path $STATE/nginx-proxy;
  client_max_body_size 220m;
  upstream redmvc {
$upstreams    keepalive 32;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    # Live messages: a WebSocket the browser opens without negotiating, so any node can take it (decision 0033).
    location /messages/hub {
      proxy_pass http://redmvc;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://redmvc;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A node that dies mid-request: the next one answers idempotent requests.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
  nginx -c "$STATE/nginx.conf" -p "$STATE"
  wait_http "http://127.0.0.1:$PROXY_PORT/health"
  echo "RedMvc cluster is running. Open http://127.0.0.1:$PROXY_PORT (logs in $STATE/logs)"
}

stop() {
  if [ -f "$STATE/pids/nginx.pid" ]; then nginx -c "$STATE/nginx.conf" -p "$STATE" -s stop 2>/dev/null || true; fi
  for pidfile in "$STATE"/pids/web*.pid "$STATE"/pids/worker*.pid "$STATE"/pids/redis.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
  for pidfile in "$STATE"/pids/*.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  deploy/local/postgres.sh stop "$STATE/pg"
  rm -rf "$STATE"
  echo "RedMvc cluster stopped."
}

restart() { # web<N> or worker<N>
  local name=${1:-} pidfile
  case "$name" in
    web[1-9]*) [ "${name#web}" -le "${#WEB_PORTS[@]}" ] || { echo "run.sh: there is no $name" >&2; exit 2; } ;;
    worker[1-9]*) [ "${name#worker}" -le "$WORKERS" ] || { echo "run.sh: there is no $name" >&2; exit 2; } ;;
    *) echo "usage: deploy/local/run.sh restart web<N>|worker<N>" >&2; exit 2 ;;
  esac
  pidfile="$STATE/pids/$name.pid"
  if [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null; then
    for _ in $(seq 1 20); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  fi
  shared_env
  case "$name" in
    web*) start_web "${name#web}"; wait_http "http://127.0.0.1:${WEB_PORTS[$((${name#web} - 1))]}/health" ;;
    worker*) start_worker "${name#worker}" ;;
  esac
  echo "$name started (pid $(cat "$pidfile"))."
}

create_admin() { # email
  shared_env
  cd Web && dotnet "$web_dll" create-admin "${1:?usage: deploy/local/run.sh create-admin <email>}"
}

status() {
  for pidfile in "$STATE"/pids/*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$name running"; else echo "$name stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) restart "${2:-}" ;;
  create-admin) create_admin "${2:-}" ;;
  *) echo "usage: deploy/local/run.sh start|stop|status|restart <web1|worker1...>|create-admin <email>" >&2; exit 2 ;;
esac
