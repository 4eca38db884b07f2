#!/usr/bin/env bash
# Everything a person needs to try the marketplace: installs and starts PostgreSQL+PostGIS, Redis and NATS
# (scripts/services.sh), builds the host, applies every module's migrations, loads the demo data and serves
# GraphQL on http://localhost:8080 until Ctrl+C. Services keep running afterwards: scripts/services.sh stop.
#
#   scripts/start.sh            one host process: every module in process (the default topology)
#   scripts/start.sh --split    the seed's topology from the same build: a gateway process on :8080 and one process per
#                               module (Users :9001, Sellers :9002, Catalog :9003, Inventory :9004, Ordering :9005,
#                               Media gRPC :9006 + HTTP :8087, Notifications :9007), each with its own database
#                               (marketplace_users, ...) in the local cluster, one generated service token between them.
#                               MARKETPLACE_SPLIT_PORT_BASE=B moves every port: gateway B, module gRPC B+1..B+7, module
#                               HTTP B+11..B+17 (docs/deployment.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

split=false
case "${1:-}" in
  "") ;;
  --split) split=true ;;
  *) echo "usage: $0 [--split]" >&2; exit 64 ;;
esac

scripts/services.sh start
eval "$(scripts/services.sh env)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

echo "[start] building the host"
dotnet build src/Host/Marketplace.Host -c Release -nologo -clp:ErrorsOnly -v quiet
bin="$ROOT/src/Host/Marketplace.Host/bin/Release/net10.0"

if ! $split; then
  echo "[start] migrating and seeding demo data"
  (cd "$bin" && dotnet Marketplace.Host.dll seed)

  port="${Server__HttpPort:-8080}"
  cat <<INFO

  Marketplace is starting on http://localhost:$port
    GraphiQL (in a browser)   http://localhost:$port/graphql
    GraphQL endpoint          POST http://localhost:$port/graphql
    Health                    http://localhost:$port/health/ready
  Stop with Ctrl+C; the local services keep running (scripts/services.sh stop).

INFO
  cd "$bin"
  exec dotnet Marketplace.Host.dll
fi

# ---- the split topology ---------------------------------------------------------------------------------------------
# Module order is the seeding order (a module's demo data may read the ones before it); the number is its port suffix.
modules=(Users:1 Sellers:2 Catalog:3 Inventory:4 Ordering:5 Media:6 Notifications:7)
base="${MARKETPLACE_SPLIT_PORT_BASE:-}"
grpc_port() { if [ -n "$base" ]; then echo $((base + $1)); else echo $((9000 + $1)); fi; }
http_port() { # Media's HTTP port is public (uploads, delivery): the seed's :8087
  if [ -n "$base" ]; then echo $((base + 10 + $1)); elif [ "$1" = 6 ]; then echo 8087; else echo $((9100 + $1)); fi
}
gateway_port="${base:-8080}"
db_prefix="${MARKETPLACE_SPLIT_DB_PREFIX:-marketplace_}"
pg_port="${MARKETPLACE_PG_PORT:-15432}"
logs="$ROOT/.local/logs/split"
mkdir -p "$logs"

# One database per module in the local cluster (PostGIS comes from template1, which services.sh prepares).
for entry in "${modules[@]}"; do
  db="${db_prefix}$(echo "${entry%%:*}" | tr '[:upper:]' '[:lower:]')"
  PGPASSWORD=marketplace psql -h 127.0.0.1 -p "$pg_port" -U marketplace -d postgres -qtA -v ON_ERROR_STOP=1 \
    -c "SELECT 'CREATE DATABASE $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')" \
    | PGPASSWORD=marketplace psql -h 127.0.0.1 -p "$pg_port" -U marketplace -d postgres -q -v ON_ERROR_STOP=1 >/dev/null
done

token="$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')"
export Contracts__ServiceToken="$token"
# Links in emails and SMS point at the gateway, whatever process writes them.
export Modules__Users__PublicBaseUrl="http://localhost:$gateway_port"
export Modules__Notifications__PublicBaseUrl="http://localhost:$gateway_port"
unset ConnectionStrings__Marketplace

