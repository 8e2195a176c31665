package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.CoverageLedger.PaidWorkerMonth;
import id.payung.TestTenants;
import id.payung.tenancy.TenantAdministration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static id.payung.sponsorship.persistence.jooq.Tables.FUNDING_PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger of paid worker-months: idempotent recording, double funding visible, tenant-bound. */
@PayungIntegrationTest
class CoverageLedgerTests {

    private static final YearMonth JAN = YearMonth.of(2026, 1);

    @Autowired CoverageLedger ledger;
    @Autowired TenantTransactions transactions;
    @Autowired TenantAdministration administration;
    @Autowired DSLContext db;

    /** A program row as the funding-program service would store it (that service is not part of this test). */
    private UUID program(TenantId tenant, String kind, String name) {
        UUID id = UUID.randomUUID();
        SystemWork.run("test setup", () -> transactions.inTenant(tenant, () -> db.insertInto(FUNDING_PROGRAM)
                .set(FUNDING_PROGRAM.TENANT_ID, tenant.value()).set(FUNDING_PROGRAM.PROGRAM_ID, id)
                .set(FUNDING_PROGRAM.KIND, kind).set(FUNDING_PROGRAM.NAME, name + " " + id)
                .set(FUNDING_PROGRAM.COUNTS_AS_APBD, true).set(FUNDING_PROGRAM.BUDGET_CEILING, 1_000_000_000L)
                .set(FUNDING_PROGRAM.WORKER_QUOTA, 1000).set(FUNDING_PROGRAM.FIRST_PERIOD, JAN.atDay(1))
                .set(FUNDING_PROGRAM.CREATED_BY, "test").execute()));
        return id;
    }

    private List<UUID> pay(TenantId tenant, UUID program, YearMonth month, UUID... workers) {
        UUID payment = UUID.randomUUID();
        return SystemWork.call("test payment", () -> transactions.inTenant(tenant, () -> ledger.recordPaid(tenant, payment,
                program, month, java.util.Arrays.stream(workers).map(w -> new PaidWorkerMonth(w, 16_800)).toList())));
    }

    @Test
    void paidMonthsMakeTheCoverAndRecordingTwiceChangesNothing() {
        TenantId malang = TestTenants.ensureOnboarded(administration, "35.73", "KC-MALANG");
        UUID cohort = program(malang, "APBD_COHORT", "Kohort APBD");
        UUID worker = UUID.randomUUID();

        assertThat(pay(malang, cohort, JAN, worker)).containsExactly(worker);
        assertThat(pay(malang, cohort, JAN, worker)).isEmpty();
        pay(malang, cohort, JAN.plusMonths(1), worker);

        WorkerCover cover = SystemWork.call("test read", () -> ledger.coverOf(malang, worker));
        assertThat(cover.paidMonths()).containsExactly(JAN, JAN.plusMonths(1));
        assertThat(cover.firstPaid()).contains(JAN);
        assertThat(cover.isPaid(JAN.plusMonths(2))).isFalse();
        assertThat(cover.paidMonthsThrough(JAN)).isEqualTo(1);
    }

    @Test
    void twoProgramsPayingOneMonthShowAsDoubleFundingOnlyInTheirPemda() {
        TenantId malang = TestTenants.ensureOnboarded(administration, "35.73", "KC-MALANG");
        TenantId probolinggo = TestTenants.ensureOnboarded(administration, "35.74", "KC-PROBOLINGGO");
        UUID cohort = program(malang, "APBD_COHORT", "Kohort APBD");
        UUID other = program(malang, "APBD_COHORT", "Kohort lain");
        UUID worker = UUID.randomUUID();
        pay(malang, cohort, JAN, worker);
        pay(malang, other, JAN, worker);

        assertThat(SystemWork.call("test read", () -> ledger.payersPerWorker(malang, JAN, List.of(worker))))
                .containsEntry(worker, 2);
        assertThat(SystemWork.call("test read", () -> ledger.payersPerWorker(probolinggo, JAN, List.of(worker)))).isEmpty();
        assertThat(SystemWork.call("test read", () -> ledger.coverOf(probolinggo, worker)).paidMonths()).isEmpty();
    }
}
