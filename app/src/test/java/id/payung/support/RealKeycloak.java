package id.payung.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real Keycloak of {@code infra/keycloak} (official distribution, dev realm with demo users) for
 * tests that need it. Started by the first test that asks, through the same script developers use,
 * and stopped when the test JVM ends if this JVM started it.
 */
public final class RealKeycloak {

    public static final String URL = "http://127.0.0.1:8180";
    public static final String REALM_URL = URL + "/realms/payung";
    public static final String DEMO_PASSWORD = "Payung#Demo2025";
    /** The test-only client of the dev realm that allows the password grant. */
    public static final String TEST_CLIENT = "payung-test";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean running;

    public static synchronized void ensureRunning() {
        if (running || answers()) {
            running = true;
            return;
        }
        Path keycloak = repositoryRoot().resolve("infra/keycloak");
        try {
            Process start = new ProcessBuilder("bash", keycloak.resolve("start-dev.sh").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!start.waitFor(10, TimeUnit.MINUTES) || start.exitValue() != 0) {
                throw new IllegalStateException("infra/keycloak/start-dev.sh failed; see infra/keycloak/target/keycloak.log");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("bash", keycloak.resolve("stop-dev.sh").toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is ending; the script's pid file lets the next run clean up
                }
            }, "stop-keycloak"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run infra/keycloak/start-dev.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        running = true;
    }

    /** An access token for a demo user, from the test-only client's password grant. */
    public static String accessToken(String username) {
        return accessToken(username, DEMO_PASSWORD);
    }

    public static String accessToken(String username, String password) {
        ensureRunning();
        return token(Map.of("grant_type", "password", "client_id", TEST_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    /** An access token from the realm's token endpoint for the given grant fields. */
    public static String token(Map<String, String> grant) {
        return token(REALM_URL + "/protocol/openid-connect/token", grant);
    }

    /** An access token from any token endpoint of this Keycloak (e.g. the master realm's). */
    public static String token(String tokenEndpoint, Map<String, String> grant) {
        String response = send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(grant)))).body();
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response);
        if (!token.find()) throw new IllegalStateException("No token: " + response);
        return token.group(1);
    }

    private static boolean answers() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(REALM_URL + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("infra/keycloak"))) here = here.getParent();
        if (here == null) throw new IllegalStateException("Run tests inside the Payung repository");
        return here;
    }

    private RealKeycloak() {
    }
}