# The environment of one process: its own module (or none, for the gateway) and every other module's endpoint.
process_env() { # module-or-gateway
  local entry name n
  for entry in "${modules[@]}"; do
    name="${entry%%:*}"; n="${entry##*:}"
    if [ "$name" = "$1" ]; then
      echo "Host__Modules=$name"
      echo "Server__HttpPort=$(http_port "$n")"
      echo "Server__GrpcPort=$(grpc_port "$n")"
      echo "ConnectionStrings__$name=Host=127.0.0.1;Port=$pg_port;Database=${db_prefix}$(echo "$name" | tr '[:upper:]' '[:lower:]');Username=marketplace;Password=marketplace"
    else
      echo "Modules__${name}__Endpoint=http://127.0.0.1:$(grpc_port "$n")"
    fi
  done
  if [ "$1" = gateway ]; then echo "Server__HttpPort=$gateway_port"; fi
}

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo; echo "[start] stopping ${#pids[@]} processes"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

run_host() { # name command
  local name="$1"; shift
  local env_args=(); mapfile -t env_args < <(process_env "$name")
  env -C "$bin" "${env_args[@]}" dotnet Marketplace.Host.dll "$@"
}

# A plain command in the background (no function, no subshell), so $! is the host process itself and Ctrl+C stops it.
start_process() { # name
  local env_args=(); mapfile -t env_args < <(process_env "$1")
  env -C "$bin" "${env_args[@]}" dotnet Marketplace.Host.dll serve >>"$logs/$1.log" 2>&1 &
  pids+=($!)
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$gateway_port" $(for entry in "${modules[@]}"; do grpc_port "${entry##*:}"; http_port "${entry##*:}"; done); do
  if port_taken "$port"; then echo "[start] 127.0.0.1:$port is taken (another start.sh --split still running?); set MARKETPLACE_SPLIT_PORT_BASE" >&2; exit 1; fi
done

wait_ready() { # name port
  local i
  for ((i = 0; i < 1200; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$2/health/ready" 2>/dev/null; then return 0; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "[start] a process exited; last lines of $logs/$1.log:" >&2; tail -n 20 "$logs/$1.log" >&2; exit 1; }; done
    sleep 0.25
  done
  echo "[start] $1 did not become ready on :$2 within 300 s (log: $logs/$1.log)" >&2
  exit 1
}

: >"$logs/seed.log"
echo "[start] starting 7 module processes (logs in $logs)"
for entry in "${modules[@]}"; do : >"$logs/${entry%%:*}.log"; start_process "${entry%%:*}"; done
for entry in "${modules[@]}"; do wait_ready "${entry%%:*}" "$(http_port "${entry##*:}")"; done
: >"$logs/gateway.log"
start_process gateway
wait_ready gateway "$gateway_port"

echo "[start] loading demo data, one module at a time"
for entry in "${modules[@]}"; do
  name="${entry%%:*}"
  run_host "$name" seed >>"$logs/seed.log" 2>&1 || { echo "[start] seeding $name failed; last lines of $logs/seed.log:" >&2; tail -n 20 "$logs/seed.log" >&2; exit 1; }
done

cat <<INFO

  Marketplace (split: 8 processes) is serving on http://localhost:$gateway_port
    GraphiQL (in a browser)   http://localhost:$gateway_port/graphql
    Health (incl. modules)    http://localhost:$gateway_port/health/ready
INFO
for entry in "${modules[@]}"; do
  printf '    %-14s gRPC 127.0.0.1:%-5s  HTTP http://127.0.0.1:%s  database %s\n' "${entry%%:*}" "$(grpc_port "${entry##*:}")" \
    "$(http_port "${entry##*:}")" "${db_prefix}$(echo "${entry%%:*}" | tr '[:upper:]' '[:lower:]')"
done
cat <<INFO
  Media's uploads and deliveries are served by the Media process itself (its HTTP port above).
  Logs in $logs. Stop all with Ctrl+C; the local services keep running (scripts/services.sh stop).

INFO
wait -n "${pids[@]}" || true
echo "[start] a process exited; stopping the others" >&2
exit 1
