#!/usr/bin/env bash
# Every test suite, with the real services they need, started on loopback and stopped afterwards.
#   ./test.sh          all suites: Core, Web on SQLite, Web on PostgreSQL, Browser (Chromium), Media (Janus)
#   ./test.sh --fast   only the suites that need no services (Core, Web on SQLite)
#   ./test.sh media    build, then only the media suite (Janus + Chromium inside a network namespace)
# Ends with one line "N passed, N failed, N skipped" summed over all suites; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
FAST=0
ONLY=""
[[ "${1:-}" == "--fast" ]] && FAST=1
[[ "${1:-}" == "media" ]] && ONLY=media
T0=$SECONDS
log() { echo "[test.sh +$((SECONDS - T0))s] $*"; }

# A free TCP port on 127.0.0.1 (no python needed): try random ports until one is unused, below the kernel's
# ephemeral range (an outgoing connection could take a port inside it before the server binds).
EPHEMERAL_LOW=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() {
  local port span=$((EPHEMERAL_LOW > 21000 ? EPHEMERAL_LOW - 20000 : 40000))
  while :; do
    port=$((20000 + RANDOM % span))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

WORK=$(mktemp -d /tmp/briefings-test.XXXXXX)
PGBIN=""
cleanup() {
  if [[ -n "$PGBIN" && -f "$WORK/pg/postmaster.pid" ]]; then
    su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# 1. System packages the suites need, installed only when missing (needs root, as in CI).
# LibreOffice and poppler are needed by the web suite itself (conclusion PDF), so even by --fast.
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# poppler-utils: pdftoppm (pages as PNG), pdffonts (embedded fonts), pdfsig (the PAdES signature checks).
{ command -v pdftoppm && command -v pdfsig && command -v pdffonts; } >/dev/null 2>&1 || need+=(poppler-utils)
# Liberation Serif: the Times-metric font of the printed documents and of the signature stamp.
[[ "$(fc-list : family 2>/dev/null || true)" == *"Liberation Serif"* ]] || need+=(fonts-liberation2)
# The mail tests deliver to a real SMTP server (aiosmtpd, Debian's python3) started on 127.0.0.1.
[[ -d /usr/lib/python3/dist-packages/aiosmtpd ]] || need+=(python3-aiosmtpd)
if ((FAST == 0)); then
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  # The live-room failover test runs two app instances behind Debian's nginx (deploy/topology.sh).
  [[ -x /usr/sbin/nginx ]] || need+=(nginx)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [[ "$(fc-list : family 2>/dev/null || true)" == *"Liberation Sans"* ]] || need+=(fonts-liberation)
  # Media: Janus and its browser library (served by the app from /usr/share/javascript), adapter.js.
  command -v janus >/dev/null 2>&1 || need+=(janus)
  [[ -f /usr/share/javascript/janus-gateway/janus.js ]] || need+=(libjs-janus-gateway)
  [[ -f /usr/share/javascript/webrtc-adapter/adapter.js ]] || need+=(libjs-webrtc-adapter)
fi
if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing packages: ${need[*]}. Run as root (apt-get install) or install them first." >&2
    exit 1
  fi
  log "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. Build once.
log "building"
dotnet tool restore >/dev/null
dotnet build Briefings.slnx -c Release -m:2 -nologo -clp:ErrorsOnly > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }

FILTER="Category!=Benchmark"
((FAST == 1)) && FILTER="Category!=Benchmark&Category!=Redis"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
rc=0
SUITES=()
run_suite() { # name project [env...]
  local name=$1 project=$2
  shift 2
  SUITES+=("$name")
  log "suite $name"
  # Benchmarks run on demand (docs/benchmarks.md), never as part of the test run; --fast skips the tests that
  # start a redis-server (two app instances sharing a SignalR backplane).
  env "$@" dotnet test "$project" -c Release --no-build --nologo --filter "${SUITE_FILTER:-$FILTER}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" || rc=1
}

# Media: Janus, the app and Chromium inside a network namespace made for this run (Janus never uses loopback for
# media; the namespace's veth carries it and nothing leaves). Built above: the namespace has no network.
run_media() {
  log "suite media"
  SUITES+=(media)
  mkdir -p "$ROOT/artifacts/screenshots"
  tests/Briefings.Media.Tests/netns-run.sh env CHROMIUM_PATH=/usr/bin/chromium "BRIEFINGS_ARTIFACTS=$ROOT/artifacts" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    dotnet test tests/Briefings.Media.Tests -c Release --no-build --nologo --filter "Category!=Benchmark" \
    --logger "trx;LogFileName=media.trx" --results-directory "$RESULTS" || rc=1
}

if [[ "$ONLY" == media ]]; then
  run_media
else
run_suite core tests/Briefings.Core.Tests
run_suite web-sqlite tests/Briefings.Web.Tests BRIEFINGS_TEST_DB=Sqlite "BRIEFINGS_ARTIFACTS=$ROOT/artifacts"
fi

if ((FAST == 0)) && [[ -z "$ONLY" ]]; then
  # 3. A throwaway PostgreSQL on 127.0.0.1, in a temporary folder.
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=$(free_port)
  mkdir -p "$WORK/pg" "$WORK/pgsock"
  chown postgres:postgres "$WORK" "$WORK/pg" "$WORK/pgsock"
  chmod 755 "$WORK"
  su postgres -c "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg/server.log -w -o \"-p $PGPORT -k $WORK/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null
  log "PostgreSQL on 127.0.0.1:$PGPORT"
  run_suite web-postgres tests/Briefings.Web.Tests BRIEFINGS_TEST_DB=Postgres "BRIEFINGS_TEST_PG=Host=127.0.0.1;Port=$PGPORT;Username=postgres"

  mkdir -p "$ROOT/artifacts/screenshots"
  run_suite browser tests/Briefings.Browser.Tests CHROMIUM_PATH=/usr/bin/chromium "BRIEFINGS_ARTIFACTS=$ROOT/artifacts" "BROWSER_HOME=$WORK/browser-home"
  # The whole cycle (issue 10) once more, on PostgreSQL.
  SUITE_FILTER="FullyQualifiedName~CycleLoopBrowserTests" run_suite browser-postgres tests/Briefings.Browser.Tests \
    CHROMIUM_PATH=/usr/bin/chromium "BRIEFINGS_ARTIFACTS=$ROOT/artifacts/postgres" "BROWSER_HOME=$WORK/browser-home-pg" \
    BRIEFINGS_TEST_DB=Postgres "BRIEFINGS_TEST_PG=Host=127.0.0.1;Port=$PGPORT;Username=postgres"
  run_media
fi

# 4. Each suite's count, then the closing line summed from the TRX files of every suite. A suite that was started
# but ran no test (no TRX, or a total of 0) counts as a failure: a filter or a build change must not hide a suite.
passed=0; failed=0; skipped=0
count() { local v; v=$(grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]*' || true); echo "${v:-0}"; }
for name in "${SUITES[@]}"; do
  trx="$RESULTS/$name.trx"
  if [[ ! -f "$trx" ]]; then
    echo "suite $name: no result file (it did not run)"
    failed=$((failed + 1)); rc=1
    continue
  fi
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -1)
  p=$(count passed); f=$(($(count failed) + $(count error) + $(count timeout))); s=$(count notExecuted)
  echo "suite $name: $p passed, $f failed, $s skipped"
  if ((p + f + s == 0)); then
    echo "suite $name ran no test"
    failed=$((failed + 1)); rc=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
log "done"
exit $rc
