package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentProblem;
import id.payung.enrollment.WorkerImports;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.FundingPrograms.ProgramDetails;
import id.payung.sponsorship.ProgramEnrolment.NikLineProblem;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.support.Acting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static id.payung.sponsorship.AsnSponsorshipTests.refused;
import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator fills APBD, CSR and self-paid programs: chosen workers, an import, a NIK list; quota and ceiling. */
@PayungIntegrationTest
@RecordApplicationEvents
class ProgramEnrolmentTests {

    @Autowired ApplicationContext context;
    @Autowired FundingPrograms programs;
    @Autowired ProgramEnrolment enrolment;
    @Autowired WorkerImports imports;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired TenantTransactions transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    SponsorshipWorld pontianak;

    @BeforeEach
    void pemda() {
        pontianak = new SponsorshipWorld(context, "61.71", "KC-PONTIANAK");
    }

    FundingProgram cohort(String ceiling, String quota, int months) {
        return Acting.as(pontianak.operator(), () -> programs.create(pontianak.tenant, new ProgramDetails("APBD_COHORT",
                "Kohort " + UUID.randomUUID().toString().substring(0, 8), null, ceiling, quota, null, thisMonth().toString(),
                thisMonth().plusMonths(months - 1).toString(), null)));
    }

    @Test
    void chosenWorkersJoinACohortOnceEachAndEachFundingIsAnnounced() {
        var program = cohort("1000000000", "1000", 12);
        List<UUID> workers = List.of(pontianak.registerWorker("PETANI"), pontianak.registerWorker("NELAYAN"), pontianak.registerWorker("OJEK"));

        var result = Acting.as(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(), workers, thisMonth().toString()));
        assertThat(result.requested()).isEqualTo(3);
        assertThat(result.added()).isEqualTo(3);
        assertThat(result.lastPeriod()).isEqualTo(thisMonth().plusMonths(11));
        assertThat(events.stream(SponsorshipStarted.class).filter(e -> e.programId().equals(program.id())))
                .hasSize(3).allSatisfy(e -> {
                    assertThat(e.sponsorLinkId()).isNull();
                    assertThat(e.opdId()).isNull();
                    assertThat(e.firstPeriod()).isEqualTo(thisMonth());
                }).extracting(SponsorshipStarted::workerId).containsExactlyInAnyOrderElementsOf(workers);

