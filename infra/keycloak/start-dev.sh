#!/usr/bin/env bash
# Starts a real Keycloak (official distribution from Maven Central) for development and tests,
# with the DEV realm (dev/payung-realm.json: production realm + demo users + test client) imported.
#
#   infra/keycloak/start-dev.sh           start (or report the already running one), wait until ready
#   infra/keycloak/start-dev.sh --fresh   wipe Keycloak's dev database first (re-imports the realm)
#   infra/keycloak/stop-dev.sh            stop it
#
# Environment (all optional):
#   KC_VERSION        Keycloak version to fetch              (default 26.7.3)
#   KC_PORT           HTTP port, bound to 127.0.0.1          (default 8180)
#   KC_START_TIMEOUT  seconds to wait for the realm          (default 240)
#   KC_JAVA_HOME      JDK to run Keycloak with               (default: first JDK >= 21 under /usr/lib/jvm)
# The caller's JAVA_HOME is deliberately ignored: the project itself builds on another JDK.
# The issuer is pinned to http://127.0.0.1:$KC_PORT/realms/payung whatever host name a client uses,
# so tokens fetched via "localhost" and via "127.0.0.1" validate against the same issuer-uri.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
KC_VERSION="${KC_VERSION:-26.7.3}"
KC_PORT="${KC_PORT:-8180}"
KC_HOST=127.0.0.1
KC_START_TIMEOUT="${KC_START_TIMEOUT:-240}"
REALM=payung
TARGET="$HERE/target"
KC_HOME="$TARGET/keycloak-$KC_VERSION"
ZIP="$TARGET/keycloak-quarkus-dist-$KC_VERSION.zip"
PID_FILE="$TARGET/keycloak.pid"
LOG_FILE="$TARGET/keycloak.log"
DEV_REALM="$HERE/dev/payung-realm.json"
BASE_URL="http://$KC_HOST:$KC_PORT"
DISCOVERY_URL="$BASE_URL/realms/$REALM/.well-known/openid-configuration"

FRESH=false
for arg in "$@"; do
  case "$arg" in
    --fresh) FRESH=true ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "[keycloak] $*" >&2; }
die() { echo "[keycloak] ERROR: $*" >&2; exit 1; }

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

for tool in curl unzip sha256sum setsid; do
  command -v "$tool" >/dev/null || die "start-dev.sh needs $tool (apt-get install -y ${tool/sha256sum/coreutils})"
done

# --- already running? ------------------------------------------------------------------------------
if pid="$(running_pid)"; then
  if curl -sf -o /dev/null "$DISCOVERY_URL"; then
    log "already running (pid $pid)"
    echo "$DISCOVERY_URL"
    exit 0
  fi
  log "pid $pid is alive but the realm does not answer yet; waiting for it"
