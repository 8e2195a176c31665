package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.sponsorship.SponsorshipEvents.DeductionListApproved;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The monthly cycle: dues, OPD lists, re-runs, refusals, the one-run-at-a-time guard, approvals, the premium rule. */
@PayungIntegrationTest
@RecordApplicationEvents
class MonthlyCycleTests extends CycleTestSupport {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth APR = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final YearMonth JUN = YearMonth.of(2026, 6);

    @Autowired ApplicationEvents events;
    @Autowired Environment environment;

    @Test
    void aRunBillsEveryFundedWorkerOnceBuildsEachOpdsListAndRerunningNeverTouchesWhatIsApproved() {
        var p = pemda("12.71", "KC-MEDAN");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(t, false, JAN);
        UUID apbd = f.program(t, "APBD_COHORT", true, JAN, null);
        var budi = f.sponsor(t, p.disnaker(), "budi-" + t, "Budi Hartono");
        var citra = f.sponsor(t, p.disnaker(), "citra-" + t, "Citra Dewi");
        var dedi = f.sponsor(t, p.dinkes(), "dedi-" + t, "Dedi Kurnia");
        UUID w1 = UUID.randomUUID(), w2 = UUID.randomUUID(), w3 = UUID.randomUUID(), w4 = UUID.randomUUID();
        f.fund(t, asn, w1, JAN, null, budi, 1_000_000, false);
        f.fund(t, asn, w2, JAN, null, budi, 1_000_000, false);
        UUID w3Funding = f.fund(t, asn, w3, JAN, null, citra, 1_000_000, false);
        f.fund(t, asn, w4, JAN, null, dedi, 1_000_000, true);
        f.fund(t, apbd, UUID.randomUUID(), JAN, null, null, 1_000_000, false);
        f.fund(t, apbd, UUID.randomUUID(), JAN, null, null, 1_000_000, true);
        f.fund(t, asn, UUID.randomUUID(), JAN, APR, citra, 1_000_000, false);   // ended before May: not billed
        f.fund(t, apbd, UUID.randomUUID(), JUN, null, null, 1_000_000, false); // starts after May: not billed

        CycleRun first = runAndWait(t, MAY);

        // May 2026: PP 50/2025 halves the premium of non-APBD programs (8,400), not of the APBD cohort (16,800)
        assertThat(first.duesAdded()).isEqualTo(6);
        assertThat(first.duesTotal()).isEqualTo(6);
        assertThat(first.amountTotal()).isEqualTo(4 * 8_400 + 2 * 16_800);
        assertThat(first.deductionLists()).isEqualTo(2);
        assertThat(listsOf(t, MAY)).extracting(DeductionList::opdName, DeductionList::sponsors, DeductionList::workers,
                        DeductionList::amount, DeductionList::status, DeductionList::revision)
                .containsExactlyInAnyOrder(tuple("Dinas Tenaga Kerja", 2, 3, 25_200L, DeductionList.Status.DRAFT, 1),
                        tuple("Dinas Kesehatan", 1, 1, 8_400L, DeductionList.Status.DRAFT, 1));
        var disnakerList = listOf(t, MAY, p.disnaker());
        var lines = as(operator(t), () -> lists.get(t, disnakerList.id(), PageRequest.of(0, 100))).lines().items();
        assertThat(lines).extracting(DeductionList.Line::nip, DeductionList.Line::name, DeductionList.Line::workers, DeductionList.Line::amount)
                .containsExactlyInAnyOrder(tuple(budi.nip(), "Budi Hartono", 2, 16_800L), tuple(citra.nip(), "Citra Dewi", 1, 8_400L));

        // running again changes nothing but the lists' revision
        CycleRun again = runAndWait(t, MAY);
        assertThat(again.duesAdded()).isZero();
        assertThat(again.duesRemoved()).isZero();
        assertThat(again.duesTotal()).isEqualTo(6);
        assertThat(again.amountTotal()).isEqualTo(first.amountTotal());
        assertThat(listOf(t, MAY, p.dinkes()).revision()).isEqualTo(2);

        // Dinkes approves; then fundings change in both OPDs
        var dinkesList = listOf(t, MAY, p.dinkes());
        as(head(t, dedi), () -> lists.approve(t, dinkesList.id(), dinkesList.revision()));
        UUID lateDinkes = UUID.randomUUID();
        UUID newDisnaker = UUID.randomUUID();
        f.fund(t, asn, lateDinkes, MAY, null, dedi, 1_000_000, false);
        f.fund(t, asn, newDisnaker, MAY, null, budi, 1_000_000, false);
        f.endFunding(t, w3Funding, APR);

        CycleRun third = runAndWait(t, MAY);
        assertThat(third.duesAdded()).isEqualTo(1);
        assertThat(third.duesRemoved()).isEqualTo(1);
        assertThat(third.duesLocked()).isEqualTo(1);
        assertThat(listOf(t, MAY, p.dinkes())).satisfies(l -> {
            assertThat(l.status()).isEqualTo(DeductionList.Status.APPROVED);
            assertThat(l.workers()).isEqualTo(1);
            assertThat(l.amount()).isEqualTo(8_400L);
            assertThat(l.revision()).isEqualTo(dinkesList.revision());
        });
        assertThat(listOf(t, MAY, p.disnaker())).extracting(DeductionList::sponsors, DeductionList::workers, DeductionList::amount)
                .containsExactly(1, 3, 25_200L);
        assertThat(f.count(t, "SELECT count(*) FROM sponsorship.premium_due WHERE tenant_id = ? AND worker_id = ?", t.value(), lateDinkes))
                .as("a funding added after its OPD's list was approved is not billed for that month").isZero();
        assertThat(f.count(t, "SELECT count(*) FROM sponsorship.premium_due WHERE tenant_id = ? AND worker_id = ?", t.value(), w3)).isZero();
        assertThat(f.count(t, "SELECT count(*) FROM sponsorship.premium_due WHERE tenant_id = ? AND period = ?::date", t.value(), MAY.atDay(1)))
                .isEqualTo(6);
    }

