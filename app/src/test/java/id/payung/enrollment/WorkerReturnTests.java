package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentEvents.WorkerReactivated;
import id.payung.enrollment.EnrollmentEvents.WorkerRegistered;
import id.payung.enrollment.WorkerLifecycle.Deactivation;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static id.payung.enrollment.EnrollmentFixtures.BLITAR_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static id.payung.enrollment.EnrollmentFixtures.sponsor;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static id.payung.enrollment.WorkerLifecycleTests.bpjs;
import static id.payung.enrollment.WorkerLifecycleTests.newKpj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ways back: an INACTIVE worker reactivated with a reason; an ENDED worker registered again in the same pemda. */
@PayungIntegrationTest
@RecordApplicationEvents
class WorkerReturnTests {

    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired WorkerImports imports;
    @Autowired TenantAdministration administration;
    @Autowired ApplicationEvents events;

    static final String TODAY = Nik.today().toString();

    private Worker registered(TenantId tenant, String nik, String village) {
        return Acting.as(operator(tenant), () -> registration.register(tenant, man(nik, village))).worker();
    }

    private Worker deactivate(TenantId tenant, Worker worker, String status, String reason) {
        return Acting.as(operator(tenant), () -> lifecycle.deactivate(tenant, worker.id(), new Deactivation(status, reason, null, TODAY)));
    }

    private WorkerRegistration.WorkerDetails details(TenantId tenant, Worker worker) {
        return Acting.as(operator(tenant), () -> registration.get(tenant, worker.id()));
    }

