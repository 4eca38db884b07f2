#!/usr/bin/env bash
# Local services for development and tests: PostgreSQL 15 + PostGIS 3, Redis 7, NATS with JetStream, maildev
# (an SMTP server with a web inbox and REST API, from npm) and moto_server (an S3/SQS stand-in for the Media
# module). Installs what is missing (apt, as root or with sudo: also ffmpeg and libvips with HEIC support, which
# the Media module runs; maildev with npm into .local/tools; moto with pip only when moto_server is absent),
# then starts each on loopback with its data under .local/ in the project, so the machine's own services are
# never touched.
#
#   scripts/services.sh start    install if needed, start, wait until each answers (idempotent)
#   scripts/services.sh stop     stop what this script started
#   scripts/services.sh status   one line per service
#   scripts/services.sh env      print the environment variables the host reads (the demo's database)
#   scripts/services.sh test-env the same for the test suite: its own database, Redis database, event subjects and job
#                                keys, so a test run never touches what the demo host reads
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${MARKETPLACE_DATA_DIR:-$ROOT/.local}"
PG_PORT="${MARKETPLACE_PG_PORT:-15432}"
REDIS_PORT="${MARKETPLACE_REDIS_PORT:-16379}"
NATS_PORT="${MARKETPLACE_NATS_PORT:-14222}"
NATS_MONITOR_PORT="${MARKETPLACE_NATS_MONITOR_PORT:-18222}"
SMTP_PORT="${MARKETPLACE_SMTP_PORT:-11025}"
MAILDEV_WEB_PORT="${MARKETPLACE_MAILDEV_WEB_PORT:-11080}"
S3_PORT="${MARKETPLACE_S3_PORT:-14566}"
MAILDEV_VERSION=2.2.1
TOOLS="$ROOT/.local/tools"
PG_USER=marketplace
PG_PASSWORD=marketplace
PG_DB=marketplace
# The test suite's own database: tests never write into the demo database that start.sh fills.
PG_TEST_DB=marketplace_test
PG_BIN=/usr/lib/postgresql/15/bin

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root or sudo to run: $*"; fi
}

# The PostgreSQL server refuses to run as root; when we are root it runs as the 'postgres' system user.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing() {
  local missing=()
  [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nats-server >/dev/null || missing+=(nats-server)
  # Media: ffmpeg/ffprobe for video; Debian's libvips (with libheif and libde265, so iPhone HEIC decodes) for
  # images, loaded by NetVips (docs/adr/0009-heic-uploads.md).
  command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
  dpkg-query -W -f='${Status}' libvips42 2>/dev/null | grep -q 'install ok installed' || missing+=(libvips42)
  dpkg-query -W -f='${Status}' libheif1 2>/dev/null | grep -q 'install ok installed' || missing+=(libheif1)
  dpkg-query -W -f='${Status}' libde265-0 2>/dev/null | grep -q 'install ok installed' || missing+=(libde265-0)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (apt)"
    as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do port_open "$2" && return 0; sleep 0.1; done
  die "$1 did not come up on 127.0.0.1:$2 within $3 s (logs in $DATA/logs)"
}

start_postgres() {
  local dir="$DATA/postgres" run="$DATA/postgres-run"
  if port_open "$PG_PORT" && [ ! -f "$dir/postmaster.pid" ]; then
    die "127.0.0.1:$PG_PORT is taken by another process (not this project's PostgreSQL); set MARKETPLACE_PG_PORT"
  fi
  mkdir -p "$DATA/logs" "$run"
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir" "$run"
    local pwfile; pwfile="$(mktemp)"; echo "$PG_PASSWORD" >"$pwfile"; chmod 644 "$pwfile"
    pg_run "$PG_BIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$DATA/logs/initdb.log" 2>&1 || die "initdb failed (see $DATA/logs/initdb.log)"
    rm -f "$pwfile"
  fi
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$run" && touch "$DATA/logs/postgres.log" && chown postgres "$DATA/logs/postgres.log"
  if ! port_open "$PG_PORT"; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_run "$PG_BIN/pg_ctl" -D "$dir" -l "$DATA/logs/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $run -c max_connections=800 -c fsync=on -c shared_buffers=256MB" >/dev/null
  fi
  wait_for PostgreSQL "$PG_PORT" 30
  # Role, database and PostGIS; template1 gets PostGIS too so databases created by tests have it.
  pg_run env PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -h "$run" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB')\gexec
SELECT 'CREATE DATABASE $PG_TEST_DB OWNER $PG_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_TEST_DB')\gexec
\c template1
CREATE EXTENSION IF NOT EXISTS postgis;
\c $PG_DB
CREATE EXTENSION IF NOT EXISTS postgis;
\c $PG_TEST_DB
CREATE EXTENSION IF NOT EXISTS postgis;
SQL
}