        // The same request again adds nobody twice.
        var again = Acting.as(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(), workers, thisMonth().plusMonths(2).toString()));
        assertThat(again.added()).isZero();
        assertThat(again.alreadyFunded()).isEqualTo(3);

        // An APBD cohort pays 16,800 a month (no PP 50/2025 discount): 3 workers for 12 months.
        var figures = Acting.as(pontianak.kepala(), () -> programs.figures(pontianak.tenant, program.id()));
        assertThat(figures.fundedWorkers()).isEqualTo(3);
        assertThat(figures.fundedThisMonth()).isEqualTo(3);
        assertThat(figures.committedCost()).isEqualTo(3 * 12 * 16_800L);
        assertThat(figures.budgetLeft()).isEqualTo(1_000_000_000L - 3 * 12 * 16_800L);
        assertThat(figures.quotaLeft()).isEqualTo(997);
    }

    @Test
    void aCohortBeyondTheBudgetCeilingIsRefusedWholeSayingHowManyFit() {
        // 3 months of 16,800: 50,400 a worker; the ceiling takes two.
        var program = cohort("100800", "10", 3);
        List<UUID> three = List.of(pontianak.registerWorker("PETANI"), pontianak.registerWorker("PETANI"), pontianak.registerWorker("PETANI"));
        var refusal = refusal(() -> enrolment.addWorkers(pontianak.tenant, program.id(), three, thisMonth().toString()));
        assertThat(refusal.type()).isEqualTo(SponsorshipProblem.LIMITS_EXCEEDED);
        assertThat(refusal.arguments()).containsExactly(3, 2, 10, 100_800L, 151_200L);
        assertThat(fundingsOf(program)).isZero();

        assertThat(Acting.as(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(), three.subList(0, 2),
                thisMonth().toString())).added()).isEqualTo(2);
        assertThat(refusal(() -> enrolment.addWorkers(pontianak.tenant, program.id(), three, thisMonth().toString())).arguments())
                .containsExactly(1, 0, 8, 0L, 50_400L);
        assertThat(fundingsOf(program)).isEqualTo(2);
    }

    @Test
    void aCohortBeyondTheQuotaIsRefusedWholeSayingHowManyFit() {
        var program = cohort("1000000000", "2", 12);
        List<UUID> three = List.of(pontianak.registerWorker("PETANI"), pontianak.registerWorker("PETANI"), pontianak.registerWorker("PETANI"));
        var refusal = refusal(() -> enrolment.addWorkers(pontianak.tenant, program.id(), three, thisMonth().toString()));
        assertThat(refusal.type()).isEqualTo(SponsorshipProblem.LIMITS_EXCEEDED);
        assertThat(refusal.arguments()[0]).isEqualTo(3);
        assertThat(refusal.arguments()[1]).isEqualTo(2);
        assertThat(fundingsOf(program)).isZero();
    }

    @Test
    void endedWorkersAreLeftOutAndUnknownOnesRefuseTheChoice() {
        var program = cohort("1000000000", "100", 12);
        UUID ended = pontianak.registerWorker("PETANI");
        Acting.run(pontianak.operator(), () -> lifecycle.deactivate(pontianak.tenant, ended,
                new WorkerLifecycle.Deactivation("ENDED", "BERHENTI_BEKERJA", null, LocalDate.now().toString())));
        UUID live = pontianak.registerWorker("PETANI");
        var result = Acting.as(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(), List.of(ended, live), thisMonth().toString()));
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.ended()).isEqualTo(1);

        UUID ofAnotherPemda = new SponsorshipWorld(context, "61.04", "KC-MEMPAWAH").registerWorker("PETANI");
        refused(() -> Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(),
                List.of(live, ofAnotherPemda), thisMonth().toString())), SponsorshipProblem.WORKERS_NOT_IN_PEMDA);
        refused(() -> Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(), List.of(), thisMonth().toString())),
                SponsorshipProblem.SELECTION_EMPTY);
        assertThat(fundingsOf(program)).isEqualTo(1);
    }

    @Test
    void aNikListWithAnyBadLineIsRefusedWithEveryLineAndAGoodOneAddsItsWorkers() {
        var program = cohort("1000000000", "100", 12);
        String known = pontianak.manNik();
        pontianak.registerWorker(known, "PEDAGANG");
        String endedNik = pontianak.manNik();
        UUID ended = pontianak.registerWorker(endedNik, "PEDAGANG");
        Acting.run(pontianak.operator(), () -> lifecycle.deactivate(pontianak.tenant, ended,
                new WorkerLifecycle.Deactivation("ENDED", "BERHENTI_BEKERJA", null, LocalDate.now().toString())));
        String list = String.join("\n", "nik", known, "12345", pontianak.manNik(), known, endedNik, "");

        var refused = (ProgramEnrolment.NikListRefused) refusal(() -> enrolment.addNikList(pontianak.tenant, program.id(), list, thisMonth().toString()));
        assertThat(refused.lines()).extracting(NikLineProblem::line, NikLineProblem::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, SponsorshipProblem.NIK_LIST_FORMAT),
                org.assertj.core.groups.Tuple.tuple(4, SponsorshipProblem.NIK_LIST_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple(5, SponsorshipProblem.NIK_LIST_REPEATED),
                org.assertj.core.groups.Tuple.tuple(6, SponsorshipProblem.NIK_LIST_WORKER_ENDED));
        assertThat(fundingsOf(program)).isZero();

        String other = pontianak.manNik();
        pontianak.registerWorker(other, "PEDAGANG");
        var result = Acting.as(pontianak.operator(), () -> enrolment.addNikList(pontianak.tenant, program.id(),
                "nik;nama\n" + known + ";Budi\n\"" + other.substring(0, 8) + " " + other.substring(8) + "\";Budi\n", thisMonth().toString()));
        assertThat(result.added()).isEqualTo(2);
        refused(() -> Acting.run(pontianak.operator(), () -> enrolment.addNikList(pontianak.tenant, program.id(), "nik\n\n", thisMonth().toString())),
                SponsorshipProblem.NIK_LIST_EMPTY);
    }

    @Test
    void allWorkersAnImportStoredJoinACohort() throws Exception {
        var program = cohort("1000000000", "100", 12);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(String.join(",", pontianak.manNik(), "Pekerja Impor", "1990-05-17", "L", "Jl. Mawar 3", pontianak.village, "",
                    "PETANI", "", "Siti Aminah", "SPOUSE", pontianak.womanNik()));
        }
        String csv = String.join(",", WorkerImports.HEADER) + "\n" + String.join("\n", rows) + "\n";
        UUID importId = Acting.as(pontianak.operator(), () -> imports.start(pontianak.tenant, "kohort.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), WorkerImports.Mode.ALL_OR_NOTHING));
        WorkerImports.ImportJob job = null;
        for (int i = 0; i < 300 && (job == null || !job.finished()); i++) {
            if (job != null) Thread.sleep(100);
            job = Acting.as(pontianak.operator(), () -> imports.get(pontianak.tenant, importId));
        }
        assertThat(job.status()).isEqualTo(WorkerImports.Status.COMPLETED);
        assertThat(job.rowsStored()).isEqualTo(4);

        var result = Acting.as(pontianak.operator(), () -> enrolment.addImport(pontianak.tenant, program.id(), importId, thisMonth().toString()));
        assertThat(result.added()).isEqualTo(4);
        assertThat(fundingsOf(program)).isEqualTo(4);

        var mempawah = new SponsorshipWorld(context, "61.04", "KC-MEMPAWAH");
        var cohortThere = Acting.as(mempawah.operator(), () -> programs.create(mempawah.tenant, new ProgramDetails("SELF",
                "Mandiri " + UUID.randomUUID().toString().substring(0, 6), null, null, null, null, thisMonth().toString(), null, null)));
        assertThat(refusal(mempawah, () -> enrolment.addImport(mempawah.tenant, cohortThere.id(), importId, thisMonth().toString())).type())
                .isEqualTo(EnrollmentProblem.IMPORT_NOT_FOUND);
    }

    @Test
    void wrongProgramsMonthsAndRolesAreRefused() {
        var asnProgram = pontianak.asnProgram(false);
        UUID worker = pontianak.registerWorker("PETANI");
        refused(() -> Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, asnProgram.id(), List.of(worker), thisMonth().toString())),
                SponsorshipProblem.PROGRAM_FILLED_BY_SPONSORS);
        var later = Acting.as(pontianak.operator(), () -> programs.create(pontianak.tenant, new ProgramDetails("SELF",
                "Mandiri nanti " + UUID.randomUUID().toString().substring(0, 6), null, null, null, null, thisMonth().plusMonths(2).toString(), null, null)));
        refused(() -> Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, later.id(), List.of(worker), thisMonth().toString())),
                SponsorshipProblem.PERIOD_OUTSIDE_PROGRAM);
        assertThatThrownBy(() -> Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, later.id(), List.of(worker),
                thisMonth().minusMonths(1).toString()))).isInstanceOf(InvalidInput.class);
        refused(() -> Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, UUID.randomUUID(), List.of(worker), thisMonth().toString())),
                SponsorshipProblem.PROGRAM_NOT_FOUND);
        refused(() -> Acting.run(pontianak.kepala(), () -> enrolment.addWorkers(pontianak.tenant, later.id(), List.of(worker), thisMonth().plusMonths(2).toString())),
                PlatformProblem.FORBIDDEN);
        assertThat(fundingsOf(later)).isZero();
    }

    @Test
    void theOperatorEndsAFundingFromAMonthWithAReason() {
        var program = cohort("1000000000", "100", 12);
        UUID worker = pontianak.registerWorker("PETANI");
        Acting.run(pontianak.operator(), () -> enrolment.addWorkers(pontianak.tenant, program.id(), List.of(worker), thisMonth().toString()));
        var funding = Acting.as(pontianak.operator(), () -> enrolment.fundings(pontianak.tenant, program.id(), true, PageRequest.of(0, 5))).items().getFirst();
        assertThatThrownBy(() -> Acting.run(pontianak.operator(), () -> enrolment.end(pontianak.tenant, funding.funding().id(), thisMonth().plusMonths(1).toString(), "")))
                .isInstanceOf(InvalidInput.class);
        var ended = Acting.as(pontianak.operator(), () -> enrolment.end(pontianak.tenant, funding.funding().id(), thisMonth().plusMonths(1).toString(),
                "Pindah ke program provinsi"));
        assertThat(ended.lastPeriod()).isEqualTo(thisMonth());
        assertThat(ended.endReason()).isEqualTo("Pindah ke program provinsi");
        assertThat(Acting.as(pontianak.operator(), () -> enrolment.fundings(pontianak.tenant, program.id(), true, PageRequest.of(0, 5))).items()).hasSize(1);
        assertThat(Acting.as(pontianak.operator(), () -> enrolment.fundings(pontianak.tenant, program.id(), false, PageRequest.of(0, 5))).items())
                .singleElement().satisfies(f -> assertThat(f.worker().name()).isEqualTo("Budi Santoso"));
    }

    private DomainProblem refusal(java.util.function.Supplier<?> call) {
        return refusal(pontianak, call);
    }

    private static DomainProblem refusal(SponsorshipWorld world, java.util.function.Supplier<?> call) {
        try {
            Acting.as(world.operator(), call);
        } catch (DomainProblem problem) {
            return problem;
        }
        throw new AssertionError("not refused");
    }

    private int fundingsOf(FundingProgram program) {
        return SystemWork.call("test", () -> transactions.readInTenant(pontianak.tenant,
                () -> jdbc.queryForObject("SELECT count(*) FROM sponsorship.funding WHERE program_id = ?", Integer.class, program.id())));
    }

}
