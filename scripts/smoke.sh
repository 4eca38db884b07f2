#!/usr/bin/env bash
# Smoke test of the single-container artifact (scripts/publish.sh): starts the published host as the only process
# against the local services, asks a few things through GraphQL, prints its idle memory, then runs the end-to-end suite
# against that same artifact (MARKETPLACE_TEST_HOST) and prints the host's peak memory through it. RSS from /proc.
#   scripts/smoke.sh [published-folder]     (default .local/publish; published first when missing)
# Goals (issue 20): idle < 250 MB, peak through the suite < 600 MB; exits non-zero when a goal is missed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
out="$(cd "$(dirname "${1:-$ROOT/.local/publish}")" 2>/dev/null && pwd)/$(basename "${1:-$ROOT/.local/publish}")"
[ -x "$out/Marketplace.Host" ] || scripts/publish.sh "$out"

scripts/services.sh start >/dev/null
eval "$(scripts/services.sh test-env)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The artifact starts as a fresh deployment would: its own empty database, subject prefix and job prefix. On the suite's
# database it joined the suite's durable consumers and relayed its outbox backlog (thousands of events after a full run),
# and its "idle" memory measured that work (263 MB in CI against 223 MB fresh).
smoke_db="marketplace_smoke"
PGPASSWORD=marketplace psql -h 127.0.0.1 -p "${MARKETPLACE_PG_PORT:-15432}" -U marketplace -d postgres -X -q \
  -c "DROP DATABASE IF EXISTS $smoke_db WITH (FORCE)" -c "CREATE DATABASE $smoke_db"
ConnectionStrings__Marketplace="$(printf '%s' "$ConnectionStrings__Marketplace" | sed "s/Database=[^;]*/Database=$smoke_db/")"
export ConnectionStrings__Marketplace Events__SubjectPrefix="smoke$$" Jobs__Prefix="test:smoke$$:"

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# 1. The artifact alone: migrate, serve, answer, idle.
port="$(free_port)"
log="$ROOT/.local/logs/smoke-host.log"; mkdir -p "$(dirname "$log")"
(cd "$out" && ASPNETCORE_ENVIRONMENT=Development ./Marketplace.Host migrate >"$log" 2>&1)
(cd "$out" && exec env ASPNETCORE_ENVIRONMENT=Development Server__HttpPort="$port" ./Marketplace.Host >>"$log" 2>&1) &
host=$!
trap 'kill "$host" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && break; kill -0 "$host" || { tail -20 "$log"; exit 1; }; sleep 0.25; done
gql() { curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -d "$1"; }
answer="$(gql '{"query":"{ __typename storesNear(location: { latitude: 38.7223, longitude: -9.1393 }, radiusKm: 5) { edges { distanceMeters } } }"}')"
echo "$answer" | grep -q '"__typename":"Query"' || { echo "[smoke] unexpected answer: $answer" >&2; exit 1; }
answer="$(gql '{"query":"mutation { buyerLoginCodeRequest(input: { phone: \"+447911123499\" }) { codeSent } }"}')"
echo "$answer" | grep -q '"codeSent":true' || { echo "[smoke] unexpected answer: $answer" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/.well-known/jwks.json" | grep -q '"keys"' || { echo "[smoke] no JWKS" >&2; exit 1; }
# Idle: after the first requests have warmed it, and a moment of nothing.
for _ in $(seq 1 20); do sleep 1; done
idle="$(rss_mb "$host")"
kill "$host"; wait "$host" 2>/dev/null || true
trap - EXIT
echo "[smoke] GraphQL answered; idle RSS of the published host: $idle MB"

# 2. The end-to-end suite against the same artifact (its fixture starts it), peak RSS sampled every 200 ms.
peak_file="$(mktemp)"; echo 0 >"$peak_file"
(
  peak=0
  while :; do
    for exe in /proc/[0-9]*/exe; do
      pid="${exe#/proc/}"; pid="${pid%/exe}"
      [ "$(readlink "$exe" 2>/dev/null)" = "$out/Marketplace.Host" ] || continue
      rss="$(rss_mb "$pid")"; [ "$rss" -gt "$peak" ] && peak="$rss" && echo "$peak" >"$peak_file"
    done
    sleep 0.2
  done
) &
sampler=$!
set +e
MARKETPLACE_TEST_HOST="$out" MARKETPLACE_E2E_TOPOLOGY=single dotnet test tests/Marketplace.EndToEnd.Tests -c Release --no-build --nologo --logger "console;verbosity=minimal"
suite=$?
set -e
kill "$sampler" 2>/dev/null || true
peak="$(cat "$peak_file")"; rm -f "$peak_file"
echo "[smoke] published host memory: idle $idle MB (goal < 250), peak through the end-to-end suite $peak MB (goal < 600)"
[ "$suite" -eq 0 ] || exit "$suite"
[ "$idle" -lt 250 ] && [ "$peak" -lt 600 ] || { echo "[smoke] memory goal missed" >&2; exit 1; }
