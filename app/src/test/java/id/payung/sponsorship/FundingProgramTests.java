package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.InvalidInput;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.FundingPrograms.ProgramDetails;
import id.payung.sponsorship.SponsorshipEvents.FundingProgramCreated;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.support.Acting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static id.payung.sponsorship.AsnSponsorshipTests.refused;
import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;

/** The Disnaker operator's funding programs: the four kinds, their rules, closing one. */
@PayungIntegrationTest
@RecordApplicationEvents
class FundingProgramTests {

    @Autowired ApplicationContext context;
    @Autowired FundingPrograms programs;
    @Autowired ProgramEnrolment enrolment;
    @Autowired TenantTransactions transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    SponsorshipWorld mataram;

    @BeforeEach
    void pemda() {
        mataram = new SponsorshipWorld(context, "52.71", "KC-MATARAM");
    }

    static ProgramDetails apbd(String name, String ceiling, String quota, YearMonth first, YearMonth last) {
        return new ProgramDetails("APBD_COHORT", name, null, ceiling, quota, null, first.toString(), last.toString(), null);
    }

    @Test
    void theOperatorCreatesEachKindOfProgramAndEveryoneWhoMayReadSeesThem() {
        String suffix = " " + UUID.randomUUID().toString().substring(0, 6);
        var cohort = Acting.as(mataram.operator(), () -> programs.create(mataram.tenant,
                apbd("Kohort APBD" + suffix, "Rp 1.512.000.000", "7.500", thisMonth(), thisMonth().plusMonths(11))));
        assertThat(cohort.kind()).isEqualTo(FundingKind.APBD_COHORT);
        assertThat(cohort.countsAsApbd()).isTrue();
        assertThat(cohort.budgetCeiling()).isEqualTo(1_512_000_000L);
        assertThat(cohort.workerQuota()).isEqualTo(7_500);
        assertThat(cohort.months()).isEqualTo(12);

        var csr = Acting.as(mataram.operator(), () -> programs.create(mataram.tenant, new ProgramDetails("csr", "CSR Bank" + suffix, null,
                null, null, "PT Bank Contoh", thisMonth().toString(), null, "6")));
        assertThat(csr.donorName()).isEqualTo("PT Bank Contoh");
        assertThat(csr.lastPeriod()).isEqualTo(thisMonth().plusMonths(5));
        assertThat(csr.countsAsApbd()).isFalse();

        var self = Acting.as(mataram.operator(), () -> programs.create(mataram.tenant, new ProgramDetails("SELF", "Mandiri" + suffix, null,
                null, null, null, thisMonth().toString(), null, null)));
        assertThat(self.lastPeriod()).isNull();

        assertThat(events.stream(FundingProgramCreated.class).map(FundingProgramCreated::programId))
                .contains(cohort.id(), csr.id(), self.id());
        for (var reader : List.of(mataram.operator(), mataram.kepala(), mataram.bpjs())) {
            assertThat(Acting.as(reader, () -> programs.list(mataram.tenant))).extracting(FundingProgram::id).contains(cohort.id(), csr.id(), self.id());
        }
        var asn = mataram.asn("Lalu Ahmad", mataram.disnaker);
        refused(() -> Acting.run(asn.actor(mataram.tenant), () -> programs.list(mataram.tenant)), PlatformProblem.FORBIDDEN);
        refused(() -> Acting.run(mataram.kepala(), () -> programs.create(mataram.tenant, new ProgramDetails("SELF", "Kepala" + suffix, null,
                null, null, null, thisMonth().toString(), null, null))), PlatformProblem.FORBIDDEN);
    }

    @Test
    void onlyOneAsnProgramPerPemdaAndItsApbdSettingIsThePemdasChoice() {
        var first = mataram.asnProgram(false);
        assertThat(first.countsAsApbd()).isFalse();
        int before = programCount();
        refused(() -> Acting.run(mataram.operator(), () -> programs.create(mataram.tenant, new ProgramDetails("ASN_TPP", "Sponsor ASN kedua",
                true, null, null, null, thisMonth().toString(), null, null))), SponsorshipProblem.ASN_PROGRAM_EXISTS);
        assertThat(programCount()).isEqualTo(before);
    }

