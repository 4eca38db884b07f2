#!/usr/bin/env bash
# The whole test suite against real services: starts PostgreSQL+PostGIS, Redis and NATS (installing them when
# missing), builds the solution and runs every test project. Ends with one line: "N passed, N failed, N skipped".
#   scripts/test.sh                     everything
#   scripts/test.sh --filter Category   extra arguments go to 'dotnet test'
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/services.sh start
eval "$(scripts/services.sh env)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# npm-based test tools (e.g. the graphql-ws client for subscription tests), when a test folder declares them.
for dir in tests/*/js; do
  if [ -f "$dir/package.json" ] && [ ! -d "$dir/node_modules" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

results="$ROOT/.local/test-results"
rm -rf "$results"
dotnet build Marketplace.sln -c Release -nologo -clp:ErrorsOnly

set +e
dotnet test Marketplace.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?
set -e

# One closing line for people and CI, counted from the TRX files of every test project.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
if [ "$status" -ne 0 ]; then exit "$status"; fi
