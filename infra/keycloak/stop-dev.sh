#!/usr/bin/env bash
# Stops the Keycloak started by start-dev.sh (and only that one: it uses the pid file it wrote).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PID_FILE="$HERE/target/keycloak.pid"

if [[ ! -f "$PID_FILE" ]]; then echo "[keycloak] not running (no pid file)" >&2; exit 0; fi
pid="$(cat "$PID_FILE")"
if ! kill -0 "$pid" 2>/dev/null; then echo "[keycloak] not running (stale pid $pid)" >&2; rm -f "$PID_FILE"; exit 0; fi

# start-dev.sh runs Keycloak as the leader of its own process group: stop the whole group.
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
for _ in $(seq 1 30); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; echo "[keycloak] stopped (pid $pid)" >&2; exit 0; }
  sleep 1
done
echo "[keycloak] did not stop within 30s, killing pid $pid" >&2
kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" || true
rm -f "$PID_FILE"