start_redis() {
  mkdir -p "$DATA/redis" "$DATA/logs"
  if port_open "$REDIS_PORT" && [ ! -f "$DATA/redis/redis.pid" ]; then
    die "127.0.0.1:$REDIS_PORT is taken by another process (not this project's Redis); set MARKETPLACE_REDIS_PORT"
  fi
  if ! port_open "$REDIS_PORT"; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$DATA/redis" --daemonize yes \
      --pidfile "$DATA/redis/redis.pid" --logfile "$DATA/logs/redis.log" --appendonly yes --save "" \
      --protected-mode yes >/dev/null
  fi
  wait_for Redis "$REDIS_PORT" 15
}

start_nats() {
  mkdir -p "$DATA/nats" "$DATA/logs"
  if port_open "$NATS_PORT" && [ ! -f "$DATA/nats/nats.pid" ]; then
    die "127.0.0.1:$NATS_PORT is taken by another process (not this project's NATS); set MARKETPLACE_NATS_PORT"
  fi
  if ! port_open "$NATS_PORT"; then
    log "starting NATS with JetStream on 127.0.0.1:$NATS_PORT"
    setsid nohup nats-server -a 127.0.0.1 -p "$NATS_PORT" -m "$NATS_MONITOR_PORT" -js -sd "$DATA/nats" \
      -P "$DATA/nats/nats.pid" >>"$DATA/logs/nats.log" 2>&1 </dev/null &
  fi
  wait_for NATS "$NATS_PORT" 15
}

install_maildev() {
  [ -x "$TOOLS/node_modules/.bin/maildev" ] && return 0
  command -v npm >/dev/null || die "npm is needed to install maildev (apt-get install npm)"
  log "installing maildev $MAILDEV_VERSION (npm, into $TOOLS)"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "maildev@$MAILDEV_VERSION" >/dev/null \
    || die "npm install maildev failed"
}

start_maildev() {
  mkdir -p "$DATA/maildev" "$DATA/logs"
  if port_open "$SMTP_PORT" && [ ! -f "$DATA/maildev/maildev.pid" ]; then
    die "127.0.0.1:$SMTP_PORT is taken by another process (not this project's maildev); set MARKETPLACE_SMTP_PORT"
  fi
  if ! port_open "$SMTP_PORT"; then
    log "starting maildev: SMTP on 127.0.0.1:$SMTP_PORT, inbox on http://127.0.0.1:$MAILDEV_WEB_PORT"
    setsid nohup "$TOOLS/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" \
      --web-ip 127.0.0.1 --mail-directory "$DATA/maildev/mail" >>"$DATA/logs/maildev.log" 2>&1 </dev/null &
    echo $! >"$DATA/maildev/maildev.pid"
  fi
  wait_for maildev "$SMTP_PORT" 30
  wait_for "maildev web" "$MAILDEV_WEB_PORT" 30
}

install_moto() {
  command -v moto_server >/dev/null && return 0
  command -v python3 >/dev/null || die "python3 is needed to install moto (apt-get install python3-pip)"
  log "installing moto[server] (pip)"
  python3 -m pip install --quiet 'moto[server]' >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages 'moto[server]' >/dev/null \
    || die "pip install moto[server] failed"
  hash -r
  command -v moto_server >/dev/null || die "moto_server is not on PATH after pip install"
}