else
  if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
    die "something else already listens on $BASE_URL (not started by this script)"
  fi

  # --- JDK >= 21 ---------------------------------------------------------------------------------
  java_major() { # $1 = JDK home; prints the major version or nothing
    local v=""
    if [[ -f "$1/release" ]]; then
      v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")"
    fi
    if [[ -z "$v" && -x "$1/bin/java" ]]; then
      v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)"
    fi
    v="${v#1.}"; echo "${v%%[.+-]*}"
  }
  KC_JAVA="${KC_JAVA_HOME:-}"
  if [[ -z "$KC_JAVA" ]]; then
    for jdk in /usr/lib/jvm/*/; do
      jdk="${jdk%/}"
      [[ -x "$jdk/bin/java" ]] || continue
      major="$(java_major "$jdk")"
      if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 21 )); then KC_JAVA="$jdk"; break; fi
    done
  fi
  [[ -n "$KC_JAVA" && -x "$KC_JAVA/bin/java" ]] || die "no JDK >= 21 found under /usr/lib/jvm (Keycloak $KC_VERSION needs 21+); set KC_JAVA_HOME"
  log "using JDK $KC_JAVA (Java $(java_major "$KC_JAVA"))"

  # --- distribution ------------------------------------------------------------------------------
  mkdir -p "$TARGET"
  if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    if [[ ! -f "$ZIP" ]]; then
      log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central"
      # run outside the repository, so neither its pom.xml nor its .mvn/ config is involved
      mvn_dir="$(mktemp -d)"
      (cd "$mvn_dir" && mvn -B -Dstyle.color=never dependency:copy \
          -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
          -DoutputDirectory="$TARGET" >"$TARGET/mvn.log" 2>&1) \
        || { rmdir "$mvn_dir"; tail -n 30 "$TARGET/mvn.log" >&2; die "could not fetch the Keycloak distribution with Maven (see $TARGET/mvn.log)"; }
      rmdir "$mvn_dir"
    fi
    log "unpacking $(basename "$ZIP")"
    rm -rf "$KC_HOME.partial" && mkdir -p "$KC_HOME.partial"
    unzip -q "$ZIP" -d "$KC_HOME.partial"
    mv "$KC_HOME.partial/keycloak-$KC_VERSION" "$KC_HOME" && rmdir "$KC_HOME.partial"
  fi

  # --- realm import ------------------------------------------------------------------------------
  # --import-realm skips a realm that already exists, so a changed dev realm file needs a fresh
  # dev database: we remember what was imported and start over when it differs.
  [[ -f "$DEV_REALM" ]] || die "missing $DEV_REALM (generate it: python3 $HERE/dev/build-dev-realm.py)"
  if command -v python3 >/dev/null && ! python3 "$HERE/dev/build-dev-realm.py" --check >/dev/null 2>&1; then
    log "WARNING: dev/payung-realm.json is older than realm/payung-realm.json or the demo data;"
    log "         regenerate it with: python3 infra/keycloak/dev/build-dev-realm.py"
  fi
  realm_sum="$(sha256sum "$DEV_REALM" | cut -d' ' -f1)"
  if $FRESH || [[ "$(cat "$TARGET/imported-realm.sha256" 2>/dev/null)" != "$realm_sum" ]]; then
    log "fresh dev database (realm will be imported)"
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/tmp"
  fi
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  cp "$DEV_REALM" "$KC_HOME/data/import/payung-realm.json"
  echo "$realm_sum" > "$TARGET/imported-realm.sha256"

  # --- start -------------------------------------------------------------------------------------
  log "starting Keycloak $KC_VERSION on $BASE_URL (log: $LOG_FILE)"
  (
    cd "$KC_HOME"
    # DEV ONLY: temporary master-realm admin for the admin console (http://127.0.0.1:8180/admin/).
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    export JAVA_HOME="$KC_JAVA"
    unset JAVA_OPTS JAVA_TOOL_OPTIONS
    exec setsid nohup bin/kc.sh start-dev --import-realm \
      --http-host="$KC_HOST" --http-port="$KC_PORT" \
      --hostname="$BASE_URL" \
      >"$LOG_FILE" 2>&1 </dev/null
  ) &
  pid=$!
  echo "$pid" > "$PID_FILE"
fi

# --- wait until the realm answers ------------------------------------------------------------------
started=$(date +%s)
until curl -sf -o /dev/null "$DISCOVERY_URL"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    tail -n 40 "$LOG_FILE" >&2 || true
    die "Keycloak exited during start-up (see $LOG_FILE)"
  fi
  if (( $(date +%s) - started > KC_START_TIMEOUT )); then
    tail -n 40 "$LOG_FILE" >&2 || true
    die "realm $REALM did not answer within ${KC_START_TIMEOUT}s (Keycloak still running, pid $pid; stop it with stop-dev.sh)"
  fi
  sleep 1
done
log "ready after $(( $(date +%s) - started ))s (pid $pid)"
log "admin console: $BASE_URL/admin/ (admin / admin, DEV ONLY); demo logins: infra/keycloak/README.md"
echo "$DISCOVERY_URL"
