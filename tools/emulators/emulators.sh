#!/usr/bin/env bash
# Local emulators for the backend: Azurite (Blob/Queue/Table) and @vercel/cosmosdb-server (Cosmos DB protocol).
#   emulators.sh install   npm ci (applies patches/ through patch-package) when node_modules is missing or stale
#   emulators.sh start     install if needed, start both on 127.0.0.1 unless already listening, wait until they answer
#   emulators.sh stop      stop what this script started
#   emulators.sh status    say what listens
# Ports (environment): AZURITE_BLOB_PORT 10000, AZURITE_QUEUE_PORT 10001, AZURITE_TABLE_PORT 10002, COSMOS_PORT 8081.
# Both keep data in memory: a restart starts empty.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${EMULATORS_STATE_DIR:-$here/.state}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
cosmos_port="${COSMOS_PORT:-8081}"
mkdir -p "$state"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install() {
  # Reinstall when the lock file or a patch changed since the last install.
  local stamp="$here/node_modules/.installed-stamp" want
  want="$(shopt -s nullglob; cat "$here/package-lock.json" "$here"/patches/*.patch | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "emulators: npm ci" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$want" >"$stamp"
}

wait_for() { # name port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if listening "$2"; then return 0; fi
    sleep 0.1
  done
  echo "emulators: $1 did not listen on 127.0.0.1:$2 within $3 s (log: $state/$1.log)" >&2
  tail -n 20 "$state/$1.log" >&2 || true
  return 1
}

start() {
  # One starter at a time: test projects running in parallel may all call start.
  exec 9>"$state/lock"
  flock 9
  install
  if listening "$blob_port" && listening "$queue_port"; then
    echo "emulators: azurite already listening on $blob_port/$queue_port" >&2
  else
    nohup node "$here/node_modules/azurite/dist/src/azurite.js" --silent --inMemoryPersistence --skipApiVersionCheck \
      --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
      --tableHost 127.0.0.1 --tablePort "$table_port" \
      >"$state/azurite.log" 2>&1 9>&- &
    echo $! >"$state/azurite.pid"
  fi
  if listening "$cosmos_port"; then
    echo "emulators: cosmos server already listening on $cosmos_port" >&2
  else
    nohup node "$here/node_modules/@vercel/cosmosdb-server/lib/cli.js" --host 127.0.0.1 --port "$cosmos_port" \
      >"$state/cosmos.log" 2>&1 9>&- &
    echo $! >"$state/cosmos.pid"
  fi
  wait_for azurite "$blob_port" 60
  wait_for azurite "$queue_port" 60
  wait_for cosmos "$cosmos_port" 60
  echo "emulators: azurite blob=$blob_port queue=$queue_port table=$table_port, cosmos=https://127.0.0.1:$cosmos_port" >&2
}

stop() {
  local name pid
  for name in azurite cosmos; do
    if [ -f "$state/$name.pid" ]; then
      pid="$(cat "$state/$name.pid")"
      if kill "$pid" 2>/dev/null; then echo "emulators: stopped $name ($pid)" >&2; fi
      rm -f "$state/$name.pid"
    fi
  done
}

status() {
  local name port
  for pair in "azurite-blob:$blob_port" "azurite-queue:$queue_port" "cosmos:$cosmos_port"; do
    name="${pair%%:*}"; port="${pair##*:}"
    if listening "$port"; then echo "$name listening on $port"; else echo "$name not listening on $port"; fi
  done
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
