package id.payung.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-side Admin API calls on the dev Keycloak (as {@code payung-admin}): make throw-away users, read
 * and delete organizations, decode tokens. Independent of the code under test on purpose.
 */
public final class KeycloakAdmin {

    public static final String ADMIN_CLIENT_SECRET = "payung-admin-dev-secret-NOT-FOR-PRODUCTION";
    private static final String ADMIN = RealKeycloak.URL + "/admin/realms/payung";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Creates an enabled user with the demo password, no role and no organization; returns its id. */
    public static String createUser(String username) {
        String body = """
                {"username":"%s","email":"%s@payung.test","emailVerified":true,"enabled":true,"firstName":"Uji",
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username, username, RealKeycloak.DEMO_PASSWORD);
        HttpResponse<String> response = send(request("/users").POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (response.statusCode() != 201) throw new IllegalStateException("create user: " + response.statusCode() + " " + response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A username nobody has yet. */
    public static String freshUsername(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void deleteUser(String id) {
        send(request("/users/" + id).DELETE());
    }

    public static void deleteOrganization(String id) {
        send(request("/organizations/" + id).DELETE());
    }

    /** The organization as JSON, or null when it does not exist. */
    public static String organization(String id) {
        HttpResponse<String> response = send(request("/organizations/" + id).GET());
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** The ids of organizations whose region_code attribute is the given code (as JSON text). */
    public static String organizationsWithRegionCode(String regionCode) {
        return send(request("/organizations?q=region_code:" + regionCode).GET()).body();
    }

    public static String firstId(String json) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return id.find() ? id.group(1) : null;
    }

    /** The decoded payload (claims JSON) of a JWT. */
    public static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ADMIN + path)).header("Authorization", "Bearer " + adminToken())
                .timeout(Duration.ofSeconds(15));
    }

    private static String adminToken() {
        RealKeycloak.ensureRunning();
        return RealKeycloak.token(Map.of("grant_type", "client_credentials", "client_id", "payung-admin",
                "client_secret", ADMIN_CLIENT_SECRET));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return RealKeycloak.send(request);
    }

    private KeycloakAdmin() {
    }
}