    @Test
    void periodsAfterTheCurrentMonthMalformedWithoutRateOrClosedAreRefusedAndStartNothing() {
        var p = pemda("12.72", "KC-SIANTAR");
        TenantId t = p.tenant();
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Jakarta"));

        assertProblem(() -> as(operator(t), () -> cycle.start(t, current.plusMonths(1).toString())), CycleProblem.PERIOD_IN_FUTURE);
        assertProblem(() -> as(operator(t), () -> cycle.start(t, "2026-13")), CycleProblem.PERIOD_INVALID);
        assertProblem(() -> as(operator(t), () -> cycle.start(t, "Mei 2026")), CycleProblem.PERIOD_INVALID);
        assertProblem(() -> as(operator(t), () -> cycle.start(t, "2010-01")), CycleProblem.NO_RATE_FOR_PERIOD);
        assertProblem(() -> as(head(t, fixtures().sponsor(t, p.dinkes(), "head-" + t, "Kepala Dinkes")), () -> cycle.start(t, "2026-05")),
                PlatformProblem.FORBIDDEN);
        assertThat(as(operator(t), () -> cycle.runs(t, null))).isEmpty();

        as(operator(t), () -> cycle.close(t, "2026-03"));
        assertProblem(() -> as(operator(t), () -> cycle.start(t, "2026-03")), CycleProblem.PERIOD_CLOSED);
        assertProblem(() -> as(operator(t), () -> cycle.close(t, "2026-03")), CycleProblem.PERIOD_CLOSED);
        assertProblem(() -> as(operator(t), () -> cycle.close(t, current.toString())), CycleProblem.PERIOD_NOT_OVER);
        assertThat(as(operator(t), () -> cycle.runs(t, null))).isEmpty();
        // the current month may run
        assertThat(runAndWait(t, current).status()).isEqualTo(CycleRun.Status.COMPLETED);
    }

    @Test
    void whileARunIsInProgressASecondOneOfThePemdaIsRefusedAndTheDatabaseRefusesASecondRunningRow() throws Exception {
        var p = pemda("12.73", "KC-SIBOLGA");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID apbd = f.program(t, "APBD_COHORT", true, JAN, null);
        f.fund(t, apbd, UUID.randomUUID(), JAN, null, null, 1_000_000, false);

        CycleRun.Status firstStatus;
        try (Connection owner = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"))) {
            owner.setAutoCommit(false);
            // Hold the run at its first write to the dues, so that it stays RUNNING while we try again.
            owner.createStatement().execute("LOCK TABLE sponsorship.premium_due IN SHARE ROW EXCLUSIVE MODE");
            var started = as(operator(t), () -> cycle.startRun(t, MAY.toString()));
            eventually(() -> assertThat(as(operator(t), () -> cycle.run(t, started.run().id())).stage()).isEqualTo(CycleRun.Stage.DUES));

            assertProblem(() -> as(operator(t), () -> cycle.start(t, MAY.toString())), CycleProblem.CYCLE_ALREADY_RUNNING);
            assertProblem(() -> as(operator(t), () -> cycle.start(t, APR.toString())), CycleProblem.CYCLE_ALREADY_RUNNING);
            assertProblem(() -> as(operator(t), () -> invoices.issue(t, apbd.toString(), MAY.toString())), CycleProblem.CYCLE_IN_PROGRESS);
            // the guard is the database's, not only the service's check
            assertThatThrownBy(() -> SystemWork.call("test", () -> transactions.inTenant(t, () -> db.execute("""
                    INSERT INTO sponsorship.cycle_run (tenant_id, run_id, period, status, stage, started_by, started_by_name)
                    VALUES (?, ?, '2026-04-01', 'RUNNING', 'STARTED', 'x', 'x')""", t.value(), UUID.randomUUID()))))
                    .isInstanceOf(DuplicateKeyException.class);

            owner.rollback();
            started.work().get(1, TimeUnit.MINUTES);
            firstStatus = as(operator(t), () -> cycle.run(t, started.run().id())).status();
        }
        assertThat(firstStatus).isEqualTo(CycleRun.Status.COMPLETED);
        assertThat(as(operator(t), () -> cycle.runs(t, null))).hasSize(1);
        assertThat(runAndWait(t, MAY).duesAdded()).isZero();
    }

