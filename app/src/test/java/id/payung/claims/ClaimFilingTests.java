package id.payung.claims;

import id.payung.PayungIntegrationTest;
import id.payung.claims.ClaimFiling.BeneficiaryDetails;
import id.payung.claims.ClaimFiling.Report;
import id.payung.claims.ClaimsEvents.ClaimFiled;
import id.payung.enrollment.EnrollmentProblem;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static id.payung.claims.ClaimsFixtures.accident;
import static id.payung.claims.ClaimsFixtures.child;
import static id.payung.claims.ClaimsFixtures.death;
import static id.payung.claims.ClaimsFixtures.heir;
import static id.payung.claims.ClaimsFixtures.jkm;
import static id.payung.claims.ClaimsFixtures.operator;
import static id.payung.claims.ClaimsFixtures.sponsor;
import static id.payung.claims.ClaimsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reporting a claim: eligibility and calculation at once, the flags, and every refusal changing nothing. */
@PayungIntegrationTest
@RecordApplicationEvents
class ClaimFilingTests {

    @Autowired ClaimFiling filing;
    @Autowired ClaimViews views;
    @Autowired ClaimsFixtures fixtures;
    @Autowired TenantTransactions transactions;
    @Autowired AuditTrail audit;
    @Autowired ApplicationEvents events;

    TenantId pekalongan;
    Actor operator;

    @BeforeEach
    void pemda() {
        pekalongan = fixtures.pekalongan();
        operator = operator(pekalongan);
    }

    private Claim report(Actor actor, Report report) {
        return Acting.as(actor, () -> filing.report(pekalongan, report));
    }

    private ClaimDetails details(Claim claim) {
        return Acting.as(operator, () -> views.details(pekalongan, claim.id()));
    }

    private long claimsOf(UUID workerId) {
        return SystemWork.call("test read", () -> transactions.readInTenant(pekalongan, () -> views.list(pekalongan,
                ClaimQuery.all(), PageRequest.of(0, 100)).items().stream().filter(c -> c.workerId().equals(workerId)).count()));
    }

    private int auditEntries() {
        return SystemWork.call("test read", () -> transactions.readInTenant(pekalongan, () -> audit.recent(1_000_000).size()));
    }

