package id.payung.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one place that tells PostgreSQL which tenant a transaction serves. {@code SET LOCAL} (not
 * {@code set_config}) because only it reaches the worker nodes of a distributed (Citus) cluster; the
 * literal comes from {@link TenantScope#settingValue()}, a UUID or a fixed word, never from request text.
 */
public final class TenantScopeStatement {

    public static void apply(Connection connection, TenantScope scope) throws SQLException {
        String value = scope.settingValue();
        if (!value.matches("[0-9a-f-]{36}|registry")) {
            throw new IllegalArgumentException("Refusing to render tenant scope " + value);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL app.tenant_id = '" + value + "'");
        }
    }

    private TenantScopeStatement() {
    }
}
