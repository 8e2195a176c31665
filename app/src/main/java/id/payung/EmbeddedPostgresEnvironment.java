package id.payung;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * When no database URL is configured, starts PostgreSQL from the embedded binaries (Maven Central) on
 * 127.0.0.1, creates Payung's two roles and database with the same script a DBA runs in production,
 * and points the application (role {@code payung_app}) and Flyway (role {@code payung_owner}) at it.
 * One server per JVM; with {@code payung.embedded-postgres.data-directory} set, its data survives
 * restarts, otherwise it lives in a temporary directory.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String APP_PASSWORD = "payung-app-dev";
    static final String OWNER_PASSWORD = "payung-owner-dev";

    private static EmbeddedPostgres server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("payung.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        int port = startOnce(environment.getProperty("payung.embedded-postgres.data-directory"),
                environment.getProperty("payung.embedded-postgres.port", Integer.class, 0));
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/payung";
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", "payung_app");
        properties.put("spring.datasource.password", APP_PASSWORD);
        properties.put("spring.flyway.user", "payung_owner");
        properties.put("spring.flyway.password", OWNER_PASSWORD);
        properties.put("payung.embedded-postgres.url", url);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    private static synchronized int startOnce(String dataDirectory, int port) {
        if (server != null) return server.getPort();
        try {
            var builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // A test JVM holds up to 8 cached application contexts with a pool of 20 each.
                    .setServerConfig("max_connections", "300");
            if (port > 0) builder.setPort(port);
            boolean fresh = true;
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                fresh = !Files.exists(directory.resolve("PG_VERSION"));
                Files.createDirectories(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            server = builder.start();
            // Stopped after every application context has closed, so nothing still needs a connection.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing more to do
                }
            });
            if (fresh || !rolesExist()) createRolesAndDatabase();
            return server.getPort();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static boolean rolesExist() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_roles WHERE rolname IN ('payung_owner', 'payung_app')")) {
            rs.next();
            return rs.getInt(1) == 2;
        }
    }

    private static void createRolesAndDatabase() throws IOException, SQLException {
        String script = StreamUtils.copyToString(new ClassPathResource("db/bootstrap/roles.sql").getInputStream(), StandardCharsets.UTF_8);
        String withoutComments = script.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            for (String statement : Stream.of(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                c.createStatement().execute(statement);
            }
            c.createStatement().execute("ALTER ROLE payung_owner PASSWORD '" + OWNER_PASSWORD + "'");
            c.createStatement().execute("ALTER ROLE payung_app PASSWORD '" + APP_PASSWORD + "'");
        }
    }

    @Override
    public int getOrder() {
        // After the config files are read, so that a configured spring.datasource.url wins.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
