package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentEvents.WorkersLapsed;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.TenantId;
import id.payung.sponsorship.SponsorshipEvents.CoverageLapsed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three consecutive unpaid months make a worker inactive (through CoverageLapsed and its listener calling
 * enrollment), and paying again brings him back as the pemda's reactivation rule says.
 */
@PayungIntegrationTest
@RecordApplicationEvents
class LapseAndReactivationTests extends CycleTestSupport {

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @Autowired ApplicationEvents events;

    /** A verified worker funded by an APBD cohort from May, May paid: he is ACTIVE. */
    private UUID activeFromMay(TenantId t, String office, UUID cohort) {
        UUID worker = verifiedWorker(t, office);
        fixtures().fund(t, cohort, worker, MAY, null, null, 1_000_000, false);
        return worker;
    }

    private void pay(TenantId t, UUID program, YearMonth period) {
        Invoice invoice = as(operator(t), () -> invoices.list(t, period.toString())).stream()
                .filter(i -> i.programId().equals(program)).findFirst()
                .orElseGet(() -> as(operator(t), () -> invoices.issue(t, program.toString(), period.toString())));
        as(operator(t), () -> payments.recordManual(t, invoice.id(), Long.toString(invoice.unpaidAmount()), "TRF-" + period));
    }

    @Test
    void threeUnpaidMonthsEndingWithAClosedPeriodLapseTheWorkerOnceAndANewPaidMonthBringsHimBack() {
        var p = pemda("14.71", "KC-PEKANBARU");
        TenantId t = p.tenant();
        UUID cohort = fixtures().program(t, "APBD_COHORT", true, YearMonth.of(2026, 1), null);
        UUID worker = activeFromMay(t, "KC-PEKANBARU", cohort);
        UUID alwaysPaid = activeFromMay(t, "KC-PEKANBARU", cohort);
        runAndWait(t, MAY);
        pay(t, cohort, MAY);
        eventually(() -> assertThat(statusOf(t, worker)).isEqualTo(WorkerStatus.ACTIVE));

        for (int m = 6; m <= 8; m++) runAndWait(t, YearMonth.of(2026, m));
        // August's cycle looks at May–July: May was paid, nobody lapses yet
        assertThat(events.stream(CoverageLapsed.class).filter(e -> e.tenantId().equals(t))).isEmpty();
        // the other worker's June–August are paid by a CSR program
        UUID csr = fixtures().program(t, "CSR", false, YearMonth.of(2026, 1), null);
        for (int m = 6; m <= 8; m++) fixtures().fund(t, csr, alwaysPaid, YearMonth.of(2026, m), YearMonth.of(2026, m), null, 1_000_000, false);
        for (int m = 6; m <= 8; m++) {
            runAndWait(t, YearMonth.of(2026, m));
            pay(t, csr, YearMonth.of(2026, m));
        }

        as(operator(t), () -> cycle.close(t, "2026-08"));

        assertThat(events.stream(CoverageLapsed.class).filter(e -> e.tenantId().equals(t))).singleElement().satisfies(e -> {
            assertThat(e.period()).isEqualTo(YearMonth.of(2026, 8));
            assertThat(e.workerIds()).containsExactly(worker);
        });
        eventually(() -> assertThat(statusOf(t, worker)).isEqualTo(WorkerStatus.INACTIVE));
        // enrollment announces it from a listener thread, which the recorded events do not see: read the registry
        assertThat(publicationsOf(WorkersLapsed.class, worker)).as("WorkersLapsed published once").isEqualTo(1);
        assertThat(statusOf(t, alwaysPaid)).isEqualTo(WorkerStatus.ACTIVE);
        // September's cycle looks at June–August again: the lapse is not announced twice
        runAndWait(t, YearMonth.of(2026, 9));
        assertThat(events.stream(CoverageLapsed.class).filter(e -> e.tenantId().equals(t))).hasSize(1);

        // NEW_PAID_MONTH (the default): paying September brings him back; June–August stay uncovered
        pay(t, cohort, YearMonth.of(2026, 9));
        eventually(() -> assertThat(statusOf(t, worker)).isEqualTo(WorkerStatus.ACTIVE));
        WorkerCover cover = id.payung.platform.SystemWork.call("test", () -> ledger.coverOf(t, worker));
        assertThat(cover.paidMonths()).containsExactly(MAY, YearMonth.of(2026, 9));
    }

    /** Events of this type naming the worker, as the event publication registry stored them (one row per listener). */
    private long publicationsOf(Class<?> type, UUID worker) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT serialized_event) FROM events.event_publication
                WHERE event_type = ? AND serialized_event LIKE ?""", Long.class, type.getName(), "%" + worker + "%");
    }

    @Test
    void withArrearsClearedAWorkerComesBackOnlyWhenEveryMonthOwedUpToHisLatestPaidMonthIsPaid() {
        var p = pemda("11.71", "KC-BANDAACEH");
        TenantId t = p.tenant();
        UUID cohort = fixtures().program(t, "APBD_COHORT", true, YearMonth.of(2026, 1), null);
        UUID worker = activeFromMay(t, "KC-BANDAACEH", cohort);
        runAndWait(t, MAY);
        pay(t, cohort, MAY);
        eventually(() -> assertThat(statusOf(t, worker)).isEqualTo(WorkerStatus.ACTIVE));
        for (int m = 6; m <= 9; m++) runAndWait(t, YearMonth.of(2026, m));
        // September's cycle: June–August unpaid
        eventually(() -> assertThat(statusOf(t, worker)).isEqualTo(WorkerStatus.INACTIVE));

        as(operator(t), () -> settings.save(t, new CycleSettings.Form("ARREARS_CLEARED", ",", Map.of("NIP", "1"), Map.of())));
        pay(t, cohort, YearMonth.of(2026, 9));
        pay(t, cohort, YearMonth.of(2026, 6));
        pay(t, cohort, YearMonth.of(2026, 7));
        assertThat(statusOf(t, worker)).as("August still owed").isEqualTo(WorkerStatus.INACTIVE);
        pay(t, cohort, YearMonth.of(2026, 8));
        eventually(() -> assertThat(statusOf(t, worker)).isEqualTo(WorkerStatus.ACTIVE));
    }
}