    @Test
    void onlyTheHeadOfTheListsOpdApprovesItAndOnlyTheRevisionHeReviewed() {
        var p = pemda("12.74", "KC-TANJUNGBALAI");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(t, true, JAN);
        var headDisnaker = f.sponsor(t, p.disnaker(), "kadis-naker-" + t, "Kepala Disnaker");
        var headDinkes = f.sponsor(t, p.dinkes(), "kadis-kes-" + t, "Kepala Dinkes");
        f.fund(t, asn, UUID.randomUUID(), JAN, null, headDisnaker, 1_000_000, false);
        f.fund(t, asn, UUID.randomUUID(), JAN, null, headDinkes, 1_000_000, false);
        runAndWait(t, MAY);
        var disnakerList = listOf(t, MAY, p.disnaker());

        assertProblem(() -> as(head(t, headDinkes), () -> lists.approve(t, disnakerList.id(), disnakerList.revision())),
                CycleProblem.NOT_HEAD_OF_LIST_OPD);
        assertProblem(() -> as(head(t, headDinkes), () -> lists.get(t, disnakerList.id(), PageRequest.of(0, 10))),
                CycleProblem.NOT_HEAD_OF_LIST_OPD);
        assertThat(as(head(t, headDinkes), () -> lists.ofPeriod(t, MAY.toString()))).extracting(DeductionList::opdId)
                .containsExactly(p.dinkes().id());
        assertProblem(() -> as(operator(t), () -> lists.approve(t, disnakerList.id(), disnakerList.revision())), PlatformProblem.FORBIDDEN);
        assertThat(listOf(t, MAY, p.disnaker()).status()).isEqualTo(DeductionList.Status.DRAFT);

        runAndWait(t, MAY); // recomputed: revision 2
        assertProblem(() -> as(head(t, headDisnaker), () -> lists.approve(t, disnakerList.id(), disnakerList.revision())),
                CycleProblem.DEDUCTION_LIST_CHANGED);
        DeductionList approved = as(head(t, headDisnaker), () -> lists.approve(t, disnakerList.id(), disnakerList.revision() + 1));
        assertThat(approved.status()).isEqualTo(DeductionList.Status.APPROVED);
        assertThat(approved.approvedByName()).isEqualTo("Orang " + headDisnaker.subject());
        assertThat(events.stream(DeductionListApproved.class).filter(e -> e.listId().equals(disnakerList.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.tenantId()).isEqualTo(t);
                    assertThat(e.opdId()).isEqualTo(p.disnaker().id().value());
                    assertThat(e.period()).isEqualTo(MAY);
                    assertThat(e.sponsors()).isEqualTo(1);
                    assertThat(e.workers()).isEqualTo(1);
                    assertThat(e.amount()).isEqualTo(16_800L);
                });
        assertProblem(() -> as(head(t, headDisnaker), () -> lists.approve(t, disnakerList.id(), disnakerList.revision() + 1)),
                CycleProblem.DEDUCTION_LIST_ALREADY_APPROVED);
        // the database itself refuses to change an approved list
        assertThatThrownBy(() -> SystemWork.call("test", () -> transactions.inTenant(t, () -> db.execute(
                "UPDATE sponsorship.deduction_list SET amount = 1 WHERE tenant_id = ? AND list_id = ?", t.value(), disnakerList.id()))))
                .hasMessageContaining("approved and cannot change");
    }