    @Test
    void badProgramsAreRefusedFieldByFieldAndStoreNothing() {
        int before = programCount();
        assertThat(fieldProblems(new ProgramDetails(null, "ab", null, null, null, null, null, null, null)))
                .contains(List.of("kind", SponsorshipProblem.REQUIRED), List.of("name", SponsorshipProblem.PROGRAM_NAME_INVALID),
                        List.of("firstPeriod", SponsorshipProblem.REQUIRED));
        assertThat(fieldProblems(new ProgramDetails("LOTTERY", "Undian", null, null, null, null, "2027-13", null, null)))
                .contains(List.of("kind", SponsorshipProblem.PROGRAM_KIND_INVALID), List.of("firstPeriod", SponsorshipProblem.PERIOD_INVALID));
        // An APBD cohort needs its ceiling, quota and last month, and always counts as APBD.
        assertThat(fieldProblems(new ProgramDetails("APBD_COHORT", "Kohort tanpa batas", false, null, null, null, thisMonth().toString(), null, null)))
                .contains(List.of("budgetCeiling", SponsorshipProblem.REQUIRED), List.of("workerQuota", SponsorshipProblem.REQUIRED),
                        List.of("lastPeriod", SponsorshipProblem.PROGRAM_LAST_PERIOD_REQUIRED),
                        List.of("countsAsApbd", SponsorshipProblem.PROGRAM_APBD_MUST_COUNT));
        assertThat(fieldProblems(apbd("Kohort minus", "-5", "0", thisMonth(), thisMonth().minusMonths(1))))
                .contains(List.of("budgetCeiling", SponsorshipProblem.PROGRAM_CEILING_INVALID),
                        List.of("workerQuota", SponsorshipProblem.PROGRAM_QUOTA_INVALID),
                        List.of("lastPeriod", SponsorshipProblem.PROGRAM_LAST_BEFORE_FIRST));
        // A CSR program names its donor and its months; an ASN program has no ceiling, quota or donor.
        assertThat(fieldProblems(new ProgramDetails("CSR", "CSR kosong", null, null, null, null, thisMonth().toString(), "2027-12", "99")))
                .contains(List.of("donorName", SponsorshipProblem.REQUIRED), List.of("months", SponsorshipProblem.PROGRAM_MONTHS_INVALID),
                        List.of("lastPeriod", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND));
        assertThat(fieldProblems(new ProgramDetails("ASN_TPP", "ASN dengan plafon", null, "1000", "5", "PT X", thisMonth().toString(), null, "3")))
                .contains(List.of("budgetCeiling", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND),
                        List.of("workerQuota", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND),
                        List.of("donorName", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND),
                        List.of("months", SponsorshipProblem.PROGRAM_LIMITS_NOT_FOR_KIND));
        // Months too far back or ahead.
        assertThat(fieldProblems(new ProgramDetails("SELF", "Mandiri lama", null, null, null, null, thisMonth().minusMonths(13).toString(), null, null)))
                .contains(List.of("firstPeriod", SponsorshipProblem.PERIOD_IN_PAST));
        assertThat(fieldProblems(new ProgramDetails("SELF", "Mandiri jauh", null, null, null, null, thisMonth().plusMonths(13).toString(), null, null)))
                .contains(List.of("firstPeriod", SponsorshipProblem.PERIOD_TOO_FAR));
        // A name already used in the pemda.
        String name = "Kohort ganda " + UUID.randomUUID().toString().substring(0, 6);
        Acting.run(mataram.operator(), () -> programs.create(mataram.tenant, apbd(name, "1000000", "10", thisMonth(), thisMonth().plusMonths(1))));
        refused(() -> Acting.run(mataram.operator(), () -> programs.create(mataram.tenant, apbd(name.toUpperCase(), "1000000", "10",
                thisMonth(), thisMonth().plusMonths(1)))), SponsorshipProblem.PROGRAM_NAME_TAKEN);
        assertThat(programCount()).isEqualTo(before + 1);
    }

    @Test
    void closingAProgramEndsItsRunningFundingsCancelsThoseNotBegunAndTakesNoMoreWorkers() {
        var cohort = Acting.as(mataram.operator(), () -> programs.create(mataram.tenant,
                apbd("Kohort tutup " + UUID.randomUUID().toString().substring(0, 6), "100000000", "100", thisMonth(), thisMonth().plusMonths(11))));
        UUID now = mataram.registerWorker("PETANI");
        UUID later = mataram.registerWorker("NELAYAN");
        Acting.run(mataram.operator(), () -> enrolment.addWorkers(mataram.tenant, cohort.id(), List.of(now), thisMonth().toString()));
        Acting.run(mataram.operator(), () -> enrolment.addWorkers(mataram.tenant, cohort.id(), List.of(later), thisMonth().plusMonths(3).toString()));

        refused(() -> Acting.run(mataram.operator(), () -> programs.close(mataram.tenant, cohort.id(), thisMonth().minusMonths(2).toString())),
                SponsorshipProblem.PROGRAM_CLOSE_TOO_EARLY);
        var closed = Acting.as(mataram.operator(), () -> programs.close(mataram.tenant, cohort.id(), thisMonth().plusMonths(1).toString()));
        assertThat(closed.status()).isEqualTo(FundingProgram.Status.CLOSED);
        assertThat(closed.lastPeriod()).isEqualTo(thisMonth().plusMonths(1));

        var fundings = Acting.as(mataram.operator(), () -> enrolment.fundings(mataram.tenant, cohort.id(), false, id.payung.platform.PageRequest.of(0, 10))).items();
        assertThat(fundings).hasSize(2);
        assertThat(fundings).filteredOn(f -> f.funding().workerId().equals(now)).singleElement()
                .satisfies(f -> assertThat(f.funding().lastPeriod()).isEqualTo(thisMonth().plusMonths(1)));
        assertThat(fundings).filteredOn(f -> f.funding().workerId().equals(later)).singleElement()
                .satisfies(f -> assertThat(f.funding().isCancelled()).isTrue());
        assertThat(events.stream(SponsorshipEnded.class).filter(e -> e.programId().equals(cohort.id()))).hasSize(2);

        refused(() -> Acting.run(mataram.operator(), () -> enrolment.addWorkers(mataram.tenant, cohort.id(),
                List.of(mataram.registerWorker("PETANI")), thisMonth().toString())), SponsorshipProblem.PROGRAM_CLOSED);
        refused(() -> Acting.run(mataram.operator(), () -> programs.close(mataram.tenant, cohort.id(), thisMonth().toString())),
                SponsorshipProblem.PROGRAM_CLOSED);
    }

    private List<List<Object>> fieldProblems(ProgramDetails details) {
        try {
            Acting.run(mataram.operator(), () -> programs.create(mataram.tenant, details));
        } catch (InvalidInput invalid) {
            return invalid.fieldProblems().stream().map(p -> List.<Object>of(p.field(), p.type())).toList();
        }
        throw new AssertionError("not refused: " + details);
    }

    private int programCount() {
        return SystemWork.call("test", () -> transactions.readInTenant(mataram.tenant,
                () -> jdbc.queryForObject("SELECT count(*) FROM sponsorship.funding_program", Integer.class)));
    }

}
