package db.migration.tenancy;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

/**
 * Loads every province, regency/city, district and village of Indonesia (Kepmendagri 2025 codes) from
 * the data files shipped in {@code db/reference/regions} (idn-area-data 4.0.1, ODbL; see ATTRIBUTION.md
 * there). Uses COPY into a staging table: the migration role is not under row-level security.
 */
public class V2__Load_region_reference_data extends BaseJavaMigration {

    private static final String[][] LEVELS = {
            {"provinces.csv", "PROVINCE", "code, name", "NULL"},
            {"regencies.csv", "REGENCY", "code, parent_code, name", "parent_code"},
            {"districts.csv", "DISTRICT", "code, parent_code, name", "parent_code"},
            {"villages.csv", "VILLAGE", "code, parent_code, name", "parent_code"},
    };

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE region_staging (code TEXT, parent_code TEXT, name TEXT) ON COMMIT DROP");
            for (String[] level : LEVELS) {
                statement.execute("TRUNCATE region_staging");
                try (InputStream data = getClass().getResourceAsStream("/db/reference/regions/" + level[0]);
                     Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8)) {
                    copy.copyIn("COPY region_staging (" + level[2] + ") FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                }
                statement.execute("INSERT INTO tenancy.region (code, level, parent_code, name) "
                        + "SELECT code, '" + level[1] + "', " + level[3] + ", name FROM region_staging ORDER BY code");
            }
        }
    }
}
