package id.payung.e2e;

import id.payung.support.RealKeycloak;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak for the end-to-end suite: started (once per JVM) through {@link RealKeycloak}, and
 * checked to accept Payung on port {@value E2e#APP_PORT} as a redirect target. Also the few admin calls
 * the suite needs to clean up after itself.
 */
final class E2eKeycloak implements BeforeAllCallback {

    static final String WEB_CLIENT = "payung-web";
    static final String ADMIN_CLIENT = "payung-admin";
    /** Dev-only secret of the dev realm (infra/keycloak/dev/build-dev-realm.py); never valid in production. */
    static final String ADMIN_CLIENT_DEV_SECRET = "payung-admin-dev-secret-NOT-FOR-PRODUCTION";
    static final String E2E_REDIRECT = E2e.APP + "/login/oauth2/code/keycloak";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean checked;

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureReady();
    }

    static synchronized void ensureReady() {
        RealKeycloak.ensureRunning();
        if (checked) return;
        if (!acceptsE2eRedirect()) addE2eRedirectUrisToRunningRealm();
        if (!acceptsE2eRedirect()) {
            throw new IllegalStateException("Keycloak at " + RealKeycloak.URL + " refuses redirect_uri " + E2E_REDIRECT
                    + "; restart it with infra/keycloak/start-dev.sh --fresh from this tree");
        }
        checked = true;
    }

    /** Does Keycloak show its login page (rather than "invalid redirect_uri") for Payung on the e2e port? */
    static boolean acceptsE2eRedirect() {
        String url = RealKeycloak.REALM_URL + "/protocol/openid-connect/auth?" + RealKeycloak.form(Map.of(
                "client_id", WEB_CLIENT, "response_type", "code", "scope", "openid", "redirect_uri", E2E_REDIRECT,
                "code_challenge", "e2e-probe-e2e-probe-e2e-probe-e2e-probe-e2e-pro", "code_challenge_method", "S256"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        return response.statusCode() == 200 && response.body().contains("kc-form-login");
    }

    /**
     * The dev realm file lists the e2e redirect URIs, but {@code --import-realm} never overwrites a realm: a
     * Keycloak that was started from an older dev realm (for instance by another worktree sharing port 8180)
     * lacks them. Rather than restarting a Keycloak others are using, add them through the dev-only bootstrap
     * admin of the master realm (infra/keycloak/README.md). On a clean machine (CI) this never runs.
     */
    private static void addE2eRedirectUrisToRunningRealm() {
        System.err.println("""

                !!! [e2e] The running Keycloak's realm does not accept %s.
                !!! [e2e] It was imported from an older infra/keycloak/dev/payung-realm.json. Adding the e2e redirect
                !!! [e2e] and post-logout URIs to client payung-web through the DEV bootstrap admin (admin/admin).
                """.formatted(E2E_REDIRECT));
        String admin = RealKeycloak.token(RealKeycloak.URL + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        String clients = RealKeycloak.URL + "/admin/realms/payung/clients";
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + WEB_CLIENT))
                .header("Authorization", "Bearer " + admin).GET()).body());
        ObjectNode web = (ObjectNode) found.get(0);
        List<String> e2eUris = List.of(E2e.APP + "/*", "http://localhost:" + E2e.APP_PORT + "/*");
        ArrayNode redirects = (ArrayNode) web.get("redirectUris");
        List<String> present = new ArrayList<>();
        redirects.forEach(node -> present.add(node.asString()));
        e2eUris.stream().filter(u -> !present.contains(u)).forEach(redirects::add);
        ObjectNode attributes = (ObjectNode) web.get("attributes");
        List<String> postLogout = new ArrayList<>(Arrays.stream(attributes.path("post.logout.redirect.uris").asString("").split("##"))
                .filter(u -> !u.isBlank()).toList());
        e2eUris.stream().filter(u -> !postLogout.contains(u)).forEach(postLogout::add);
        attributes.put("post.logout.redirect.uris", String.join("##", postLogout));
        HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(clients + "/" + web.get("id").asString()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(web))));
        if (updated.statusCode() / 100 != 2) {
            throw new IllegalStateException("Could not update payung-web: HTTP " + updated.statusCode() + " " + updated.body());
        }
    }

    /** A token of payung-admin's service account: right issuer and signature, but audience realm-management. */
    static String adminServiceAccountToken() {
        return RealKeycloak.token(Map.of("grant_type", "client_credentials",
                "client_id", ADMIN_CLIENT, "client_secret", ADMIN_CLIENT_DEV_SECRET));
    }

    /** Removes a user the suite created (self-registration), through payung-admin's manage-users. */
    static void deleteUser(String username) {
        String admin = adminServiceAccountToken();
        String users = RealKeycloak.URL + "/admin/realms/payung/users";
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET()).body());
        for (JsonNode user : found) {
            send(HttpRequest.newBuilder(URI.create(users + "/" + user.get("id").asString()))
                    .header("Authorization", "Bearer " + admin).DELETE());
        }
    }

    /** Does Keycloak know this user? */
    static boolean userExists(String username) {
        String admin = adminServiceAccountToken();
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(RealKeycloak.URL + "/admin/realms/payung/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET()).body());
        return found.isArray() && !found.isEmpty();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return RealKeycloak.send(request);
    }
}