    @Test
    void anInactiveWorkerIsBroughtBackToVerifiedWithTheReasonInHisHistory() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = registered(kediri, manNik(), KEDIRI_VILLAGE);
        String kpj = newKpj();
        Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, worker.id(), kpj));
        deactivate(kediri, worker, "INACTIVE", "BERHENTI_BEKERJA");

        Worker back = Acting.as(bpjs("KC-KEDIRI"), () -> lifecycle.reactivate(kediri, worker.id(), "  Bekerja lagi   sebagai ojek "));

        assertThat(back.status()).isEqualTo(WorkerStatus.VERIFIED);
        assertThat(back.kpj()).isEqualTo(kpj);
        var latest = details(kediri, worker).history().getFirst();
        assertThat(latest.action()).isEqualTo("REACTIVATED");
        assertThat(latest.status()).isEqualTo(WorkerStatus.VERIFIED);
        assertThat(latest.detail()).isEqualTo("Bekerja lagi sebagai ojek");
        assertThat(latest.actorName()).isEqualTo("Petugas KC-KEDIRI");
        assertThat(events.stream(WorkerReactivated.class)).contains(new WorkerReactivated(kediri, worker.id()));
        // and he can be made inactive again, like any verified worker
        assertThat(deactivate(kediri, worker, "INACTIVE", "PERMINTAAN_SENDIRI").status())
                .isEqualTo(WorkerStatus.INACTIVE);
    }

    @Test
    void aWorkerWithoutKpjComesBackRegistered() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = registered(kediri, manNik(), KEDIRI_VILLAGE);
        deactivate(kediri, worker, "INACTIVE", "PINDAH_DOMISILI");
        assertThat(Acting.as(operator(kediri), () -> lifecycle.reactivate(kediri, worker.id(), "Kembali ke Kediri")).status())
                .isEqualTo(WorkerStatus.REGISTERED);
    }

    @Test
    void reactivationNeedsAReasonAnInactiveWorkerAndAnOperatorOrBpjsStaff() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker active = registered(kediri, manNik(), KEDIRI_VILLAGE);
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> lifecycle.reactivate(kediri, active.id(), "alasan")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.STATUS_CHANGE_REFUSED));

        Worker inactive = registered(kediri, manNik(), KEDIRI_VILLAGE);
        deactivate(kediri, inactive, "INACTIVE", "BERHENTI_BEKERJA");
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> lifecycle.reactivate(kediri, inactive.id(), "  ")))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.fieldProblems())
                        .anySatisfy(f -> assertThat(f.type()).isEqualTo(EnrollmentProblem.REQUIRED)));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> lifecycle.reactivate(kediri, inactive.id(), "x".repeat(301))))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.fieldProblems())
                        .anySatisfy(f -> assertThat(f.type()).isEqualTo(EnrollmentProblem.REACTIVATION_REASON_INVALID)));
        assertThatThrownBy(() -> Acting.run(sponsor(kediri, "asn-return"), () -> lifecycle.reactivate(kediri, inactive.id(), "alasan")))
                .isInstanceOf(DomainProblem.class);
        assertThat(details(kediri, inactive).worker().status()).isEqualTo(WorkerStatus.INACTIVE);

        Worker ended = registered(kediri, manNik(), KEDIRI_VILLAGE);
        deactivate(kediri, ended, "ENDED", "PINDAH_DOMISILI");
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> lifecycle.reactivate(kediri, ended.id(), "alasan")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.STATUS_CHANGE_REFUSED));
    }

    @Test
    void anEndedWorkerIsRegisteredAgainInTheSamePemdaAndHoldsTheNationalMembershipAgain() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        String nik = manNik();
        Worker worker = registered(kediri, nik, KEDIRI_VILLAGE);
        Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, worker.id(), newKpj()));
        deactivate(kediri, worker, "ENDED", "PINDAH_DOMISILI");

        Application again = new Application(nik, "Budi Santoso Baru", "1990-05-17", "L", "Jl. Melati 9", KEDIRI_VILLAGE,
                null, "PETANI", null, List.of(new HeirDetails("Anak Budi", "CHILD", womanNik())));
        var outcome = Acting.as(operator(kediri), () -> registration.register(kediri, again));

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.reRegistered()).isTrue();
        Worker back = outcome.worker();
        assertThat(back.id()).isEqualTo(worker.id());
        assertThat(back.status()).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(back.kpj()).isNull();
        assertThat(back.name()).isEqualTo("Budi Santoso Baru");
        assertThat(back.occupationCode()).isEqualTo("PETANI");
        var details = details(kediri, worker);
        assertThat(details.heirs()).extracting(Heir::name).containsExactly("Anak Budi");
        assertThat(details.history()).extracting(WorkerHistoryEntry::action).containsExactly("RE_REGISTERED", "ENDED", "VERIFIED", "REGISTERED");
        assertThat(events.stream(WorkerRegistered.class).filter(e -> e.workerId().equals(worker.id()))).hasSize(2);

        // registering him a third time just shows him; another pemda is refused again
        assertThat(Acting.as(operator(kediri), () -> registration.register(kediri, again)).created()).isFalse();
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> registration.register(blitar, man(nik, BLITAR_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.REGISTERED_ELSEWHERE));
    }

    @Test
    void anEndedWorkerWhomAnotherPemdaRegisteredMeanwhileIsNotRegisteredAgain() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        String nik = manNik();
        Worker worker = registered(kediri, nik, KEDIRI_VILLAGE);
        deactivate(kediri, worker, "ENDED", "PINDAH_DOMISILI");
        registered(blitar, nik, BLITAR_VILLAGE);

        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.REGISTERED_ELSEWHERE));
        assertThat(details(kediri, worker).worker().status()).isEqualTo(WorkerStatus.ENDED);
    }

    @Test
    void anImportRegistersAgainTheEndedWorkersOfThePemdaAndCountsThemStored() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String endedNik = manNik(), activeNik = manNik(), newNik = manNik();
        Worker ended = registered(kediri, endedNik, KEDIRI_VILLAGE);
        deactivate(kediri, ended, "ENDED", "BERHENTI_BEKERJA");
        registered(kediri, activeNik, KEDIRI_VILLAGE);
        String csv = WorkerImportTests.HEADER + "\n" + WorkerImportTests.row(endedNik) + "\n" + WorkerImportTests.row(activeNik) + "\n"
                + WorkerImportTests.row(newNik) + "\n";

        var job = Acting.as(operator(kediri), () -> {
            var started = imports.startJob(kediri, "kembali.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    WorkerImports.Mode.ALL_OR_NOTHING);
            try {
                started.work().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return imports.get(kediri, started.id());
        });

        assertThat(job.status()).isEqualTo(WorkerImports.Status.COMPLETED);
        assertThat(job.rowsStored()).isEqualTo(2);
        assertThat(job.rowsExisting()).isEqualTo(1);
        var back = details(kediri, ended);
        assertThat(back.worker().status()).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(back.heirs()).extracting(Heir::name).containsExactly("Siti Aminah");
        assertThat(back.history().getFirst().action()).isEqualTo("RE_REGISTERED");
    }
}
