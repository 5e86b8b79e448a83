#!/usr/bin/env bash
# Runs the product locally: the emulators, then Serverless.LocalHost on http://localhost:7071 (same /api routes as
# Azure Functions). With --sample N it also replays N real Online Retail customers' purchases through the API, so
# profiles and segments are there to look at at once. Ctrl-C stops the host and the emulators.
#   ./run-local.sh                 # empty product
#   ./run-local.sh --sample 200    # plus 200 customers of real purchases (../shared/datasets/online_retail_uci)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

sample=0
url="${LOCALHOST_URL:-http://localhost:7071}"
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) sample="${2:?--sample needs a number of customers}"; shift 2 ;;
    --url) url="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Settings: local.settings.json (created from the sample on first run) is read by LocalHost as Functions would.
[ -f local.settings.json ] || cp local.settings.sample.json local.settings.json
key="$(python3 -c 'import json;print(json.load(open("local.settings.json"))["Values"]["LocalHost:FunctionKey"])')"

# Emulators that were already running (another terminal, a test run) are left running at exit.
started_emulators=true
if bash tools/emulators/emulators.sh status | grep -q "not listening"; then :; else started_emulators=false; fi
bash tools/emulators/emulators.sh start
dotnet build src/Serverless.LocalHost -c Release -v quiet -nologo
dotnet run --project src/Serverless.LocalHost -c Release --no-build -- --urls "$url" --LocalHost:LocalSettingsPath "$PWD/local.settings.json" &
host=$!
trap 'kill $host 2>/dev/null || true; wait $host 2>/dev/null || true; if $started_emulators; then bash tools/emulators/emulators.sh stop; fi' EXIT INT TERM

for _ in $(seq 1 120); do
  if curl -fsS "$url/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $host 2>/dev/null; then echo "LocalHost exited; see the log above" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "$url/api/health" >/dev/null || { echo "LocalHost did not become healthy at $url" >&2; exit 1; }
echo "LocalHost is up at $url (function key: see local.settings.json, LocalHost:FunctionKey)"

if [ "$sample" -gt 0 ]; then
  dotnet run --project src/Serverless.Cli -c Release -- events replay-online-retail --customers "$sample" --url "$url" --key "$key"
  echo "Try: curl -s -H 'x-functions-key: $key' $url/api/segments"
fi
wait $host
