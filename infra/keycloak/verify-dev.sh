#!/usr/bin/env bash
# Checks a running DEV Keycloak (started by start-dev.sh) against what Payung relies on:
# token claims per role, payung-web refusing the password grant and requiring PKCE S256,
# the browser login + code flow of payung-web, refresh-token rotation, logout redirect,
# brute-force lockout, and the payung-admin service account's admin API rights.
# Needs curl, jq and openssl. Creates (and removes again) a throw-away organization and user.
# Prints "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail

# Always 127.0.0.1: start-dev.sh pins the issuer and the login pages to that host name.
KC="http://127.0.0.1:${KC_PORT:-8180}"
REALM=payung
TOKEN_URL="$KC/realms/$REALM/protocol/openid-connect/token"
AUTH_URL="$KC/realms/$REALM/protocol/openid-connect/auth"
ADMIN="$KC/admin/realms/$REALM"
PW='Payung#Demo2025'
WEB_SECRET=payung-web-dev-secret-NOT-FOR-PRODUCTION
ADMIN_SECRET=payung-admin-dev-secret-NOT-FOR-PRODUCTION
REDIRECT=http://localhost:8080/login/oauth2/code/keycloak

for tool in curl jq openssl; do
  command -v "$tool" >/dev/null || { echo "verify-dev.sh needs $tool (apt-get install -y $tool)" >&2; exit 2; }
done
curl -sf -o /dev/null "$KC/realms/$REALM/.well-known/openid-configuration" \
  || { echo "Keycloak realm $REALM is not answering at $KC (run infra/keycloak/start-dev.sh)" >&2; exit 2; }

passed=0; failed=0
check() { # check "description" <command...>
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok   $what"
  else failed=$((failed + 1)); echo "FAIL $what"; fi
}
jwt_payload() { cut -d. -f2 | tr '_-' '/+' | awk '{ while (length($0) % 4) $0 = $0 "="; print }' | base64 -d; }
password_token() { # user [password] -> access token payload (JSON) via payung-test
  curl -s "$TOKEN_URL" -d grant_type=password -d client_id=payung-test -d "username=$1" \
       --data-urlencode "password=${2:-$PW}" | jq -r '.access_token // empty' | jwt_payload
}
claims_are() { # payload jq-filter (an empty payload, e.g. a failed login, never passes)
  [[ -n "$1" ]] && jq -e "$2" <<<"$1"
}
form_action() { grep -o 'action="[^"]*"' "$1" | head -1 | sed 's/action="//;s/"$//;s/&amp;/\&/g'; }

