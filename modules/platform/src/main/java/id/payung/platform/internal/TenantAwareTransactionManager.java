package id.payung.platform.internal;

import id.payung.platform.TenantContext;
import id.payung.platform.TenantScopeStatement;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Binds each new transaction to the tenant scope of the thread that begins it, as the connection is
 * prepared: once per transaction, before any statement of the work runs.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

    TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        var scope = TenantContext.current();
        if (scope.isPresent()) {
            TenantScopeStatement.apply(connection, scope.get());
        }
    }
}
