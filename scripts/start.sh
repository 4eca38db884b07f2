#!/usr/bin/env bash
# Everything a person needs to try the marketplace: installs and starts PostgreSQL+PostGIS, Redis and NATS
# (scripts/services.sh), builds the host, applies every module's migrations, loads the demo data and serves
# GraphQL on http://localhost:8080 until Ctrl+C. Services keep running afterwards: scripts/services.sh stop.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/services.sh start
eval "$(scripts/services.sh env)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

echo "[start] building the host"
dotnet build src/Host/Marketplace.Host -c Release -nologo -clp:ErrorsOnly -v quiet
bin="$ROOT/src/Host/Marketplace.Host/bin/Release/net10.0"

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