    @Test
    void thePremiumRuleHalvesJkkAndJkmForTransportFromJanuary2026AndOthersFromAprilToDecember2026ButNotForApbdPrograms() {
        // monthly_premium(declared income, transport sector, counts as APBD, period)
        assertThat(premium(1_000_000, false, false, "2025-12")).isEqualTo(16_800);
        assertThat(premium(1_000_000, true, false, "2025-12")).isEqualTo(16_800);
        assertThat(premium(1_000_000, true, false, "2026-01")).isEqualTo(8_400);
        assertThat(premium(1_000_000, false, false, "2026-03")).isEqualTo(16_800);
        assertThat(premium(1_000_000, false, false, "2026-04")).isEqualTo(8_400);
        assertThat(premium(1_000_000, false, false, "2026-12")).isEqualTo(8_400);
        assertThat(premium(1_000_000, false, false, "2027-01")).isEqualTo(16_800);
        assertThat(premium(1_000_000, true, false, "2027-03")).isEqualTo(8_400);
        assertThat(premium(1_000_000, true, false, "2027-04")).isEqualTo(16_800);
        assertThat(premium(1_000_000, true, true, "2026-06")).isEqualTo(16_800);
        assertThat(premium(1_000_000, false, true, "2026-06")).isEqualTo(16_800);
        assertThat(premium(2_000_000, false, false, "2026-06")).isEqualTo(13_400);
        assertThat(premium(2_000_000, false, true, "2026-06")).isEqualTo(26_800);

        // and the cycle bills by the same rule: February 2026, transport discounted only outside APBD programs
        var p = pemda("12.75", "KC-BINJAI");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(t, false, JAN);
        UUID apbd = f.program(t, "APBD_COHORT", true, JAN, null);
        var sponsor = f.sponsor(t, p.disnaker(), "sponsor-" + t, "Eka Putri");
        UUID ojek = UUID.randomUUID(), art = UUID.randomUUID(), cohortOjek = UUID.randomUUID();
        f.fund(t, asn, ojek, JAN, null, sponsor, 1_000_000, true);
        f.fund(t, asn, art, JAN, null, sponsor, 1_000_000, false);
        f.fund(t, apbd, cohortOjek, JAN, null, null, 1_000_000, true);
        runAndWait(t, YearMonth.of(2026, 2));
        assertThat(due(t, ojek)).isEqualTo(8_400);
        assertThat(due(t, art)).isEqualTo(16_800);
        assertThat(due(t, cohortOjek)).isEqualTo(16_800);
    }

    @Test
    void aWorkerEndedInEnrollmentIsBilledUpToTheMonthOfHisEndAndNeverAfter() {
        var p = pemda("12.76", "KC-TEBINGTINGGI");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID apbd = f.program(t, "APBD_COHORT", true, JAN, null);
        UUID worker = verifiedWorker(t, "KC-TEBINGTINGGI");
        f.fund(t, apbd, worker, JAN, null, null, 1_000_000, false);

        // enrollment ends him today: sponsorship's listener learns the month of his end
        as(operator(t), () -> lifecycle.deactivate(t, worker, new WorkerLifecycle.Deactivation("ENDED", "MENINGGAL", null,
                java.time.LocalDate.now(ZoneId.of("Asia/Jakarta")).toString())));
        YearMonth current = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        eventually(() -> assertThat(f.count(t, "SELECT count(*) FROM sponsorship.ended_worker WHERE tenant_id = ? AND worker_id = ?"
                + " AND last_billable_period = ?::date", t.value(), worker, current.atDay(1))).isOne());
        runAndWait(t, current);
        assertThat(due(t, worker, current)).isEqualTo(16_800);

        // a worker whose end took effect in May is billed in May, not in June
        UUID endedInMay = UUID.randomUUID();
        f.fund(t, apbd, endedInMay, JAN, null, null, 1_000_000, false);
        SystemWork.call("test", () -> transactions.inTenant(t, () -> db.execute(
                "INSERT INTO sponsorship.ended_worker (tenant_id, worker_id, last_billable_period) VALUES (?, ?, '2026-05-01')",
                t.value(), endedInMay)));
        runAndWait(t, MAY);
        runAndWait(t, JUN);
        assertThat(due(t, endedInMay, MAY)).isEqualTo(16_800);
        assertThat(f.count(t, "SELECT count(*) FROM sponsorship.premium_due WHERE tenant_id = ? AND worker_id = ? AND period = '2026-06-01'",
                t.value(), endedInMay)).isZero();
    }

    private long premium(long income, boolean transport, boolean apbd, String period) {
        return jdbc.queryForObject("SELECT sponsorship.monthly_premium(?, ?, ?, ?::date)", Long.class, income, transport, apbd,
                YearMonth.parse(period).atDay(1));
    }

    private long due(TenantId t, UUID worker) {
        return due(t, worker, YearMonth.of(2026, 2));
    }

    private long due(TenantId t, UUID worker, YearMonth period) {
        return fixtures().count(t, "SELECT amount FROM sponsorship.premium_due WHERE tenant_id = ? AND worker_id = ? AND period = ?::date",
                t.value(), worker, period.atDay(1));
    }

    static void assertProblem(Runnable action, id.payung.platform.ProblemType type) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(type));
    }
}
