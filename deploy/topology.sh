#!/usr/bin/env bash
# The whole topology of a scaled-out Briefings on ONE machine, for tests and benchmarks (issue 14.6):
# PostgreSQL, Redis, two (APP_INSTANCES) app instances of the built app, and Debian's nginx in front of them
# (WebSockets proxied). Everything listens on 127.0.0.1 only, on free ports, in one folder; every process is
# stopped by its PID. Production on several machines: docs/deploy.md.
#
#   deploy/topology.sh start DIR     start everything; writes DIR/topology.env (ports, PIDs, URLs) and prints it
#   deploy/topology.sh stop DIR      stop what DIR/topology.env names (apps, nginx, Redis, PostgreSQL), by PID
#   deploy/topology.sh kill-app DIR N   kill app instance N (1-based) with SIGKILL, as a crash would (failover tests)
#   deploy/topology.sh health DIR    /health of each app instance, through nginx, and PING of Redis / pg_isready
#
# Environment: APP (src/Briefings.Web/bin/Release/net10.0/Briefings.Web.dll, built beforehand), APP_INSTANCES (2),
# DB (Postgres | Sqlite; Postgres by default — several instances on one SQLite file work, but PostgreSQL is what
# production runs), DEMO_PASSWORD (Topology-Demo-2026), PGBIN (/usr/lib/postgresql/15/bin), NGINX (/usr/sbin/nginx),
# APP_ENV (extra "KEY=VALUE ..." for every app instance, e.g. "Logging__LogLevel__Default=Warning"),
# DB_CONNECTION (a database the caller runs, with DB naming its provider: then no PostgreSQL is started),
# MEDIA_HOOK (a script run after the apps: see "Media" below), PG_SOCKET (1: the apps reach PostgreSQL through its
# Unix socket instead of loopback TCP).
# Needs root (PostgreSQL runs as user postgres through su) or a user that may run initdb itself; Debian packages
# postgresql, redis-server, nginx (apt-get install -y postgresql redis-server nginx).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CMD=${1:-}
DIR=${2:-}
[[ -n $CMD && -n $DIR ]] || { sed -n 2,20p "$0" >&2; exit 2; }
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
ENVFILE=$DIR/topology.env

APP=${APP:-$ROOT/src/Briefings.Web/bin/Release/net10.0/Briefings.Web.dll}
APP_INSTANCES=${APP_INSTANCES:-2}
DB=${DB:-Postgres}
DEMO_PASSWORD=${DEMO_PASSWORD:-Topology-Demo-2026}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
NGINX=${NGINX:-/usr/sbin/nginx}

