package id.payung.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        var manager = new TenantAwareTransactionManager(dataSource);
        // Read-only transactions are real read-only transactions in PostgreSQL too.
        manager.setEnforceReadOnly(true);
        return manager;
    }
}
