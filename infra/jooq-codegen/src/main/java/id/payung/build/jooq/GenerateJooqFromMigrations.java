package id.payung.build.jooq;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates a module's jOOQ classes from its real Flyway migrations, applied to a throw-away embedded
 * PostgreSQL: the generated code describes exactly the schema production will have. Skips the work
 * when neither the migrations nor the arguments changed since the last run.
 */
public final class GenerateJooqFromMigrations {

    private static final String OWNER_ROLE = "payung_owner";
    private static final String APP_ROLE = "payung_app";
    private static final String DATABASE = "payung";

    public static void main(String[] args) throws Exception {
        String schema = null, targetPackage = null;
        Path roles = null, target = null;
        List<Path> migrations = new ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "--schema" -> schema = kv[1];
                case "--package" -> targetPackage = kv[1];
                case "--roles" -> roles = Path.of(kv[1]);
                case "--migrations" -> migrations.add(Path.of(kv[1]));
                case "--target" -> target = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        if (schema == null || targetPackage == null || roles == null || target == null || migrations.isEmpty()) {
            throw new IllegalArgumentException("Need --schema, --package, --roles, --target and --migrations");
        }

        Path stamp = target.resolve(".inputs-" + schema + ".sha256");
        String inputsHash = hashInputs(String.join("|", args), roles, migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(inputsHash)) {
            System.out.println("[jooq-codegen] " + schema + ": migrations unchanged, generated code is up to date");
            return;
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
                for (String statement : statementsOf(roles)) {
                    superuser.createStatement().execute(statement);
                }
            }
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
            for (Path location : migrations) {
                String module = location.getFileName().toString();
                Flyway.configure()
                        .dataSource(jdbcUrl, OWNER_ROLE, "")
                        .locations("filesystem:" + location.toAbsolutePath())
                        .table("__root".equals(module) ? "flyway_schema_history" : "flyway_schema_history_" + module)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .placeholders(Map.of("app_role", APP_ROLE))
                        .load()
                        .migrate();
            }
            deleteRecursively(target.resolve(targetPackage.replace('.', '/')));
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(jdbcUrl).withUser(OWNER_ROLE).withPassword(""))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema(schema)
                                    .withExcludes("flyway_schema_history.*"))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target().withPackageName(targetPackage).withDirectory(target.toString()))));
        }
        Files.createDirectories(target);
        Files.writeString(stamp, inputsHash);
    }

    static List<String> statementsOf(Path sqlFile) throws IOException {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : Files.readAllLines(sqlFile)) {
            if (!line.stripLeading().startsWith("--")) withoutComments.append(line).append('\n');
        }
        return Stream.of(withoutComments.toString().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String hashInputs(String arguments, Path roles, List<Path> migrations) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(arguments.getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(roles));
        for (Path location : migrations) {
            if (!Files.isDirectory(location)) continue;
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) return;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }

    private GenerateJooqFromMigrations() {
    }
}
