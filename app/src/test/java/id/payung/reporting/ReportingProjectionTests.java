package id.payung.reporting;

import id.payung.PayungIntegrationTest;
import id.payung.claims.ClaimKind;
import id.payung.claims.ClaimsEvents.ClaimDecided;
import id.payung.claims.ClaimsEvents.ClaimFiled;
import id.payung.claims.ClaimsEvents.ClaimPaid;
import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.EnrollmentEvents.WorkersActivated;
import id.payung.enrollment.EnrollmentEvents.WorkersLapsed;
import id.payung.enrollment.WorkerCoverageStatus;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.reporting.ReportingFixtures.Pemda;
import id.payung.reporting.Reports.BreakdownRow;
import id.payung.reporting.Reports.PemdaDashboard;
import id.payung.reporting.Reports.TrendPoint;
import id.payung.sponsorship.FundingKind;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.SponsorshipEvents.ContributionPaid;
import id.payung.sponsorship.SponsorshipEvents.CoverageLapsed;
import id.payung.sponsorship.SponsorshipEvents.DeductionListApproved;
import id.payung.sponsorship.SponsorshipEvents.FundingProgramCreated;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.support.Acting;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.Regions;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.payung.reporting.ReportingFixtures.awaitReadModels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models are fed by the modules' events: every figure of the pemda dashboard follows from
 * them, a repeated event changes none, and the rebuild recomputes the same figures (and repairs what a
 * missed event left wrong).
 */
@PayungIntegrationTest
class ReportingProjectionTests {

    static final YearMonth NOW = Periods.current();

    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired Regions regions;
    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired WorkerCoverageStatus coverageStatus;
    @Autowired CoverageDashboards dashboards;
    @Autowired ReadModelRebuild rebuild;
    @Autowired TenantTransactions transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired JdbcTemplate jdbc;
    @Autowired FundingPrograms fundingPrograms;

    /** What a test pemda went through: four workers, three covered from different months, money, claims. */
    record Story(Pemda pemda, UUID w1, UUID w2, UUID w3, UUID w4, UUID apbd, UUID asn, UUID f1, UUID f2, UUID link,
                 UUID p1, UUID c1, UUID c2, Object[] moneyAndClaims) {
    }

    Story story(String regionCode, String office) {
        Instant since = Instant.now();
        Pemda pemda = ReportingFixtures.pemda(administration, opds, regions, regionCode, office, "20", 100);
        TenantId t = pemda.tenant();
        UUID w1 = ReportingFixtures.register(registration, t, pemda.village1(), "OJEK");
        UUID w2 = ReportingFixtures.register(registration, t, pemda.village1(), "PETANI");
        UUID w3 = ReportingFixtures.register(registration, t, pemda.village2(), "PETANI");
        UUID w4 = ReportingFixtures.register(registration, t, pemda.otherDistrictVillage(), "PEDAGANG");
        for (UUID w : List.of(w1, w2, w3)) ReportingFixtures.verify(lifecycle, pemda, w);
        ReportingFixtures.activate(coverageStatus, t, List.of(w1), NOW.minusMonths(3));
        ReportingFixtures.activate(coverageStatus, t, List.of(w2), NOW.minusMonths(2));
        ReportingFixtures.activate(coverageStatus, t, List.of(w3), NOW.minusMonths(1));
        UUID apbd = UUID.randomUUID(), asn = UUID.randomUUID(), f1 = UUID.randomUUID(), f2 = UUID.randomUUID(), link = UUID.randomUUID();
        UUID p1 = UUID.randomUUID(), p2 = UUID.randomUUID(), c1 = UUID.randomUUID(), c2 = UUID.randomUUID(), list = UUID.randomUUID();
        Object[] events = {
                new FundingProgramCreated(t, apbd, FundingKind.APBD_COHORT),
                new FundingProgramCreated(t, asn, FundingKind.ASN_TPP),
                new SponsorshipStarted(t, f1, apbd, w1, null, null, NOW.minusMonths(3)),
                new SponsorshipStarted(t, f2, asn, w2, link, pemda.dinkes().id().value(), NOW.minusMonths(2)),
                new ContributionPaid(t, p1, apbd, NOW.minusMonths(2), 1, 16_800),
                new ContributionPaid(t, p2, asn, NOW.minusMonths(2), 1, 16_800),
                new DeductionListApproved(t, list, pemda.dinkes().id().value(), NOW.minusMonths(1), 1, 1, 16_800),
                new ClaimFiled(t, c1, w1, ClaimKind.JKM_DEATH, LocalDate.now().minusDays(20)),
                new ClaimDecided(t, c1, ClaimKind.JKM_DEATH, true, 42_000_000),
                new ClaimPaid(t, c1, ClaimKind.JKM_DEATH, 42_000_000, LocalDate.now(Periods.JAKARTA), 5),
                new ClaimFiled(t, c2, w2, ClaimKind.JKK_ACCIDENT, LocalDate.now().minusDays(3))};
        ReportingFixtures.publish(transactionManager, publisher, events);
        awaitReadModels(jdbc, since);
        return new Story(pemda, w1, w2, w3, w4, apbd, asn, f1, f2, link, p1, c1, c2, events);
    }

