package id.payung.platform;

import id.payung.PayungIntegrationTest;
import id.payung.TestTenants;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two pemda, A and B, on the real database as the application role. Every negative check has its
 * positive control: A reaches its own rows by the same statement that finds nothing for B. Plain SQL,
 * so the proof does not depend on the application remembering a where clause.
 */
@PayungIntegrationTest
class TenantIsolationTests {

    @Autowired TenantTransactions transactions;
    @Autowired TenantAdministration administration;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate plainTransaction;

    TenantId tenantA;
    TenantId tenantB;
    UUID opdOfA;

    @BeforeEach
    void twoTenantsAndAnOpdOfA() {
        tenantA = TestTenants.ensureOnboarded(administration, "11.01", "KC-ISOLATION-A");
        tenantB = TestTenants.ensureOnboarded(administration, "11.02", "KC-ISOLATION-B");
        opdOfA = UUID.randomUUID();
        runAsSystemIn(tenantA, () -> jdbc.update("INSERT INTO tenancy.opd (tenant_id, opd_id, code, name) VALUES (?, ?, ?, ?)",
                tenantA.value(), opdOfA, "ISO-" + opdOfA.toString().substring(0, 8), "Isolation OPD " + opdOfA));
    }

    @Test
    void tenantSeesItsOwnOpdButAnotherTenantSeesNoneOfItEvenWhenAskingByItsId() {
        assertThat(countOpd(tenantA)).isEqualTo(1);
        assertThat(countOpd(tenantB)).isZero();
        assertThat(asSystemIn(tenantB, () -> jdbc.queryForObject(
                "SELECT count(*) FROM tenancy.opd WHERE tenant_id = ?", Integer.class, tenantA.value()))).isZero();
    }

    @Test
    void tenantUpdatesItsOwnOpdButAnotherTenantUpdatesNothing() {
        assertThat(asSystemIn(tenantB, () -> jdbc.update("UPDATE tenancy.opd SET name = 'taken over' WHERE opd_id = ?", opdOfA))).isZero();
        assertThat(asSystemIn(tenantA, () -> jdbc.update("UPDATE tenancy.opd SET name = name || ' (renamed)' WHERE opd_id = ?", opdOfA))).isOne();
        assertThat(asSystemIn(tenantA, () -> jdbc.queryForObject("SELECT name FROM tenancy.opd WHERE opd_id = ?", String.class, opdOfA)))
                .endsWith("(renamed)");
    }

    @Test
    void anotherTenantCannotMoveARowIntoItsOwnTenantOrOutOfIt() {
        assertThatThrownBy(() -> asSystemIn(tenantA, () -> jdbc.update(
                "UPDATE tenancy.opd SET tenant_id = ? WHERE opd_id = ?", tenantB.value(), opdOfA)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void tenantDeletesItsOwnOpdButAnotherTenantDeletesNothing() {
        assertThat(asSystemIn(tenantB, () -> jdbc.update("DELETE FROM tenancy.opd WHERE opd_id = ?", opdOfA))).isZero();
        assertThat(countOpd(tenantA)).isOne();
        assertThat(asSystemIn(tenantA, () -> jdbc.update("DELETE FROM tenancy.opd WHERE opd_id = ?", opdOfA))).isOne();
        assertThat(countOpd(tenantA)).isZero();
    }

    @Test
    void tenantInsertsRowsWithItsOwnIdButAnotherTenantCannotInsertWithIt() {
        UUID forged = UUID.randomUUID();
        assertThatThrownBy(() -> asSystemIn(tenantB, () -> jdbc.update(
                "INSERT INTO tenancy.opd (tenant_id, opd_id, code, name) VALUES (?, ?, 'FORGED', 'Forged OPD')",
                tenantA.value(), forged)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        UUID own = UUID.randomUUID();
        assertThat(asSystemIn(tenantA, () -> jdbc.update(
                "INSERT INTO tenancy.opd (tenant_id, opd_id, code, name) VALUES (?, ?, ?, ?)",
                tenantA.value(), own, "OWN-" + own.toString().substring(0, 8), "Own OPD " + own))).isOne();
    }

    @Test
    void theAuditTrailOfOneTenantIsInvisibleToAnother() {
        int auditOfA = asSystemIn(tenantA, () -> jdbc.queryForObject("SELECT count(*) FROM platform.audit_event", Integer.class));
        assertThat(auditOfA).isPositive();
        assertThat(asSystemIn(tenantB, () -> jdbc.queryForObject(
                "SELECT count(*) FROM platform.audit_event WHERE tenant_id = ?", Integer.class, tenantA.value()))).isZero();
    }

    @Test
    void aQueryWithoutTenantFailsInsteadOfReturningRows() {
        assertThatThrownBy(() -> plainTransaction.execute(status ->
                jdbc.queryForObject("SELECT count(*) FROM tenancy.opd", Integer.class)))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT count(*) FROM platform.audit_event", Integer.class))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void theRegistryScopeReadsEveryPemdaButWritesNoneAndReachesNoOtherTenantTable() {
        SystemWork.run("test", () -> {
            assertThat(transactions.readRegistry(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM tenancy.tenant WHERE tenant_id IN (?, ?)", Integer.class, tenantA.value(), tenantB.value())))
                    .isEqualTo(2);
            assertThatThrownBy(() -> transactions.readRegistry(() -> jdbc.queryForObject("SELECT count(*) FROM tenancy.opd", Integer.class)))
                    .isInstanceOf(DataAccessException.class);
        });
        // Even outside a read-only transaction, no policy lets the registry scope write.
        TenantScope registry = TenantScope.registry();
        int updated = TenantContextAccess.callAs(registry, () -> plainTransaction.execute(status ->
                jdbc.update("UPDATE tenancy.tenant SET bpjs_office_name = 'hijacked' WHERE tenant_id = ?", tenantA.value())));
        assertThat(updated).isZero();
    }

    @Test
    void thePemdaRegistryRowOfATenantIsVisibleOnlyToThatTenant() {
        assertThat(asSystemIn(tenantA, () -> jdbc.queryForObject("SELECT count(*) FROM tenancy.tenant", Integer.class))).isOne();
        assertThat(asSystemIn(tenantB, () -> jdbc.queryForObject(
                "SELECT count(*) FROM tenancy.tenant WHERE tenant_id = ?", Integer.class, tenantA.value()))).isZero();
    }

    private int countOpd(TenantId tenant) {
        return asSystemIn(tenant, () -> jdbc.queryForObject("SELECT count(*) FROM tenancy.opd WHERE opd_id = ?", Integer.class, opdOfA));
    }

    private <T> T asSystemIn(TenantId tenant, java.util.function.Supplier<T> work) {
        return SystemWork.call("test", () -> transactions.inTenant(tenant, work));
    }

    private void runAsSystemIn(TenantId tenant, Runnable work) {
        asSystemIn(tenant, () -> {
            work.run();
            return null;
        });
    }
}
