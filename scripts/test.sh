#!/usr/bin/env bash
# The whole test suite against real services: starts PostgreSQL+PostGIS, Redis, NATS and maildev (installing them when
# missing), builds the solution and runs every test project. The end-to-end suite (tests/Marketplace.EndToEnd.Tests) runs
# twice: in the one-process topology with the others, and at the same time in the split topology (a gateway process plus
# one process per module, as start.sh --split runs them). Ends with one line: "N passed, N failed, N skipped".
#   scripts/test.sh                     everything
#   scripts/test.sh --filter Category   extra arguments go to 'dotnet test' (both runs)
#   MARKETPLACE_E2E_SPLIT=0 scripts/test.sh   without the split-topology run
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/services.sh start
# The suite's own database, Redis database, event subjects and job keys: never the demo's (start.sh).
eval "$(scripts/services.sh test-env)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# npm-based test tools (e.g. the graphql-ws client for subscription tests), when a test folder declares them, and
# the client code generators the tests run (clients/*).
for dir in tests/*/js clients/*; do
  if [ -f "$dir/package.json" ] && { [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; }; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# The browser test (Marketplace.Gateway.Tests.BrowserWalkthroughTests) drives Debian's chromium with playwright-core.
if [ -z "${MARKETPLACE_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  echo "[test] installing chromium (apt) for the browser test"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else echo "[test] need root or sudo to install chromium" >&2; exit 1; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

log="$ROOT/.local/test-run.log"
mkdir -p "$ROOT/.local"
dotnet build Marketplace.sln -c Release -nologo -clp:ErrorsOnly

# Migrate the test database once, before the suites start their hosts side by side.
(cd src/Host/Marketplace.Host/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development dotnet Marketplace.Host.dll migrate)

set +e
# The split-topology run starts eight host processes of its own; it runs beside the solution's run (which runs the same
# journeys in one process), so it adds little wall time.
split_log="$ROOT/.local/test-run-split.log"
: >"$split_log"
if [ "${MARKETPLACE_E2E_SPLIT:-1}" != 0 ]; then
  MARKETPLACE_E2E_TOPOLOGY=split dotnet test tests/Marketplace.EndToEnd.Tests -c Release --no-build --nologo \
    --logger "console;verbosity=minimal" "$@" >"$split_log" 2>&1 &
  split_pid=$!
fi
dotnet test Marketplace.sln -c Release --no-build --nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ -n "${split_pid:-}" ]; then
  wait "$split_pid"; split_status=$?
  echo "[test] end-to-end suite, split topology:"
  cat "$split_log"
  cat "$split_log" >>"$log"
  if [ "$status" -eq 0 ]; then status=$split_status; fi
fi
set -e

# One closing line for people and CI, summed from each test assembly's own summary line.
python3 - "$log" <<'PY'
import re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+), Total:\s+\d+", line)
    if m:
        failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
if [ "$status" -ne 0 ]; then exit "$status"; fi
