package id.payung.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs work in a transaction bound to one tenant, after checking that the current actor may reach that
 * tenant. This is how every module touches tenant data: the database's row-level security then sees
 * only that tenant's rows, whatever the query says.
 */
@Component
public class TenantTransactions {

    private static final Object SCOPE_RESOURCE = TenantTransactions.class.getName() + ".scope";

    private final TransactionTemplate readWrite;
    private final TransactionTemplate readOnly;
    private final DataSource dataSource;
    private final CurrentActor currentActor;
    private final ObjectProvider<TenantDirectory> tenantDirectory;

    TenantTransactions(PlatformTransactionManager transactionManager, DataSource dataSource,
                       CurrentActor currentActor, ObjectProvider<TenantDirectory> tenantDirectory) {
        this.readWrite = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.dataSource = dataSource;
        this.currentActor = currentActor;
        this.tenantDirectory = tenantDirectory;
    }

    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        requireAccess(tenant);
        return run(TenantScope.of(tenant), readWrite, work);
    }

    /**
     * Runs the first write of a tenant that does not exist yet (onboarding). Nobody can be a member of
     * it yet, so there is no membership to check: the caller checks the actor's role.
     */
    public <T> T inNewTenant(TenantId tenant, Supplier<T> work) {
        return run(TenantScope.of(tenant), readWrite, work);
    }

    /**
     * Runs the work of a person who asks to join a tenant he does not belong to yet: the ASN who signed
     * up in Keycloak, has no Payung role and no organization, and picks his pemda on the registration
     * page. His token names no tenant, so {@link #inTenant} would refuse him; yet the pemda he picked
     * must be the tenant of the transaction, because row-level security shows its OPDs and roster and
     * accepts his request only under that tenant's scope. There is no membership to check, so the caller
     * must keep the work to what an applicant may do: read the pemda's OPD list, check his own NIP
     * against its roster and write his own request (audited under that tenant like any write).
     */
    public <T> T inTenantAsApplicant(TenantId tenant, Supplier<T> work) {
        return run(TenantScope.of(tenant), readWrite, work);
    }

    public void inTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    public <T> T readInTenant(TenantId tenant, Supplier<T> work) {
        requireAccess(tenant);
        return run(TenantScope.of(tenant), readOnly, work);
    }

    /**
     * Reads the tenant registry across all tenants. Only the registry table admits this scope; every
     * other tenant table refuses it. Callers decide who may see which registry rows.
     */
    public <T> T readRegistry(Supplier<T> work) {
        return run(TenantScope.registry(), readOnly, work);
    }

    /** Whether the current actor may reach the tenant at all (membership, or BPJS office). */
    public boolean mayAccess(TenantId tenant) {
        Actor actor = currentActor.get();
        if (actor.isUnrestricted() || actor.tenant().filter(tenant::equals).isPresent()) {
            return true;
        }
        return actor.has(Role.BPJS_STAFF) && actor.bpjsOffice()
                .map(office -> tenantDirectory.getObject().isAdministeredBy(tenant, office))
                .orElse(false);
    }

    private void requireAccess(TenantId tenant) {
        // Joining a transaction already bound to this tenant: access was checked when it was bound.
        boolean alreadyBound = TenantScope.of(tenant).equals(TransactionSynchronizationManager.getResource(SCOPE_RESOURCE));
        if (!alreadyBound && !mayAccess(tenant)) {
            throw new DomainProblem(PlatformProblem.TENANT_ACCESS_DENIED);
        }
    }

    private <T> T run(TenantScope scope, TransactionTemplate template, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            TenantScope bound = (TenantScope) TransactionSynchronizationManager.getResource(SCOPE_RESOURCE);
            if (bound == null) {
                applyToCurrentTransaction(scope);
            } else if (!bound.equals(scope)) {
                throw new IllegalStateException("A transaction serves one tenant scope; already bound to another");
            }
            return TenantContext.callAs(scope, work);
        }
        // The transaction manager applies the scope when it prepares the connection.
        return TenantContext.callAs(scope, () -> template.execute(status -> {
            remember(scope);
            return work.get();
        }));
    }

    private void applyToCurrentTransaction(TenantScope scope) {
        try {
            TenantScopeStatement.apply(DataSourceUtils.getConnection(dataSource), scope);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bind the transaction to its tenant", e);
        }
        remember(scope);
    }

    private static void remember(TenantScope scope) {
        if (TransactionSynchronizationManager.hasResource(SCOPE_RESOURCE)) return;
        TransactionSynchronizationManager.bindResource(SCOPE_RESOURCE, scope);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(SCOPE_RESOURCE);
            }
        });
    }
}
