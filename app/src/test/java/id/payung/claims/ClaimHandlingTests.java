package id.payung.claims;

import id.payung.PayungIntegrationTest;
import id.payung.claims.ClaimDetails.Payout;
import id.payung.claims.ClaimHandling.AssessmentInput;
import id.payung.claims.ClaimHandling.DecisionInput;
import id.payung.claims.ClaimHandling.PaymentInput;
import id.payung.claims.ClaimHandling.PaymentOutcome;
import id.payung.claims.ClaimsEvents.ClaimDecided;
import id.payung.claims.ClaimsEvents.ClaimPaid;
import id.payung.claims.internal.WorkingDays;
import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.payung.claims.ClaimsFixtures.PDF;
import static id.payung.claims.ClaimsFixtures.file;
import static id.payung.claims.ClaimsFixtures.operator;
import static id.payung.claims.ClaimsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BPJS staff's work: checking documents, the 7-working-day deadline and overdue claims, the accident
 * assessment, the decision, and a payment that can never happen twice (retried or concurrent).
 */
@PayungIntegrationTest
@RecordApplicationEvents
class ClaimHandlingTests {

    private static final List<String> JKM_REQUIRED = List.of("KPJ_CARD", "KTP_WORKER", "KTP_HEIRS", "DEATH_CERTIFICATE",
            "FAMILY_CARD", "HEIR_STATEMENT", "BANK_BOOK");

    @Autowired ClaimFiling filing;
    @Autowired ClaimHandling handling;
    @Autowired ClaimViews views;
    @Autowired ClaimFacts facts;
    @Autowired ClaimsFixtures fixtures;
    @Autowired TenantTransactions transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    TenantId pekalongan;
    Actor operator;
    Actor bpjs;

    @BeforeEach
    void pemda() {
        pekalongan = fixtures.pekalongan();
        operator = operator(pekalongan);
        bpjs = ClaimsFixtures.bpjs(ClaimsFixtures.PEKALONGAN_OFFICE);
    }