    private void refusedWithoutChange(UUID workerId, Actor actor, Report report, String field, Object problem) {
        long before = claimsOf(workerId);
        int auditBefore = auditEntries();
        assertThatThrownBy(() -> report(actor, report)).isInstanceOfSatisfying(DomainProblem.class, p -> {
            if (p instanceof InvalidInput invalid) {
                assertThat(invalid.fieldProblems()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.type()).isEqualTo(problem);
                });
            } else {
                assertThat(p.type()).isEqualTo(problem);
            }
        });
        assertThat(claimsOf(workerId)).isEqualTo(before);
        assertThat(auditEntries()).as("nothing audited, nothing written").isEqualTo(auditBefore);
    }

    @Test
    void aDeathReportedByTheOperatorIsEligibleCalculatedLineByLineAuditedAndAnnounced() {
        UUID worker = fixtures.worker(pekalongan);
        LocalDate incident = today().minusDays(10);
        fixtures.paid(pekalongan, worker, YearMonth.from(incident).minusMonths(40), YearMonth.from(incident));

        Claim claim = report(operator, death(ClaimKind.JKM_DEATH, worker, incident, List.of(child("SD"), child(""))));

        assertThat(claim.status()).isEqualTo(ClaimStatus.REPORTED);
        assertThat(claim.lateReport()).as("the 2 x 24 hour rule is for accidents").isFalse();
        assertThat(claim.eligibility().eligible()).isTrue();
        assertThat(claim.eligibility().paidMonths()).isEqualTo(41);
        assertThat(claim.eligibility().scholarshipEligible()).isTrue();
        assertThat(claim.declaredIncome()).isEqualTo(1_000_000L);
        ClaimDetails details = details(claim);
        assertThat(details.lines()).extracting(ClaimDetails.BenefitLine::ruleCode)
                .containsExactly("JKM_LUMP_SUM", "JKM_PERIODIC", "JKM_FUNERAL", "SCHOLARSHIP");
        assertThat(details.total()).isEqualTo(43_500_000L);
        assertThat(details.scholarships()).singleElement().satisfies(y -> {
            assertThat(y.paidWithClaim()).isTrue();
            assertThat(y.level()).isEqualTo(SchoolLevel.SD);
        });
        assertThat(details.beneficiaries()).singleElement().satisfies(b -> {
            assertThat(b.relationship()).isEqualTo(BeneficiaryRelationship.SPOUSE);
            assertThat(b.accountNumber()).isEqualTo("0123456789");
        });
        assertThat(details.children()).hasSize(2);
        assertThat(details.missingDocuments()).contains(DocumentType.DEATH_CERTIFICATE, DocumentType.SCHOOL_CERTIFICATE);
        assertThat(details.history()).extracting(AuditTrail.AuditEntry::action).containsExactly("claim.reported");
        assertThat(details.history().getFirst().details()).doesNotContainKeys("nik", "name");
        assertThat(events.stream(ClaimFiled.class).filter(e -> e.claimId().equals(claim.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.tenantId()).isEqualTo(pekalongan);
                    assertThat(e.workerId()).isEqualTo(worker);
                    assertThat(e.incidentDate()).isEqualTo(incident);
                });
    }

    @Test
    void anAccidentReportedAfterTwiceTwentyFourHoursIsFlaggedAndOneWithinIsNot() {
        UUID worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(6), YearMonth.from(today()));
        Claim late = report(operator, accident(worker, today().minusDays(3), "08:00", false));
        Claim inTime = report(operator, accident(worker, today(), LocalTime.now(ClaimsFixtures.JAKARTA).minusMinutes(1)
                .withSecond(0).withNano(0).toString(), true));
        assertThat(late.lateReport()).isTrue();
        assertThat(inTime.lateReport()).isFalse();
        assertThat(inTime.trafficAccident()).isTrue();
        ClaimDetails details = details(inTime);
        assertThat(details.lines()).as("calculated once BPJS assesses").isEmpty();
        assertThat(details.beneficiaries()).singleElement().satisfies(b -> {
            assertThat(b.relationship()).isEqualTo(BeneficiaryRelationship.SELF);
            assertThat(b.name()).isEqualTo("Slamet Riyadi");
        });
        assertThat(details.checklist()).filteredOn(i -> i.type() == DocumentType.POLICE_REPORT)
                .singleElement().satisfies(i -> assertThat(i.required()).isTrue());
        assertThat(details(late).checklist()).filteredOn(i -> i.type() == DocumentType.POLICE_REPORT)
                .singleElement().satisfies(i -> assertThat(i.required()).isFalse());
    }

    @Test
    void aJkkClaimMoreThanFiveYearsAfterTheAccidentIsRefusedAndStoresNothing() {
        UUID worker = fixtures.worker(pekalongan);
        LocalDate accident = today().minusYears(5).minusDays(1);
        fixtures.paid(pekalongan, worker, YearMonth.from(accident).minusMonths(2), YearMonth.from(accident));
        refusedWithoutChange(worker, operator, accident(worker, accident, null, false), null, ClaimsProblem.CLAIM_RIGHT_LAPSED);
        refusedWithoutChange(worker, operator, death(ClaimKind.JKK_DEATH, worker, accident, List.of()), null,
                ClaimsProblem.CLAIM_RIGHT_LAPSED);
        // Five years to the day is still in time.
        fixtures.paid(pekalongan, worker, YearMonth.from(today().minusYears(5)), YearMonth.from(today().minusYears(5)));
        assertThat(report(operator, accident(worker, today().minusYears(5), null, false)).lateReport()).isTrue();
    }

    @Test
    void badInputGetsASpecificReasonAndChangesNothing() {
        UUID worker = fixtures.worker(pekalongan);
        YearMonth since = YearMonth.from(today()).minusMonths(12);
        fixtures.paid(pekalongan, worker, since, YearMonth.from(today()));
        LocalDate incident = today().minusDays(5);

        refusedWithoutChange(worker, operator, jkm(worker, today().plusDays(1)), "incidentDate", ClaimsProblem.INCIDENT_DATE_IN_FUTURE);
        refusedWithoutChange(worker, operator, jkm(worker, since.minusMonths(1).atDay(20)), "incidentDate",
                ClaimsProblem.INCIDENT_BEFORE_MEMBERSHIP);
        refusedWithoutChange(worker, operator, new Report(worker.toString(), "JKM_DEATH", "15-06-2026", "25:00", "", "x",
                false, List.of(), List.of()), "incidentDate", ClaimsProblem.INCIDENT_DATE_INVALID);
        refusedWithoutChange(worker, operator, new Report(worker.toString(), "BANJIR", incident.toString(), null, "Rumah",
                "Meninggal dunia di rumah.", false, List.of(heir()), List.of()), "kind", ClaimsProblem.KIND_INVALID);
        // heirs without the data the payout needs: every field is named
        var noBank = new BeneficiaryDetails("Sri Wahyuni", "SPOUSE", ClaimsFixtures.heirNik(), "", "12-ab");
        var noRelation = new BeneficiaryDetails("S", "", "123", "BRI", "0123456789");
        Report badHeirs = new Report(worker.toString(), "JKM_DEATH", incident.toString(), null, "Rumah", "Meninggal dunia di rumah.",
                false, List.of(noBank, noRelation), List.of());
        refusedWithoutChange(worker, operator, badHeirs, "beneficiaries[0].bankName", ClaimsProblem.BANK_NAME_INVALID);
        refusedWithoutChange(worker, operator, badHeirs, "beneficiaries[0].accountNumber", ClaimsProblem.ACCOUNT_NUMBER_INVALID);
        refusedWithoutChange(worker, operator, badHeirs, "beneficiaries[1].name", ClaimsProblem.BENEFICIARY_NAME_INVALID);
        refusedWithoutChange(worker, operator, badHeirs, "beneficiaries[1].relationship", ClaimsProblem.BENEFICIARY_RELATIONSHIP_INVALID);
        refusedWithoutChange(worker, operator, badHeirs, "beneficiaries[1].nik", EnrollmentProblem.NIK_FORMAT);
        refusedWithoutChange(worker, operator, new Report(worker.toString(), "JKM_DEATH", incident.toString(), null, "Rumah",
                "Meninggal dunia di rumah.", false, List.of(new BeneficiaryDetails("", " ", null, "", "")), List.of()),
                "beneficiaries", ClaimsProblem.BENEFICIARY_REQUIRED);
        refusedWithoutChange(worker, operator, death(ClaimKind.JKM_DEATH, worker, incident,
                List.of(child("SD"), child("SMP"), child("SMA"))), "children", ClaimsProblem.CHILDREN_TOO_MANY);
        refusedWithoutChange(worker, operator, death(ClaimKind.JKM_DEATH, worker, incident,
                List.of(new ClaimFiling.ChildDetails("Dewi", ClaimsFixtures.childNik(), "1990-01-01", "PT"))),
                "children[0].birthDate", ClaimsProblem.CHILD_TOO_OLD);
        var accidentWithChild = accident(worker, incident, null, false);
        refusedWithoutChange(worker, operator, new Report(accidentWithChild.workerId(), accidentWithChild.kind(),
                accidentWithChild.incidentDate(), null, accidentWithChild.incidentPlace(), accidentWithChild.description(), false,
                accidentWithChild.beneficiaries(), List.of(child("SD"))), "children", ClaimsProblem.CHILDREN_ONLY_FOR_DEATH);
        refusedWithoutChange(worker, operator, new Report(accidentWithChild.workerId(), accidentWithChild.kind(),
                accidentWithChild.incidentDate(), null, accidentWithChild.incidentPlace(), accidentWithChild.description(), false,
                List.of(new BeneficiaryDetails(null, null, null, "", "")), List.of()), "beneficiaries[0].bankName",
                ClaimsProblem.BANK_NAME_INVALID);
    }

    @Test
    void aWorkerNeverPaidForHasNoMembershipToClaimOn() {
        UUID worker = fixtures.worker(pekalongan);
        refusedWithoutChange(worker, operator, jkm(worker, today().minusDays(1)), "incidentDate", ClaimsProblem.NOT_A_MEMBER);
    }

    @Test
    void aWorkerDiesOnceASecondOpenDeathClaimIsRefused() {
        UUID worker = fixtures.worker(pekalongan);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(5), YearMonth.from(today()));
        report(operator, jkm(worker, today().minusDays(2)));
        refusedWithoutChange(worker, operator, jkm(worker, today().minusDays(2)), null, ClaimsProblem.DEATH_ALREADY_CLAIMED);
        refusedWithoutChange(worker, operator, death(ClaimKind.JKK_DEATH, worker, today().minusDays(2), List.of()), null,
                ClaimsProblem.DEATH_ALREADY_CLAIMED);
        // accidents are not deaths: the same worker may have had one before
        assertThat(report(operator, accident(worker, today().minusDays(30), null, false)).kind()).isEqualTo(ClaimKind.JKK_ACCIDENT);
    }

    @Test
    void aWorkerOfAnotherPemdaIsNotFoundAndAnAsnSponsorReportsOnlyForTheWorkersHeRegistered() {
        TenantId tegal = fixtures.tegal();
        UUID tegalWorker = fixtures.worker(tegal);
        fixtures.paid(tegal, tegalWorker, YearMonth.from(today()).minusMonths(5), YearMonth.from(today()));
        assertThatThrownBy(() -> report(operator, jkm(tegalWorker, today().minusDays(1))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.WORKER_NOT_FOUND));
        assertThat(SystemWork.call("read", () -> transactions.readInTenant(tegal, () -> views.list(tegal, ClaimQuery.all(),
                PageRequest.of(0, 100)).items().stream().filter(c -> c.workerId().equals(tegalWorker)).count()))).isZero();

        Actor asn = sponsor(pekalongan, "asn-claims-" + UUID.randomUUID());
        Actor otherAsn = sponsor(pekalongan, "asn-claims-other-" + UUID.randomUUID());
        UUID hisWorker = fixtures.worker(pekalongan, asn, null);
        fixtures.paid(pekalongan, hisWorker, YearMonth.from(today()).minusMonths(5), YearMonth.from(today()));
        refusedWithoutChange(hisWorker, otherAsn, jkm(hisWorker, today().minusDays(1)), null, EnrollmentProblem.WORKER_NOT_FOUND);
        Claim claim = report(asn, jkm(hisWorker, today().minusDays(1)));
        assertThat(claim.reportedBy()).isEqualTo(asn.subject());
        assertThat(Acting.as(asn, () -> views.list(pekalongan, ClaimQuery.all(), PageRequest.of(0, 100))).items())
                .extracting(ClaimSummary::claimId).containsExactly(claim.id());
        assertThat(Acting.as(otherAsn, () -> views.list(pekalongan, ClaimQuery.all(), PageRequest.of(0, 100))).items()).isEmpty();
        assertThatThrownBy(() -> Acting.as(otherAsn, () -> views.details(pekalongan, claim.id())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ClaimsProblem.CLAIM_NOT_FOUND));
    }

    @Test
    void rolesThatDoNotReportAreRefused() {
        UUID worker = fixtures.worker(pekalongan);
        for (Actor actor : List.of(ClaimsFixtures.kepala(pekalongan), ClaimsFixtures.opdHead(pekalongan))) {
            assertThatThrownBy(() -> report(actor, jkm(worker, today())))
                    .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.FORBIDDEN));
        }
    }

    @Test
    void anIncidentInAnUnpaidMonthIsReportedButNotEligibleAndHasNoCalculation() {
        UUID worker = fixtures.worker(pekalongan);
        YearMonth incidentMonth = YearMonth.from(today());
        fixtures.paid(pekalongan, worker, incidentMonth.minusMonths(8), incidentMonth.minusMonths(4));
        Claim claim = report(operator, jkm(worker, today().minusDays(1).withDayOfMonth(1)));
        assertThat(claim.eligibility().eligible()).isFalse();
        assertThat(claim.eligibility().paidMonths()).isEqualTo(5);
        assertThat(details(claim).lines()).isEmpty();
    }
}
