#!/usr/bin/env bash
# The single-container artifact: 'dotnet publish' of the host, self-contained for linux-x64, into one folder (default
# .local/publish). Nothing else is needed to run it but the local services (PostgreSQL+PostGIS, Redis, NATS) and, for
# Media, the distribution's libvips and ffmpeg (scripts/services.sh installs them; the Dockerfile packs this same output).
#   scripts/publish.sh [output-folder]
#   <folder>/Marketplace.Host serve|migrate|seed ...      the host, as dotnet Marketplace.Host.dll would be run
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
out="${1:-$ROOT/.local/publish}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "[publish] dotnet publish (Release, linux-x64, self-contained) into $out"
rm -rf "$out"
dotnet publish src/Host/Marketplace.Host -c Release -r linux-x64 --self-contained true -o "$out" -nologo -clp:ErrorsOnly -v quiet
echo "[publish] done: $(du -sh "$out" | cut -f1) in $out; run $out/Marketplace.Host"