log() { printf '[topology %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
alive() { [[ -r /proc/$1/status ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }
as_postgres() { if [[ $(id -u) == 0 ]]; then su postgres -c "$1"; else bash -c "$1"; fi; }

# Ports below the kernel's ephemeral range (ip_local_port_range, usually from 32768): a port picked from inside it
# can be taken by any outgoing connection between this check and the server's bind (seen once: "address already in
# use" for the second app instance while tests connected beside it).
EPHEMERAL_LOW=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() {
  local p span=$((EPHEMERAL_LOW > 21000 ? EPHEMERAL_LOW - 20000 : 30000))
  while :; do
    p=$((20000 + RANDOM % span))
    # Not listening and not already handed to another part of this topology.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! grep -qx "$p" "$DIR/.ports" 2>/dev/null; then
      echo "$p" >>"$DIR/.ports"
      echo "$p"
      return 0
    fi
  done
}

wait_http() { # url seconds
  local i
  for i in $(seq 1 $(($2 * 4))); do
    if curl -fs -o /dev/null --max-time 2 "$1"; then return 0; fi
    sleep 0.25
  done
  return 1
}

stop_pid() { # pid name
  local pid=$1
  [[ -n $pid ]] && alive "$pid" || return 0
  log "stopping $2 (PID $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do alive "$pid" || return 0; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
}

start() {
  [[ -f $APP ]] || { echo "Built app not found: $APP (dotnet build src/Briefings.Web -c Release)" >&2; exit 1; }
  [[ ! -f $ENVFILE ]] || { echo "$ENVFILE exists: stop that topology first (deploy/topology.sh stop $DIR)" >&2; exit 1; }
  : >"$DIR/.ports"
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  echo "# written by deploy/topology.sh start at $(date -u +%FT%TZ)" >"$ENVFILE"
  # Whatever fails below, what was already started is stopped again.
  trap 'log "start failed: stopping what was started"; stop; exit 1' ERR

  # --- PostgreSQL ---------------------------------------------------------------------------------------------
  local conn
  if [[ -n ${DB_CONNECTION:-} ]]; then
    conn=$DB_CONNECTION # a database of the caller's (a test's), not started here
  elif [[ $DB == Postgres ]]; then
    local pgport
    pgport=$(free_port)
    # A folder of its own that the postgres user may enter (DIR may be a private temp folder of root's).
    local pg
    pg=$(mktemp -d /tmp/topology-pg.XXXXXX)
    echo "PG_DIR=$pg" >>"$ENVFILE"
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$pg"
    as_postgres "$PGBIN/initdb -D $pg/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    # max_connections: each app instance's pool (Npgsql's default 100) plus headroom.
    as_postgres "$PGBIN/pg_ctl -D $pg/data -l $pg/log -w -o \"-p $pgport -k $pg -c listen_addresses=127.0.0.1 -c max_connections=$((APP_INSTANCES * 100 + 20)) -c shared_buffers=256MB\" start" >/dev/null
    echo "PG_PID=$(head -1 "$pg/data/postmaster.pid")" >>"$ENVFILE"
    echo "PG_PORT=$pgport" >>"$ENVFILE"
    echo "PG_DATA=$pg/data" >>"$ENVFILE"
    conn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=briefings"
    # PG_SOCKET=1: the apps reach the server through its Unix socket (the folder above) instead of loopback TCP, as an
    # app on the database's own machine can (issue 14.5: the session check's send to the server over TCP was a fifth
    # to a third of a kept page's samples, docs/benchmarks.md "Signed-in pages, round 8").
    if [[ ${PG_SOCKET:-0} == 1 ]]; then
      conn="Host=$pg;Port=$pgport;Username=postgres;Database=briefings"
      log "PostgreSQL on 127.0.0.1:$pgport (apps through its Unix socket in $pg)"
    else
      log "PostgreSQL on 127.0.0.1:$pgport"
    fi
  else
    conn="Data Source=$DIR/briefings.db"
  fi
  echo "DB_PROVIDER=$DB" >>"$ENVFILE"
  echo "DB_CONNECTION='$conn'" >>"$ENVFILE"

  # --- Redis ---------------------------------------------------------------------------------------------------
  local redisport
  redisport=$(free_port)
  mkdir -p "$DIR/redis"
  redis-server --bind 127.0.0.1 --port "$redisport" --save "" --appendonly no --dir "$DIR/redis" --maxclients 10000 \
    >"$DIR/redis/log" 2>&1 &
  echo "REDIS_PID=$!" >>"$ENVFILE"
  echo "REDIS=127.0.0.1:$redisport" >>"$ENVFILE"
  for _ in $(seq 1 40); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.25; done
  log "Redis on 127.0.0.1:$redisport"

  # --- app instances (the first alone: it migrates the database and loads the demo district) ---------------------
  local n port upstream=""
  for n in $(seq 1 "$APP_INSTANCES"); do
    port=$(free_port)
    mkdir -p "$DIR/app$n/home"
    (
      cd "$(dirname "$APP")"
      # shellcheck disable=SC2086
      exec env HOME="$DIR/app$n/home" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
        Database__Provider="$DB" Database__ConnectionString="$conn" \
        Redis__Connection="127.0.0.1:$redisport" Redis__FallbackKeyFolder="$DIR/app$n/keys" \
        Demo__Load=true Demo__Password="$DEMO_PASSWORD" Demo__DataFolder="$DIR/app$n" \
        Meetings__PublicBaseUrl="http://127.0.0.1" Mail__PickupFolder="$DIR/app$n/mail" \
        ${APP_ENV:-} dotnet "$APP"
    ) >"$DIR/app$n/log" 2>&1 &
    echo "APP${n}_PID=$!" >>"$ENVFILE"
    echo "APP${n}_URL=http://127.0.0.1:$port" >>"$ENVFILE"
    upstream+="    server 127.0.0.1:$port max_fails=3 fail_timeout=5s;"$'\n'
    if ! wait_http "http://127.0.0.1:$port/health" 180; then
      tail -30 "$DIR/app$n/log" >&2
      false
    fi
    log "app instance $n on 127.0.0.1:$port"
  done
  echo "APP_INSTANCES=$APP_INSTANCES" >>"$ENVFILE"

  # --- nginx (Debian's), its own prefix folder; not the system service -------------------------------------------
  local nport
  nport=$(free_port)
  mkdir -p "$DIR/nginx/tmp"
  chmod 777 "$DIR/nginx/tmp"
  sed -e "s|@PORT@|$nport|" -e "s|@DIR@|$DIR/nginx|g" \
    "$ROOT/deploy/nginx.conf.template" | awk -v up="$upstream" '{ if ($0 ~ /@UPSTREAM@/) printf "%s", up; else print }' >"$DIR/nginx/nginx.conf"
  "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -t -q
  "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
  for _ in $(seq 1 40); do [[ -s $DIR/nginx/nginx.pid ]] && break; sleep 0.1; done
  echo "NGINX_PID=$(cat "$DIR/nginx/nginx.pid")" >>"$ENVFILE"
  echo "URL=http://127.0.0.1:$nport" >>"$ENVFILE"
  wait_http "http://127.0.0.1:$nport/health" 20
  log "nginx on 127.0.0.1:$nport"

  # --- Media (Janus centre and relays) -------------------------------------------------------------------------
  # Configured by the media cascade (issue 14.1-3): a script given as MEDIA_HOOK is run here with DIR and the env
  # file; it starts Janus instances (Debian's janus, on loopback or in the test namespace), appends their PIDs as
  # JANUS_*_PID=... lines to DIR/topology.env (stopped by "stop"), and their settings (Media__Janus__N__ApiUrl, ...)
  # are then given to the apps through APP_ENV. Without MEDIA_HOOK the topology runs without media.
  if [[ -n ${MEDIA_HOOK:-} ]]; then
    log "media hook: $MEDIA_HOOK"
    "$MEDIA_HOOK" "$DIR" "$ENVFILE"
  fi

  echo "DEMO_PASSWORD=$DEMO_PASSWORD" >>"$ENVFILE"
  trap - ERR
  cat "$ENVFILE"
}

stop() {
  [[ -f $ENVFILE ]] || { log "nothing to stop: no $ENVFILE"; return 0; }
  # shellcheck disable=SC1090
  source "$ENVFILE"
  local var
  stop_pid "${NGINX_PID:-}" nginx
  for var in $(grep -oE '^APP[0-9]+_PID' "$ENVFILE"); do stop_pid "${!var}" "${var%_PID}"; done
  for var in $(grep -oE '^JANUS_[A-Z0-9_]*PID' "$ENVFILE"); do stop_pid "${!var}" "${var%_PID}"; done
  stop_pid "${REDIS_PID:-}" Redis
  if [[ -n ${PG_PID:-} ]] && alive "$PG_PID"; then
    log "stopping PostgreSQL (PID $PG_PID)"
    as_postgres "$PGBIN/pg_ctl -D $PG_DATA -m fast -w stop" >/dev/null 2>&1 || stop_pid "$PG_PID" PostgreSQL
  fi
  [[ -n ${PG_DIR:-} && -d $PG_DIR ]] && { cp "$PG_DIR/log" "$DIR/postgres.log" 2>/dev/null || true; rm -rf "$PG_DIR"; }
  mv "$ENVFILE" "$ENVFILE.stopped"
}

case $CMD in
  start) start ;;
  stop) stop ;;
  kill-app)
    source "$ENVFILE"
    var="APP${3:?instance number}_PID"
    log "killing app instance $3 (PID ${!var}) with SIGKILL"
    kill -KILL "${!var}"
    ;;
  health)
    source "$ENVFILE"
    for n in $(seq 1 "$APP_INSTANCES"); do
      var="APP${n}_URL"
      printf 'app %s (%s): %s\n' "$n" "${!var}" "$(curl -sS --max-time 5 "${!var}/health" 2>&1 | tr '\n' ' ')"
    done
    printf 'nginx (%s): %s\n' "$URL" "$(curl -sS --max-time 5 "$URL/health" 2>&1 | tr '\n' ' ')"
    printf 'redis (%s): %s\n' "$REDIS" "$(redis-cli -h 127.0.0.1 -p "${REDIS##*:}" ping 2>&1)"
    [[ -n ${PG_PORT:-} ]] && printf 'postgres (127.0.0.1:%s): %s\n' "$PG_PORT" "$("$PGBIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" 2>&1)"
    ;;
  *) sed -n 2,20p "$0" >&2; exit 2 ;;
esac