start_moto() {
  mkdir -p "$DATA/moto" "$DATA/logs"
  if port_open "$S3_PORT" && [ ! -f "$DATA/moto/moto.pid" ]; then
    die "127.0.0.1:$S3_PORT is taken by another process (not this project's moto_server); set MARKETPLACE_S3_PORT"
  fi
  if ! port_open "$S3_PORT"; then
    log "starting moto_server (S3, SQS) on 127.0.0.1:$S3_PORT"
    setsid nohup moto_server -H 127.0.0.1 -p "$S3_PORT" >>"$DATA/logs/moto.log" 2>&1 </dev/null &
    echo $! >"$DATA/moto/moto.pid"
  fi
  wait_for moto_server "$S3_PORT" 30
}

stop_all() {
  if [ -f "$DATA/moto/moto.pid" ]; then
    log "stopping moto_server"; kill "$(cat "$DATA/moto/moto.pid")" 2>/dev/null || true; rm -f "$DATA/moto/moto.pid"
  fi
  if [ -f "$DATA/maildev/maildev.pid" ]; then
    log "stopping maildev"; kill "$(cat "$DATA/maildev/maildev.pid")" 2>/dev/null || true; rm -f "$DATA/maildev/maildev.pid"
  fi
  if [ -f "$DATA/postgres/postmaster.pid" ]; then
    log "stopping PostgreSQL"; pg_run "$PG_BIN/pg_ctl" -D "$DATA/postgres" -m fast -w stop >/dev/null || true
  fi
  if [ -f "$DATA/redis/redis.pid" ]; then
    log "stopping Redis"; kill "$(cat "$DATA/redis/redis.pid")" 2>/dev/null || true; rm -f "$DATA/redis/redis.pid"
  fi
  if [ -f "$DATA/nats/nats.pid" ]; then
    log "stopping NATS"; kill "$(cat "$DATA/nats/nats.pid")" 2>/dev/null || true; rm -f "$DATA/nats/nats.pid"
  fi
}

status() {
  for s in "PostgreSQL:$PG_PORT" "Redis:$REDIS_PORT" "NATS:$NATS_PORT" "maildev-SMTP:$SMTP_PORT" "maildev-web:$MAILDEV_WEB_PORT" "moto-S3:$S3_PORT"; do
    if port_open "${s#*:}"; then echo "${s%%:*}: up on 127.0.0.1:${s#*:}"; else echo "${s%%:*}: down"; fi
  done
}

print_env() {
  cat <<ENV
export ConnectionStrings__Marketplace="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_DB;Username=$PG_USER;Password=$PG_PASSWORD"
export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
export ConnectionStrings__Nats="nats://127.0.0.1:$NATS_PORT"
export Modules__Notifications__Email__Host=127.0.0.1
export Modules__Notifications__Email__Port=$SMTP_PORT
export Modules__Notifications__Email__Security=None
export MAILDEV_API_URL="http://127.0.0.1:$MAILDEV_WEB_PORT"
export MARKETPLACE_S3_URL="http://127.0.0.1:$S3_PORT"
ENV
}

# Tests get their own database, Redis database 1 (rate limits, revocation marks), subjects and streams under the
# "test" prefix (a demo host's consumers never see test events) and their own Hangfire keys.
print_test_env() {
  # Each test host keeps its own pool; bound it so many hosts running side by side stay within max_connections.
  print_env | sed "s/Database=$PG_DB;/Database=$PG_TEST_DB;Maximum Pool Size=40;/; s|ConnectionStrings__Redis=\"\(.*\)\"|ConnectionStrings__Redis=\"\1,defaultDatabase=1\"|"
  cat <<ENV
export Events__SubjectPrefix=test
export Jobs__Prefix=marketplace-test:jobs:
ENV
}

case "${1:-start}" in
  start) install_missing; install_maildev; install_moto; start_postgres; start_redis; start_nats; start_maildev; start_moto; status ;;
  stop) stop_all ;;
  status) status ;;
  env) print_env ;;
  test-env) print_test_env ;;
  *) die "usage: $0 start|stop|status|env|test-env" ;;
esac