# ---- 1. every demo user: roles, organization, aud, bpjs_office -----------------------------------
declare -A ORG=([kotasukabumi]=3272 [kabsukabumi]=3202 [kabdharmasraya]=1310 [provsumsel]=16)
for slug in "${!ORG[@]}"; do
  org="${ORG[$slug]}"
  for spec in "kepala:kepala-daerah" "opd:opd-head,asn-sponsor" "asn:asn-sponsor" "operator:disnaker-operator"; do
    user="${spec%%:*}.$slug"; roles="${spec#*:}"
    t="$(password_token "$user")"
    check "$user: roles [$roles], organization [\"$org\"], aud payung-api, no bpjs_office" claims_are "$t" \
      "(.roles|sort) == (\"$roles\"|split(\",\")|sort) and (.realm_access.roles|sort) == (.roles|sort)
       and .organization == [\"$org\"] and .aud == \"payung-api\" and (has(\"bpjs_office\")|not)
       and .exp - .iat == 300"
  done
done
for spec in "bpjs.sukabumi:KC-SUKABUMI" "bpjs.dharmasraya:KC-DHARMASRAYA" "bpjs.palembang:KC-PALEMBANG"; do
  user="${spec%%:*}"; office="${spec#*:}"
  t="$(password_token "$user")"
  check "$user: roles [bpjs-staff], bpjs_office $office, no organization, aud payung-api" claims_are "$t" \
    ".roles == [\"bpjs-staff\"] and .bpjs_office == \"$office\" and (has(\"organization\")|not) and .aud == \"payung-api\""
done

# ---- 2. payung-web: no password grant, PKCE S256 required ----------------------------------------
check "payung-web refuses the password grant (unauthorized_client)" bash -c \
  "curl -s '$TOKEN_URL' -d grant_type=password -d client_id=payung-web -d client_secret=$WEB_SECRET \
     -d username=asn.kotasukabumi --data-urlencode 'password=$PW' | jq -e '.error == \"unauthorized_client\"'"
check "payung-web refuses client_credentials" bash -c \
  "curl -s '$TOKEN_URL' -d grant_type=client_credentials -d client_id=payung-web -d client_secret=$WEB_SECRET | jq -e '.error'"
check "payung-web authorization request without PKCE is rejected" bash -c \
  "curl -s -o /dev/null -w '%{redirect_url}' '$AUTH_URL?client_id=payung-web&response_type=code&scope=openid&redirect_uri=$REDIRECT' | grep -q 'error=invalid_request'"
check "payung-web authorization request with PKCE plain is rejected" bash -c \
  "curl -s -o /dev/null -w '%{redirect_url}' '$AUTH_URL?client_id=payung-web&response_type=code&scope=openid&redirect_uri=$REDIRECT&code_challenge=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&code_challenge_method=plain' | grep -q 'error=invalid_request'"
check "payung-web rejects a foreign redirect_uri" bash -c \
  "test \"\$(curl -s -o /dev/null -w '%{http_code}' '$AUTH_URL?client_id=payung-web&response_type=code&scope=openid&redirect_uri=http://evil.example/cb&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256')\" = 400"

# ---- 3. payung-web browser flow (identity-first login page, then password), code + PKCE ----------
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
web_login() { # user -> writes $TMP/web.json (token response)
  local verifier challenge loc code
  verifier="$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')"
  rm -f "$TMP/jar"
  curl -s -c "$TMP/jar" -b "$TMP/jar" -o "$TMP/p1.html" \
    "$AUTH_URL?client_id=payung-web&response_type=code&scope=openid&redirect_uri=$REDIRECT&state=s1&code_challenge=$challenge&code_challenge_method=S256"
  curl -s -c "$TMP/jar" -b "$TMP/jar" -o "$TMP/p2.html" "$(form_action "$TMP/p1.html")" --data-urlencode "username=$1"
  loc="$(curl -s -c "$TMP/jar" -b "$TMP/jar" -o /dev/null -w '%{redirect_url}' "$(form_action "$TMP/p2.html")" --data-urlencode "password=$PW")"
  code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$loc")"
  curl -s "$TOKEN_URL" -u "payung-web:$WEB_SECRET" -d grant_type=authorization_code -d "code=$code" \
       -d "redirect_uri=$REDIRECT" -d "code_verifier=$verifier" > "$TMP/web.json"
}
web_login operator.kotasukabumi
check "payung-web code+PKCE login: access token has roles, organization, aud payung-api, azp payung-web" claims_are \
  "$(jq -r .access_token "$TMP/web.json" | jwt_payload)" \
  '.roles == ["disnaker-operator"] and .organization == ["3272"] and .aud == "payung-api" and .azp == "payung-web"'
check "payung-web id token carries the same roles and organization" claims_are \
  "$(jq -r .id_token "$TMP/web.json" | jwt_payload)" '.roles == ["disnaker-operator"] and .organization == ["3272"] and .aud == "payung-web"'
check "payung-web gets no offline token scope" claims_are "$(cat "$TMP/web.json")" '(.scope | test("offline_access")) | not'
rt="$(jq -r .refresh_token "$TMP/web.json")"
check "refresh token works once" bash -c "curl -s '$TOKEN_URL' -u payung-web:$WEB_SECRET -d grant_type=refresh_token -d refresh_token=$rt | jq -e .access_token"
check "refresh token reuse is refused (rotation)" bash -c "curl -s '$TOKEN_URL' -u payung-web:$WEB_SECRET -d grant_type=refresh_token -d refresh_token=$rt | jq -e '.error == \"invalid_grant\"'"
idt="$(jq -r .id_token "$TMP/web.json")"
check "logout redirects to http://localhost:8080/" bash -c \
  "curl -s -o /dev/null -w '%{redirect_url}' '$KC/realms/$REALM/protocol/openid-connect/logout?id_token_hint=$idt&post_logout_redirect_uri=http://localhost:8080/' | grep -q '^http://localhost:8080/'"

# ---- 4. payung-admin: create organization, add member, grant realm role --------------------------
adm="$(curl -s "$TOKEN_URL" -d grant_type=client_credentials -d client_id=payung-admin -d client_secret=$ADMIN_SECRET | jq -r .access_token)"
H=(-H "Authorization: Bearer $adm" -H "Content-Type: application/json")
check "payung-admin token holds exactly manage-organizations + manage-users" claims_are "$(jwt_payload <<<"$adm")" \
  '(.resource_access["realm-management"].roles|sort) == ["manage-organizations","manage-users"]'
alias=9$((RANDOM % 900 + 100))   # throw-away organization (no real region code starts with 9)
org_loc="$(curl -s "${H[@]}" -o /dev/null -w '%{redirect_url}' -D - -X POST "$ADMIN/organizations" \
  -d "{\"name\":\"Verify $alias\",\"alias\":\"$alias\",\"attributes\":{\"region_code\":[\"$alias\"]}}" | sed -n 's/^[Ll]ocation: *//p' | tr -d '\r')"
org_id="${org_loc##*/}"
check "payung-admin creates organization $alias" test -n "$org_id"
user="verify.$alias"
curl -s "${H[@]}" -X POST "$ADMIN/users" -o /dev/null \
  -d "{\"username\":\"$user\",\"enabled\":true,\"email\":\"$user@payung.test\",\"emailVerified\":true,\"firstName\":\"Verify\",\"credentials\":[{\"type\":\"password\",\"value\":\"$PW\",\"temporary\":false}]}"
user_id="$(curl -s "${H[@]}" "$ADMIN/users?username=$user&exact=true" | jq -r '.[0].id // empty')"
check "payung-admin creates and finds user $user" test -n "$user_id"
check "payung-admin adds the user to organization $alias" bash -c \
  "test \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $adm' -H 'Content-Type: application/json' -X POST '$ADMIN/organizations/$org_id/members' -d '\"$user_id\"')\" = 201"
role="$(curl -s "${H[@]}" "$ADMIN/users/$user_id/role-mappings/realm/available" | jq -c '[.[] | select(.name == "asn-sponsor") | {id, name}]')"
check "payung-admin grants realm role asn-sponsor" bash -c \
  "test \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $adm' -H 'Content-Type: application/json' -X POST '$ADMIN/users/$user_id/role-mappings/realm' -d '$role')\" = 204"
check "the new member's token: roles [asn-sponsor], organization [\"$alias\"]" claims_are "$(password_token "$user")" \
  ".roles == [\"asn-sponsor\"] and .organization == [\"$alias\"]"
check "payung-admin cannot read clients (403)" bash -c \
  "test \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $adm' '$ADMIN/clients')\" = 403"
check "payung-admin cannot change realm settings (403)" bash -c \
  "test \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer $adm' -H 'Content-Type: application/json' -X PUT '$ADMIN' -d '{\"registrationAllowed\":false}')\" = 403"

# ---- 5. brute force: 5 failures lock the account temporarily; payung-admin can unlock -------------
for _ in 1 2 3 4 5; do password_token "$user" "wrong-password-123" >/dev/null; done
check "after 5 failures even the right password is refused" bash -c "! curl -s '$TOKEN_URL' -d grant_type=password -d client_id=payung-test -d username=$user --data-urlencode 'password=$PW' | jq -e .access_token"
check "attack detection reports the user disabled" bash -c \
  "curl -s -H 'Authorization: Bearer $adm' '$KC/admin/realms/$REALM/attack-detection/brute-force/users/$user_id' | jq -e '.disabled == true'"

# ---- clean up the throw-away data ---------------------------------------------------------------
curl -s "${H[@]}" -X DELETE "$ADMIN/users/$user_id" -o /dev/null
curl -s "${H[@]}" -X DELETE "$ADMIN/organizations/$org_id" -o /dev/null

echo "$passed passed, $failed failed"
(( failed == 0 ))