    private Claim reportedDeath(int paidMonths) {
        UUID worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(paidMonths - 1), YearMonth.from(today()));
        return Acting.as(operator, () -> filing.report(pekalongan, ClaimsFixtures.jkm(worker, today().minusDays(1))));
    }

    private void uploadAll(Claim claim, List<String> types) {
        for (String type : types) Acting.as(operator, () -> filing.upload(pekalongan, claim.id(), type, file(type.toLowerCase() + ".pdf", PDF)));
    }

    private Claim complete(Claim claim) {
        uploadAll(claim, JKM_REQUIRED);
        return Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null));
    }

    private Claim approved(Claim claim) {
        complete(claim);
        return Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("APPROVE", null)));
    }

    private PaymentOutcome pay(Claim claim, String reference) {
        return Acting.as(bpjs, () -> handling.pay(pekalongan, claim.id(), new PaymentInput(reference, null)));
    }

    private List<Payout> payouts(Claim claim) {
        return Acting.as(bpjs, () -> views.details(pekalongan, claim.id())).payouts();
    }

    private static String reference() {
        return "SP2D/" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static void refused(Runnable work, Object problem) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(problem));
    }

    @Test
    void missingDocumentsAreAskedForThenTheCompleteClaimGetsItsSevenWorkingDayDeadline() {
        Claim claim = reportedDeath(6);
        refused(() -> Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null)),
                ClaimsProblem.REQUIRED_DOCUMENTS_MISSING);
        Claim asked = Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(),
                List.of("DEATH_CERTIFICATE", "HEIR_STATEMENT"), "Akta kematian dari Disdukcapil, bukan dari kelurahan."));
        assertThat(asked.status()).isEqualTo(ClaimStatus.DOCUMENTS_REQUESTED);
        assertThat(asked.requestedDocuments()).containsExactly(DocumentType.DEATH_CERTIFICATE, DocumentType.HEIR_STATEMENT);
        assertThat(asked.dueOn()).as("the deadline waits for complete documents").isEmpty();

        uploadAll(claim, JKM_REQUIRED);
        var firstUpload = Acting.as(bpjs, () -> views.details(pekalongan, claim.id())).documents().getFirst();
        Acting.run(bpjs, () -> handling.rejectDocument(pekalongan, claim.id(), firstUpload.id(), "Foto buram, tidak terbaca"));
        refused(() -> Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null)),
                ClaimsProblem.REQUIRED_DOCUMENTS_MISSING);
        uploadAll(claim, List.of(firstUpload.type().name()));

        Claim complete = Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null));
        assertThat(complete.status()).isEqualTo(ClaimStatus.COMPLETE);
        assertThat(complete.completeOn()).contains(today());
        LocalDate due = complete.dueOn().orElseThrow();
        var holidays = new HashSet<>(jdbc.queryForList("SELECT holiday_date FROM claims.holiday", LocalDate.class));
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(holidays).doesNotContain(due);
        assertThat(today().datesUntil(due.plusDays(1)).skip(1)
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && !holidays.contains(d)).count()).isEqualTo(7);
        refused(() -> Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null)),
                ClaimsProblem.STATUS_DOES_NOT_ALLOW);
    }

    @Test
    void approvalAndPaymentAreAnnouncedWithAmountsAndWorkingDays() {
        Claim claim = reportedDeath(12);
        refused(() -> Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("APPROVE", null))),
                ClaimsProblem.STATUS_DOES_NOT_ALLOW);
        refused(() -> pay(claim, reference()), ClaimsProblem.NOT_APPROVED);
        Claim approved = approved(claim);
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.approvedAmount()).contains(42_000_000L);
        assertThat(events.stream(ClaimDecided.class).filter(e -> e.claimId().equals(claim.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.approved()).isTrue();
                    assertThat(e.approvedAmount()).isEqualTo(42_000_000L);
                });
        PaymentOutcome paid = pay(claim, reference());
        assertThat(paid.recorded()).isTrue();
        assertThat(paid.payout().amount()).isEqualTo(42_000_000L);
        Claim after = Acting.as(bpjs, () -> views.details(pekalongan, claim.id())).claim();
        assertThat(after.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(after.workingDaysToPay()).contains(0);
        assertThat(events.stream(ClaimPaid.class).filter(e -> e.claimId().equals(claim.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.amount()).isEqualTo(42_000_000L);
                    assertThat(e.paidOn()).isEqualTo(today());
                    assertThat(e.workingDaysToPay()).isZero();
                });
    }

    @Test
    void aClaimIsNeverPaidTwiceWhenRetriedWithTheSameReferenceOrAnotherOne() {
        Claim claim = reportedDeath(12);
        approved(claim);
        String reference = reference();
        PaymentOutcome first = pay(claim, reference);
        PaymentOutcome retried = pay(claim, reference);
        assertThat(retried.recorded()).isFalse();
        assertThat(retried.payout().id()).isEqualTo(first.payout().id());
        refused(() -> pay(claim, reference()), ClaimsProblem.ALREADY_PAID);
        assertThat(payouts(claim)).hasSize(1);
        assertThat(events.stream(ClaimPaid.class).filter(e -> e.claimId().equals(claim.id()))).hasSize(1);

        // a reference belongs to one payment of the pemda
        Claim other = reportedDeath(12);
        approved(other);
        refused(() -> pay(other, reference), ClaimsProblem.REFERENCE_USED);
        assertThat(payouts(other)).isEmpty();
        assertThatThrownBy(() -> pay(other, "x")).isInstanceOfSatisfying(InvalidInput.class,
                p -> assertThat(p.fieldProblems()).extracting(InvalidInput.FieldProblem::field).containsExactly("reference"));
        assertThatThrownBy(() -> Acting.as(bpjs, () -> handling.pay(pekalongan, other.id(),
                new PaymentInput(reference(), today().plusDays(1).toString())))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void concurrentPaymentsOfOneClaimRecordOnePayout() throws Exception {
        Claim claim = reportedDeath(12);
        approved(claim);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // four clicks at once with different references: one payment, three refusals
            List<Object> outcomes = race(pool, 4, i -> pay(claim, "RACE-" + i + "-" + claim.id().toString().substring(0, 8)));
            assertThat(outcomes).filteredOn(PaymentOutcome.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(DomainProblem.class::isInstance)
                    .allSatisfy(p -> assertThat(((DomainProblem) p).type()).isEqualTo(ClaimsProblem.ALREADY_PAID)).hasSize(3);
            assertThat(payouts(claim)).hasSize(1);

            // four retries at once with the same reference: one payout, every answer the same
            Claim second = reportedDeath(12);
            approved(second);
            String reference = reference();
            List<Object> same = race(pool, 4, i -> pay(second, reference));
            assertThat(same).allSatisfy(o -> assertThat(o).isInstanceOf(PaymentOutcome.class));
            assertThat(same).extracting(o -> ((PaymentOutcome) o).payout().id()).containsOnly(payouts(second).getFirst().id());
            assertThat(same).filteredOn(o -> ((PaymentOutcome) o).recorded()).hasSize(1);
            assertThat(payouts(second)).hasSize(1);
            assertThat(events.stream(ClaimPaid.class).filter(e -> e.claimId().equals(second.id()))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Object> race(ExecutorService pool, int n, java.util.function.IntFunction<Object> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Object> task = () -> {
                start.await();
                try {
                    return work.apply(index);
                } catch (DomainProblem problem) {
                    return problem;
                }
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) results.add(f.get());
        return results;
    }

    @Test
    void aClaimPastItsDeadlineStandsOutInTheListTheFiguresAndTheQueue() {
        Claim late = reportedDeath(6);
        complete(late);
        Claim onTime = reportedDeath(6);
        complete(onTime);
        // documents complete ten working days ago (the clock cannot be turned; the dates can)
        LocalDate tenWorkingDaysAgo = today().minusDays(16);
        SystemWork.run("test clock", () -> transactions.inTenant(pekalongan, () -> jdbc.update(
                "UPDATE claims.claim SET complete_on = ?, due_on = ? WHERE claim_id = ?",
                tenWorkingDaysAgo, WorkingDays.add(tenWorkingDaysAgo, 7, java.util.Set.of()), late.id())));

        var overdueOnly = Acting.as(operator, () -> views.list(pekalongan, new ClaimQuery(java.util.Optional.empty(),
                java.util.Optional.empty(), true), PageRequest.of(0, 100))).items();
        assertThat(overdueOnly).extracting(ClaimSummary::claimId).contains(late.id()).doesNotContain(onTime.id());
        assertThat(overdueOnly).allSatisfy(c -> assertThat(c.overdue()).isTrue());
        assertThat(Acting.as(ClaimsFixtures.kepala(pekalongan), () -> views.overview(pekalongan)).overdue()).isGreaterThanOrEqualTo(1);
        var queue = Acting.as(bpjs, () -> handling.queue());
        assertThat(queue.getFirst().claim().overdue()).isTrue();
        assertThat(queue).extracting(e -> e.claim().claimId()).contains(late.id(), onTime.id());
        assertThat(queue).allSatisfy(e -> assertThat(e.pemdaName()).isEqualTo("Kota Pekalongan"));
        assertThat(Acting.as(ClaimsFixtures.bpjs(ClaimsFixtures.TEGAL_OFFICE), () -> handling.queue()))
                .as("another office's queue").noneMatch(e -> e.tenantId().equals(pekalongan));

        // paid late: the working days are counted and the figures show it
        Acting.as(bpjs, () -> handling.decide(pekalongan, late.id(), new DecisionInput("APPROVE", "Lengkap")));
        pay(late, reference());
        Claim paid = Acting.as(bpjs, () -> views.details(pekalongan, late.id())).claim();
        var holidays = new HashSet<>(jdbc.queryForList("SELECT holiday_date FROM claims.holiday", LocalDate.class));
        assertThat(paid.workingDaysToPay()).contains(WorkingDays.between(tenWorkingDaysAgo, today(), holidays));
        ClaimsOverview overview = SystemWork.call("reporting", () -> facts.overview(pekalongan));
        assertThat(overview.paidClaims()).isGreaterThanOrEqualTo(1);
        assertThat(overview.longestWorkingDaysToPay()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(paid.workingDaysToPay().get()));
        assertThat(overview.paidAmount()).isGreaterThanOrEqualTo(42_000_000L);
    }

    @Test
    void anAccidentIsAssessedThenApprovedForItsCalculatedAmount() {
        UUID worker = fixtures.worker(pekalongan, operator, "L02");
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(3), YearMonth.from(today()));
        Claim claim = Acting.as(operator, () -> filing.report(pekalongan, ClaimsFixtures.accident(worker, today(), null, false)));
        uploadAll(claim, List.of("KPJ_CARD", "KTP_WORKER", "ACCIDENT_CHRONOLOGY", "MEDICAL_STATEMENT", "BANK_BOOK"));
        Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null));
        refused(() -> Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("APPROVE", null))),
                ClaimsProblem.ASSESSMENT_REQUIRED);
        assertThatThrownBy(() -> Acting.as(bpjs, () -> handling.assess(pekalongan, claim.id(),
                new AssessmentInput("-5", "200", "PARTIAL", "0")))).isInstanceOfSatisfying(InvalidInput.class,
                p -> assertThat(p.fieldProblems()).extracting(InvalidInput.FieldProblem::field)
                        .containsExactly("medicalCosts", "incapacityMonths", "disabilityPercent"));
        Acting.as(bpjs, () -> handling.assess(pekalongan, claim.id(), new AssessmentInput("2.500.000", "14", "PARTIAL", "10")));
        ClaimDetails details = Acting.as(bpjs, () -> views.details(pekalongan, claim.id()));
        assertThat(details.total()).isEqualTo(2_500_000L + 18_000_000L + 1_500_000L + 12_000_000L);
        Claim approved = Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("APPROVE", null)));
        assertThat(approved.approvedAmount()).contains(34_000_000L);
        refused(() -> Acting.as(bpjs, () -> handling.assess(pekalongan, claim.id(), new AssessmentInput("0", "1", "NONE", null))),
                ClaimsProblem.STATUS_DOES_NOT_ALLOW);
        Claim death = reportedDeath(6);
        refused(() -> Acting.as(bpjs, () -> handling.assess(pekalongan, death.id(), new AssessmentInput("0", "1", "NONE", null))),
                ClaimsProblem.ASSESSMENT_ONLY_FOR_ACCIDENT);
    }

    @Test
    void anIneligibleClaimCanOnlyBeRejectedWithAReason() {
        UUID worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(10), YearMonth.from(today()).minusMonths(5));
        Claim claim = Acting.as(operator, () -> filing.report(pekalongan, ClaimsFixtures.jkm(worker, today().minusDays(1))));
        complete(claim);
        refused(() -> Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("APPROVE", null))),
                ClaimsProblem.NOT_ELIGIBLE);
        assertThatThrownBy(() -> Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("REJECT", "tidak"))))
                .isInstanceOf(InvalidInput.class);
        Claim rejected = Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(),
                new DecisionInput("REJECT", "Iuran bulan kejadian tidak dibayar; kepesertaan tidak aktif.")));
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(events.stream(ClaimDecided.class).filter(e -> e.claimId().equals(claim.id())))
                .singleElement().satisfies(e -> assertThat(e.approved()).isFalse());
        // rejected: the death may be reported again (e.g. as JKK after all)
        Claim again = Acting.as(operator, () -> filing.report(pekalongan, ClaimsFixtures.death(ClaimKind.JKK_DEATH, worker,
                today().minusDays(1), List.of())));
        assertThat(again.status()).isEqualTo(ClaimStatus.REPORTED);
    }

    @Test
    void laterScholarshipYearsAreAskedForYearByYearWithinTheTableAndPaidOnce() {
        UUID worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(40), YearMonth.from(today()));
        var youngest = ClaimsFixtures.child("TK");
        // 22 years old now, 23 at the start of next school year
        LocalDate eldestBirth = LocalDate.of(BenefitCalculationYear.next(today()) - 23, 6, 1);
        var eldest = new ClaimFiling.ChildDetails("Budi Santoso", ClaimsFixtures.childNik(), eldestBirth.toString(), "PT");
        Claim claim = Acting.as(operator, () -> filing.report(pekalongan, ClaimsFixtures.death(ClaimKind.JKM_DEATH, worker,
                today().minusDays(3), List.of(youngest, eldest))));
        refused(() -> Acting.as(operator, () -> filing.requestScholarshipYear(pekalongan, claim.id(),
                new ClaimFiling.ScholarshipRequest("1", "2027", "TK", true))), ClaimsProblem.SCHOLARSHIP_CLAIM_NOT_PAID);
        uploadAll(claim, JKM_REQUIRED);
        uploadAll(claim, List.of("SCHOOL_CERTIFICATE"));
        Acting.as(bpjs, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null));
        Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("APPROVE", null)));
        assertThat(pay(claim, reference()).payout().amount()).isEqualTo(42_000_000L + 1_500_000L + 12_000_000L);

        int thisYear = id.payung.claims.internal.BenefitCalculation.schoolYearOf(today());
        assertThatThrownBy(() -> Acting.as(operator, () -> filing.requestScholarshipYear(pekalongan, claim.id(),
                new ClaimFiling.ScholarshipRequest("3", String.valueOf(thisYear + 5), "XYZ", false))))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.fieldProblems()).extracting(InvalidInput.FieldProblem::field)
                        .containsExactly("childPosition", "schoolYear", "schoolLevel", "notMarriedNorWorking"));
        refused(() -> Acting.as(operator, () -> filing.requestScholarshipYear(pekalongan, claim.id(),
                new ClaimFiling.ScholarshipRequest("1", String.valueOf(thisYear), "TK", true))), ClaimsProblem.SCHOLARSHIP_YEAR_TAKEN);
        refused(() -> Acting.as(operator, () -> filing.requestScholarshipYear(pekalongan, claim.id(),
                new ClaimFiling.ScholarshipRequest("2", String.valueOf(thisYear + 1), "PT", true))), ClaimsProblem.SCHOLARSHIP_AGE_LIMIT);
        var next = Acting.as(operator, () -> filing.requestScholarshipYear(pekalongan, claim.id(),
                new ClaimFiling.ScholarshipRequest("1", String.valueOf(thisYear + 1), "TK", true)));
        assertThat(next.amount()).isEqualTo(1_500_000L);
        assertThat(Acting.as(bpjs, () -> handling.queue())).extracting(e -> e.claim().claimId()).contains(claim.id());
        // TK lasts two years: both are used now
        refused(() -> Acting.as(operator, () -> filing.requestScholarshipYear(pekalongan, claim.id(),
                new ClaimFiling.ScholarshipRequest("1", String.valueOf(thisYear - 1), "TK", true))), ClaimsProblem.SCHOLARSHIP_LEVEL_EXHAUSTED);

        String reference = reference();
        var paid = Acting.as(bpjs, () -> handling.payScholarshipYear(pekalongan, claim.id(), next.id(), new PaymentInput(reference, null)));
        var again = Acting.as(bpjs, () -> handling.payScholarshipYear(pekalongan, claim.id(), next.id(), new PaymentInput(reference, null)));
        assertThat(again.recorded()).isFalse();
        assertThat(again.payout().id()).isEqualTo(paid.payout().id());
        refused(() -> Acting.as(bpjs, () -> handling.payScholarshipYear(pekalongan, claim.id(), next.id(),
                new PaymentInput(reference(), null))), ClaimsProblem.ALREADY_PAID);
        assertThat(payouts(claim)).hasSize(2);
        assertThat(Acting.as(bpjs, () -> views.details(pekalongan, claim.id())).scholarships())
                .extracting(ClaimDetails.ScholarshipYear::status).containsOnly(ClaimDetails.ScholarshipYear.Status.PAID);
    }

    /** The first calendar year of the next school year. */
    private static final class BenefitCalculationYear {
        static int next(LocalDate day) {
            return id.payung.claims.internal.BenefitCalculation.schoolYearOf(day) + 1;
        }
    }

    @Test
    void onlyBpjsStaffHandleClaimsAndTheHeadOfRegionSeesFiguresWithoutPersonalData() {
        Claim claim = reportedDeath(6);
        for (Actor actor : List.of(operator, ClaimsFixtures.kepala(pekalongan), ClaimsFixtures.sponsor(pekalongan, "asn-x"))) {
            refused(() -> Acting.as(actor, () -> handling.checkDocuments(pekalongan, claim.id(), List.of(), null)), PlatformProblem.FORBIDDEN);
            refused(() -> Acting.as(actor, () -> handling.decide(pekalongan, claim.id(), new DecisionInput("REJECT", "Tidak layak sama sekali"))),
                    PlatformProblem.FORBIDDEN);
            refused(() -> Acting.as(actor, () -> handling.pay(pekalongan, claim.id(), new PaymentInput(reference(), null))),
                    PlatformProblem.FORBIDDEN);
            refused(() -> Acting.as(actor, () -> handling.queue()), PlatformProblem.FORBIDDEN);
        }
        Actor kepala = ClaimsFixtures.kepala(pekalongan);
        assertThat(Acting.as(kepala, () -> views.list(pekalongan, ClaimQuery.all(), PageRequest.of(0, 100))).items())
                .extracting(ClaimSummary::claimId).contains(claim.id());
        assertThat(Acting.as(kepala, () -> views.overview(pekalongan)).total()).isGreaterThanOrEqualTo(1);
        refused(() -> Acting.as(kepala, () -> views.details(pekalongan, claim.id())), PlatformProblem.FORBIDDEN);
        Actor opdHead = ClaimsFixtures.opdHead(pekalongan);
        refused(() -> Acting.as(opdHead, () -> views.list(pekalongan, ClaimQuery.all(), PageRequest.of(0, 10))), PlatformProblem.FORBIDDEN);
        refused(() -> Acting.as(ClaimsFixtures.sponsor(pekalongan, "asn-y"), () -> views.overview(pekalongan)), PlatformProblem.FORBIDDEN);
    }
}
