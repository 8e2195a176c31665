#!/usr/bin/env bash
# Starts Payung with its demo data: Keycloak with the dev realm (infra/keycloak, port 8180) and the app
# on its own embedded PostgreSQL (port 8080, data kept in ~/.payung/postgres). Ctrl-C stops both.
# Extra arguments go to Maven, e.g. -Dspring-boot.run.profiles=demo,dev-no-auth to skip sign-in.
set -euo pipefail
cd "$(dirname "$0")/.."

infra/keycloak/start-dev.sh >/dev/null
trap 'infra/keycloak/stop-dev.sh' EXIT

cat <<'BANNER'
Keycloak: http://127.0.0.1:8180 (admin console: admin / admin, dev only)
Payung:   http://127.0.0.1:8080 (ready when the log says "Payung is ready")
Demo logins (password Payung#Demo2025):
  bpjs.sukabumi, bpjs.dharmasraya, bpjs.palembang                      BPJS staff
  kepala.<pemda>, opd.<pemda>, asn.<pemda>, operator.<pemda>          per pemda, where <pemda> is
  kotasukabumi, kabsukabumi, kabdharmasraya or provsumsel
BANNER

./mvnw -q -pl app -am spring-boot:run "$@"
