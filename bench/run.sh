#!/usr/bin/env bash
# Organization directory benchmarks (issue "Foundation"); figures go into docs/benchmarks.md.
#
#   bench/run.sh
#
# 1. builds bench/Briefings.Bench (and with it src/Briefings.Web) in Release;
# 2. starts a throwaway PostgreSQL 15 on 127.0.0.1 (a free port, fsync off, trust auth, temp folder);
# 3. generates 10,000 units and 100,000 people into a temp SQLite file and into that PostgreSQL, and times
#    SearchDirectory (ITERATIONS searches per scope) beside a primary-key lookup of one unit;
# 4. times cold start of the built web app to the first 200 of /Account/Login (empty and warm database)
#    and reads its RSS after start and after 50 requests;
# 5. stops everything it started, by PID, and prints the markdown tables (also kept in bench/out/).
#
# Environment: ITERATIONS (500), RUNS (3 starts of each kind), PGBIN (/usr/lib/postgresql/15/bin), KEEP=1 keeps the temp folder.
# Must run as root (PostgreSQL is run as the postgres user through su) or as a user that may run initdb itself.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
ITERATIONS=${ITERATIONS:-500}
RUNS=${RUNS:-3}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DRIVER=$ROOT/bench/Briefings.Bench/bin/Release/net10.0/Briefings.Bench.dll
APP=$ROOT/src/Briefings.Web/bin/Release/net10.0/Briefings.Web.dll
W=$(mktemp -d /tmp/bench-run.XXXX)
OUT=$ROOT/bench/out
mkdir -p "$OUT"
PGW=""
PG_PID=""

# Alive and not a zombie (a stopped postgres may linger as <defunct> until its parent reaps it).
alive() { [[ -r /proc/$1/status ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_postgres() {
  if [[ $(id -u) == 0 ]]; then su postgres -c "$1"; else bash -c "$1"; fi
}

cleanup() {
  local rc=$?
  # The web app, if the start driver died while the app ran (the driver writes its PID here).
  if [[ -s $W/app.pid ]]; then
    local app_pid
    app_pid=$(cat "$W/app.pid")
    if alive "$app_pid"; then
      log "stopping web app PID $app_pid"
      kill -TERM "$app_pid" 2>/dev/null || true
      for _ in $(seq 1 30); do alive "$app_pid" || break; sleep 0.5; done
      alive "$app_pid" && kill -KILL "$app_pid" 2>/dev/null || true
    fi
  fi
  if [[ -n $PG_PID ]] && alive "$PG_PID"; then
    log "stopping PostgreSQL PID $PG_PID"
    as_postgres "$PGBIN/pg_ctl -D $PGW/data -m fast -w stop" >/dev/null 2>&1 || kill -INT "$PG_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$PG_PID" || break; sleep 0.2; done
    alive "$PG_PID" && kill -KILL "$PG_PID" 2>/dev/null || true
  fi
  if [[ ${KEEP:-0} == 1 || $rc != 0 ]]; then
    log "temp files kept in $W ${PGW:+and $PGW}"
  else
    rm -rf "$W" ${PGW:+"$PGW"}
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local p
  for p in $(seq "$1" $(($1 + 500))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# --- 1. build (the other builds of src/ may hold files: retry on file-in-use errors) --------------------------
build() {
  local attempt
  for attempt in 1 2 3 4 5 6; do
    if dotnet build bench/Briefings.Bench -c Release -nologo >"$W/build.log" 2>&1; then return 0; fi
    if grep -qiE "being used by another process|file-in-use|cannot access the file|MSB3021|MSB3026|MSB3027|CS2012|Access to the path" "$W/build.log"; then
      log "build collided with another build (attempt $attempt); retrying in 20 s"
      sleep 20
      continue
    fi
    grep -E "error|Error" "$W/build.log" >&2 || cat "$W/build.log" >&2
    return 1
  done
  cat "$W/build.log" >&2
  return 1
}
log "building bench/Briefings.Bench (Release)"
build

# --- 2. throwaway PostgreSQL on 127.0.0.1 ---------------------------------------------------------------------
PGPORT=$(free_port 55432)
PGW=$(mktemp -d /tmp/bench-pg.XXXX)
[[ $(id -u) == 0 ]] && chown postgres:postgres "$PGW"
log "starting PostgreSQL on 127.0.0.1:$PGPORT ($PGW)"
as_postgres "$PGBIN/initdb -D $PGW/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_postgres "$PGBIN/pg_ctl -D $PGW/data -l $PGW/log -w -o \"-p $PGPORT -k $PGW -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
PG_PID=$(head -1 "$PGW/data/postmaster.pid")
PG_CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=bench"

# --- 3. search latency ------------------------------------------------------------------------------------------
log "search benchmark, SQLite"
timeout 600 dotnet "$DRIVER" search --provider Sqlite --connection "Data Source=$W/search.db" --iterations "$ITERATIONS" --out "$W/sqlite.json" \
  || log "SQLite search benchmark FAILED"
log "search benchmark, PostgreSQL"
timeout 600 dotnet "$DRIVER" search --provider Postgres --connection "$PG_CONN" --iterations "$ITERATIONS" --out "$W/postgres.json" \
  || log "PostgreSQL search benchmark FAILED"

# --- 4. cold start and memory -----------------------------------------------------------------------------------
# Working directory = the app folder, as a deployed app runs (its appsettings.json is the configuration).
log "cold start, working directory = app folder"
timeout 300 dotnet "$DRIVER" start --app "$APP" --work "$W/start" --runs "$RUNS" --pid-file "$W/app.pid" --password "Bench-Demo-2026" \
  --out "$W/start.json" || log "cold start benchmark FAILED"
# The literal command from the repository root: the content root is then the repository root, where no appsettings.json is.
log "cold start, working directory = repository root"
timeout 300 dotnet "$DRIVER" start --app "$APP" --work "$W/start-root" --runs 1 --pid-file "$W/app.pid" --password "Bench-Demo-2026" \
  --cwd "$ROOT" --out "$W/start-root.json" || log "cold start benchmark (repository root) FAILED"

# --- 5. report ------------------------------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
{
  echo "Run: $(date -u) — bench/run.sh (ITERATIONS=$ITERATIONS, RUNS=$RUNS)"
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, Linux $(uname -r), .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
  echo
  dotnet "$DRIVER" report --search "$W/sqlite.json,$W/postgres.json" --start "$W/start.json,$W/start-root.json"
} | tee "$OUT/report-$STAMP.md"
cp "$W"/*.json "$OUT/" 2>/dev/null || true
log "report kept in bench/out/report-$STAMP.md"