    @org.junit.jupiter.api.BeforeEach
    void indonesian() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("id"));
    }

    @org.junit.jupiter.api.AfterEach
    void resetLocale() {
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    PemdaDashboard dashboard(TenantId tenant, YearMonth period) {
        return Acting.as(ReportingFixtures.member(tenant, Role.KEPALA_DAERAH), () -> dashboards.pemda(tenant, period.toString()));
    }

    @Test
    void everyFigureOfThePemdaDashboardFollowsFromTheEventsOfEveryModule() {
        Story s = story("12.71", "KC-MEDAN");
        TenantId t = s.pemda().tenant();
        PemdaDashboard d = dashboard(t, NOW);

        assertThat(d.pemda().name()).isEqualTo("Kota Medan");
        assertThat(d.firstPeriod()).isEqualTo(NOW.minusMonths(3));
        var h = d.headline();
        assertThat(h.covered()).isEqualTo(3);
        assertThat(h.potentialWorkers()).isEqualTo(100);
        assertThat(h.coveragePercent()).isEqualByComparingTo("3.00");
        assertThat(h.targetWorkers()).isEqualTo(20);
        assertThat(h.gapWorkers()).isEqualTo(17);
        assertThat(h.gapPoints()).isEqualByComparingTo("17.00");
        assertThat(new long[]{h.registered(), h.verified(), h.active(), h.inactive(), h.ended()}).containsExactly(1, 0, 3, 0, 0);

        assertThat(d.trend()).hasSize(12);
        assertThat(d.trend().subList(8, 12)).extracting(TrendPoint::period, TrendPoint::covered).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NOW.minusMonths(3), 1L), org.assertj.core.groups.Tuple.tuple(NOW.minusMonths(2), 2L),
                org.assertj.core.groups.Tuple.tuple(NOW.minusMonths(1), 3L), org.assertj.core.groups.Tuple.tuple(NOW, 3L));
        assertThat(d.trend().getLast().registered()).isEqualTo(4);
        assertThat(d.trend().get(9).contributions()).isEqualTo(33_600);
        assertThat(d.trend().getLast().claimsPaidAmount()).isEqualTo(42_000_000);

        assertThat(d.districts().rows()).extracting(BreakdownRow::key, BreakdownRow::covered, BreakdownRow::registered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(s.pemda().district1(), 3L, 0L),
                        org.assertj.core.groups.Tuple.tuple(s.pemda().district2(), 0L, 1L));
        assertThat(d.districts().rows().getFirst().shareOfCovered()).isEqualByComparingTo("100.00");
        assertThat(d.occupations().rows()).extracting(BreakdownRow::key, BreakdownRow::covered)
                .startsWith(org.assertj.core.groups.Tuple.tuple("PETANI", 2L)).contains(org.assertj.core.groups.Tuple.tuple("OJEK", 1L));
        assertThat(d.occupations().rows()).filteredOn(r -> r.key().equals("PETANI")).extracting(BreakdownRow::label).containsExactly("Petani");
        Map<String, BreakdownRow> programs = byKey(d.programs().rows());
        assertThat(programs.get(s.apbd().toString()).covered()).isEqualTo(1);
        assertThat(programs.get(s.apbd().toString()).label()).isEqualTo("APBD");
        assertThat(programs.get(s.asn().toString()).covered()).isEqualTo(1);
        assertThat(programs.get("-").active()).isEqualTo(1);
        assertThat(programs.get("-").registered()).isEqualTo(1);

        assertThat(d.opdRanking()).first().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Dinas Kesehatan");
            assertThat(r.rank()).isEqualTo(1);
            assertThat(r.covered()).isEqualTo(1);
            assertThat(r.sponsoredNow()).isEqualTo(1);
        });
        assertThat(dashboard(t, NOW.minusMonths(1)).opdRanking().getFirst().deductedAmount()).isEqualTo(16_800);

        assertThat(d.contributions()).hasSize(2);
        assertThat(d.contributions12m()).isEqualTo(33_600);
        assertThat(d.claims().awaitingDecision()).isEqualTo(1);
        assertThat(d.claims().paidCount()).isEqualTo(1);
        assertThat(d.claims().paidAmount()).isEqualTo(42_000_000);
        assertThat(d.claims().paidWithinSevenDays()).isEqualTo(1);

        // a past month: covered then, statuses now
        assertThat(dashboard(t, NOW.minusMonths(2)).headline().covered()).isEqualTo(2);

        // three unpaid months up to now: the first worker's cover ends with the last paid month
        Instant since = Instant.now();
        ReportingFixtures.lapse(coverageStatus, t, List.of(s.w1()), NOW);
        awaitReadModels(jdbc, since);
        PemdaDashboard lapsed = dashboard(t, NOW);
        assertThat(lapsed.headline().covered()).isEqualTo(2);
        assertThat(lapsed.headline().inactive()).isEqualTo(1);
        assertThat(lapsed.trend().subList(8, 12)).extracting(TrendPoint::covered).containsExactly(1L, 1L, 2L, 2L);

        // the summary BPJS compares pemda by follows too
        var office = Acting.as(ReportingFixtures.bpjs("KC-MEDAN"), () -> dashboards.office(null));
        assertThat(office.pemda()).singleElement().satisfies(r -> {
            assertThat(r.covered()).isEqualTo(2);
            assertThat(r.verificationBacklog()).isEqualTo(1);
            assertThat(r.claimsBacklog()).isEqualTo(1);
            assertThat(r.coveragePercent()).isEqualByComparingTo("2.00");
        });
    }

    @Test
    void anAssembledDashboardIsServedAgainUntilAnEventChangesThePemda() {
        Story s = story("15.72", "KC-SUNGAIPENUH");
        TenantId t = s.pemda().tenant();
        PemdaDashboard first = dashboard(t, NOW);
        assertThat(dashboard(t, NOW)).as("nothing changed: the same assembled dashboard").isSameAs(first);
        assertThat(dashboard(t, NOW.minusMonths(1))).as("another month is assembled on its own").isNotSameAs(first);
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        PemdaDashboard english = dashboard(t, NOW);
        assertThat(english).isNotSameAs(first);
        assertThat(english.headline()).isEqualTo(first.headline());
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("id"));

        var national = Acting.as(ReportingFixtures.bpjs("KANTOR-PUSAT"), () -> dashboards.national());
        assertThat(national.pemda()).filteredOn(r -> r.tenantId().equals(t.value())).singleElement()
                .satisfies(r -> assertThat(r.covered()).isEqualTo(first.headline().covered()));

        // any event of the pemda counts its revision up: the next request reads the figures again
        Instant since = Instant.now();
        ReportingFixtures.lapse(coverageStatus, t, List.of(s.w1()), NOW);
        awaitReadModels(jdbc, since);
        PemdaDashboard after = dashboard(t, NOW);
        assertThat(after).isNotSameAs(first);
        assertThat(after.headline().covered()).isEqualTo(first.headline().covered() - 1);
        assertThat(after.headline().inactive()).isEqualTo(first.headline().inactive() + 1);
        assertThat(dashboard(t, NOW)).isSameAs(after);
        assertThat(Acting.as(ReportingFixtures.bpjs("KANTOR-PUSAT"), () -> dashboards.national()).pemda())
                .as("the national overview is read again too").filteredOn(r -> r.tenantId().equals(t.value())).singleElement()
                .satisfies(r -> assertThat(r.covered()).isEqualTo(after.headline().covered()));

        // the rebuild counts it up too, even when it finds nothing to repair
        Acting.as(ReportingFixtures.bpjs("KC-SUNGAIPENUH"), () -> rebuild.rebuild(t));
        PemdaDashboard rebuilt = dashboard(t, NOW);
        assertThat(rebuilt).isNotSameAs(after).isEqualTo(after);
    }

    @Test
    void aRepeatedEventChangesNoFigure() {
        Story s = story("12.72", "KC-SIANTAR");
        TenantId t = s.pemda().tenant();
        Map<String, Object> before = snapshot(t);
        PemdaDashboard dashboardBefore = dashboard(t, NOW);

        Instant since = Instant.now();
        ReportingFixtures.publish(transactionManager, publisher, s.moneyAndClaims());
        ReportingFixtures.publish(transactionManager, publisher,
                new WorkerVerified(t, s.w1()),
                new WorkersActivated(t, NOW.minusMonths(3), List.of(s.w1())),
                new WorkersActivated(t, NOW.minusMonths(1), List.of(s.w3())));
        awaitReadModels(jdbc, since);
        assertThat(snapshot(t)).isEqualTo(before);
        assertThat(dashboard(t, NOW)).isEqualTo(dashboardBefore);

        // a lapse told twice (enrollment and the ledger) and an end told twice count once
        since = Instant.now();
        ReportingFixtures.lapse(coverageStatus, t, List.of(s.w3()), NOW);
        ReportingFixtures.publish(transactionManager, publisher, new SponsorshipEnded(t, s.f1(), s.apbd(), s.w1(), NOW.minusMonths(1)));
        awaitReadModels(jdbc, since);
        Map<String, Object> once = snapshot(t);
        since = Instant.now();
        ReportingFixtures.publish(transactionManager, publisher, new CoverageLapsed(t, NOW, List.of(s.w3())),
                new WorkersLapsed(t, NOW, List.of(s.w3())), new SponsorshipEnded(t, s.f1(), s.apbd(), s.w1(), NOW.minusMonths(1)));
        awaitReadModels(jdbc, since);
        assertThat(snapshot(t)).isEqualTo(once);
        assertThat(dashboard(t, NOW).headline().inactive()).isEqualTo(1);
    }

    @Test
    void theRebuildGivesTheSameFiguresAndRepairsWhatAMissedEventLeftWrong() {
        Story s = story("12.73", "KC-SIBOLGA");
        TenantId t = s.pemda().tenant();
        Map<String, Object> built = snapshot(t);
        PemdaDashboard dashboard = dashboard(t, NOW);

        var result = Acting.as(ReportingFixtures.bpjs("KC-SIBOLGA"), () -> rebuild.rebuild(t));
        assertThat(result.workersSeen()).isEqualTo(4);
        assertThat(result.workersCorrected()).isZero();
        assertThat(snapshot(t)).isEqualTo(built);
        assertThat(dashboard(t, NOW)).isEqualTo(dashboard);

        // as if WorkerRegistered of the fourth worker and WorkerVerified of the third never arrived, and a counter drifted
        SystemWork.run("test", () -> transactions.inTenant(t, () -> {
            jdbc.update("DELETE FROM reporting.worker WHERE tenant_id = ? AND worker_id = ?", t.value(), s.w4());
            jdbc.update("UPDATE reporting.worker SET status = 'REGISTERED' WHERE tenant_id = ? AND worker_id = ?", t.value(), s.w3());
            jdbc.update("UPDATE reporting.status_count SET workers = workers + 7 WHERE tenant_id = ? AND dimension = 'ALL'", t.value());
        }));
        assertThat(snapshot(t)).isNotEqualTo(built);

        var repaired = Acting.as(ReportingFixtures.bpjs("KC-SIBOLGA"), () -> rebuild.rebuild(t));
        assertThat(repaired.workersCorrected()).isEqualTo(2);
        assertThat(snapshot(t)).isEqualTo(built);
        assertThat(dashboard(t, NOW)).isEqualTo(dashboard);
    }

    @Test
    void eventsArrivingOutOfOrderEndInTheSameState() {
        Pemda pemda = ReportingFixtures.pemda(administration, opds, regions, "12.74", "KC-TANJUNGBALAI", "10", 50);
        TenantId t = pemda.tenant();
        UUID worker = ReportingFixtures.register(registration, t, pemda.village1(), "NELAYAN");
        UUID claim = UUID.randomUUID(), program = UUID.randomUUID(), funding = UUID.randomUUID();
        Instant since = Instant.now();
        // payment before filing, end before start, a payment for a program announced later
        ReportingFixtures.publish(transactionManager, publisher,
                new ClaimPaid(t, claim, ClaimKind.JKK_ACCIDENT, 2_500_000, LocalDate.now(Periods.JAKARTA), 9),
                new SponsorshipEnded(t, funding, program, worker, NOW));
        awaitReadModels(jdbc, since);
        since = Instant.now();
        ReportingFixtures.publish(transactionManager, publisher,
                new ClaimFiled(t, claim, worker, ClaimKind.JKK_ACCIDENT, LocalDate.now().minusDays(30)),
                new ClaimDecided(t, claim, ClaimKind.JKK_ACCIDENT, true, 2_500_000),
                new SponsorshipStarted(t, funding, program, worker, null, null, NOW.minusMonths(1)),
                new FundingProgramCreated(t, program, FundingKind.CSR));
        awaitReadModels(jdbc, since);
        var claims = Acting.as(ReportingFixtures.member(t, Role.KEPALA_DAERAH), () -> dashboards.claims(t, null));
        assertThat(claims.awaitingDecision()).isZero();
        assertThat(claims.awaitingPayment()).isZero();
        assertThat(claims.paidCount()).isEqualTo(1);
        assertThat(claims.paidWithinSevenDays()).isZero();
        var programs = Acting.as(ReportingFixtures.member(t, Role.KEPALA_DAERAH), () -> dashboards.breakdown(t, "PROGRAM", null, null));
        // the funding ended: the worker is counted as not funded now, under the CSR program's name only in history
        assertThat(byKey(programs.rows()).get("-").registered()).isEqualTo(1);
        assertThat(programs.rows()).noneMatch(r -> r.key().equals(program.toString()) && r.total() > 0);
        String label = SystemWork.call("test", () -> transactions.readInTenant(t, () ->
                jdbc.queryForObject("SELECT kind FROM reporting.program WHERE tenant_id = ? AND program_id = ?", String.class, t.value(), program)));
        assertThat(label).isEqualTo("CSR");
    }

    @Test
    void aPemdaReadsOnlyItsOwnReadModelsAndTheRegistryScopeOnlyTheSummaries() {
        Instant since = Instant.now();
        Pemda a = ReportingFixtures.pemda(administration, opds, regions, "12.77", "KC-PADANGSIDIMPUAN", "10", 10);
        Pemda b = ReportingFixtures.pemda(administration, opds, regions, "12.78", "KC-GUNUNGSITOLI", "10", 10);
        UUID inA = ReportingFixtures.register(registration, a.tenant(), a.village1(), "OJEK");
        ReportingFixtures.register(registration, b.tenant(), b.village1(), "OJEK");
        awaitReadModels(jdbc, since);
        String count = "SELECT count(*) FROM reporting.%s WHERE tenant_id = ?";
        for (String table : List.of("worker", "status_count", "coverage_flow", "label", "opd", "pemda_summary")) {
            assertThat(inTenant(a.tenant(), () -> jdbc.queryForObject(count.formatted(table), Long.class, a.tenant().value()))).as(table).isPositive();
            assertThat(inTenant(b.tenant(), () -> jdbc.queryForObject(count.formatted(table), Long.class, a.tenant().value()))).as(table).isZero();
        }
        assertThat(inTenant(b.tenant(), () -> jdbc.update("UPDATE reporting.worker SET status = 'ENDED' WHERE worker_id = ?", inA))).isZero();
        assertThat(inTenant(b.tenant(), () -> jdbc.update("UPDATE reporting.pemda_summary SET covered = 999 WHERE tenant_id = ?", a.tenant().value()))).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inTenant(b.tenant(), () -> jdbc.update(
                        "INSERT INTO reporting.worker (tenant_id, worker_id, status, village_code, district_code, occupation_code, registered_on)"
                                + " VALUES (?, gen_random_uuid(), 'ACTIVE', ?, ?, 'OJEK', current_date)", a.tenant().value(), a.village1(), a.district1())))
                .rootCause().hasMessageContaining("row-level security");

        // the registry scope (BPJS overviews) reads every summary, writes none, and reaches no worker
        List<UUID> summaries = SystemWork.call("test", () -> transactions.readRegistry(() ->
                jdbc.queryForList("SELECT tenant_id FROM reporting.pemda_summary", UUID.class)));
        assertThat(summaries).contains(a.tenant().value(), b.tenant().value());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemWork.call("test", () -> transactions.readRegistry(() ->
                jdbc.queryForObject("SELECT count(*) FROM reporting.worker", Long.class)))).rootCause().hasMessageContaining("uuid");
        Integer updated = SystemWork.call("test", () -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(st -> transactions.readRegistry(() -> jdbc.update("UPDATE reporting.pemda_summary SET covered = 999"))));
        assertThat(updated).isZero();
        assertThat(inTenant(a.tenant(), () -> jdbc.queryForObject("SELECT covered FROM reporting.pemda_summary WHERE tenant_id = ?", Long.class,
                a.tenant().value()))).isZero();
    }

    <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        return SystemWork.call("test", () -> transactions.inTenant(tenant, work));
    }

    @Test
    void aProgramCreatedInSponsorshipIsShownByItsName() {
        Pemda pemda = ReportingFixtures.pemda(administration, opds, regions, "15.71", "KC-JAMBI", "10", 10);
        TenantId t = pemda.tenant();
        UUID worker = ReportingFixtures.register(registration, t, pemda.village1(), "PETANI");
        Instant since = Instant.now();
        var program = SystemWork.callAs(ReportingFixtures.operator(t), () -> fundingPrograms.create(t, new FundingPrograms.ProgramDetails(
                "APBD_COHORT", "Kohor APBD Kota Jambi " + NOW, null, "100000000", "500", null, NOW.toString(), NOW.plusMonths(11).toString(), null)));
        awaitReadModels(jdbc, since);
        since = Instant.now();
        ReportingFixtures.publish(transactionManager, publisher,
                new SponsorshipStarted(t, UUID.randomUUID(), program.id(), worker, null, null, NOW));
        awaitReadModels(jdbc, since);
        var programs = Acting.as(ReportingFixtures.member(t, Role.KEPALA_DAERAH), () -> dashboards.breakdown(t, "PROGRAM", null, null));
        assertThat(byKey(programs.rows()).get(program.id().toString()).label()).isEqualTo("Kohor APBD Kota Jambi " + NOW);
        assertThat(byKey(programs.rows()).get(program.id().toString()).registered()).isEqualTo(1);
    }

    /** The pemda's counters and summary, as plain rows (zero rows left by deltas are not figures). */
    Map<String, Object> snapshot(TenantId t) {
        return SystemWork.call("test", () -> transactions.readInTenant(t, () -> Map.of(
                "status", jdbc.queryForList("""
                        SELECT dimension, dim_key, status, workers FROM reporting.status_count
                        WHERE tenant_id = ? AND workers <> 0 ORDER BY 1, 2, 3""", t.value()),
                "flows", jdbc.queryForList("""
                        SELECT dimension, dim_key, period, started, ended, registered FROM reporting.coverage_flow
                        WHERE tenant_id = ? AND (started <> 0 OR ended <> 0 OR registered <> 0) ORDER BY 1, 2, 3""", t.value()),
                "summary", jdbc.queryForList("""
                        SELECT workers_total, registered, verified, active, inactive, ended, covered, contributions_12m,
                               claims_awaiting_decision, claims_awaiting_payment, claims_paid_12m, claims_paid_amount_12m, first_period
                        FROM reporting.pemda_summary WHERE tenant_id = ?""", t.value()),
                "workers", jdbc.queryForList("""
                        SELECT w.worker_id, w.status, w.village_code, w.occupation_code, s.first_period, s.last_period
                        FROM reporting.worker w LEFT JOIN reporting.worker_spell s USING (tenant_id, worker_id)
                        WHERE w.tenant_id = ? ORDER BY 1, 5""", t.value()))));
    }

    static Map<String, BreakdownRow> byKey(List<BreakdownRow> rows) {
        Map<String, BreakdownRow> map = new java.util.HashMap<>();
        rows.forEach(r -> map.put(r.key(), r));
        return map;
    }
}
