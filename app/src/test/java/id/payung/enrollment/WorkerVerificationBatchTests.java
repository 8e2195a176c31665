package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.VerificationBatches.RowProblem;
import id.payung.platform.AuditTrail;
import id.payung.platform.DomainProblem;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.io.StringWriter;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static id.payung.enrollment.WorkerLifecycleTests.bpjs;
import static id.payung.enrollment.WorkerLifecycleTests.newKpj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verification by batch: export of pending workers, BPJS's result file applied all or nothing. */
@PayungIntegrationTest
@RecordApplicationEvents
class WorkerVerificationBatchTests {

    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired VerificationBatches batches;
    @Autowired TenantAdministration administration;
    @Autowired TenantTransactions transactions;
    @Autowired AuditTrail audit;
    @Autowired ApplicationEvents events;

    private Worker registered(TenantId tenant) {
        return Acting.as(operator(tenant), () -> registration.register(tenant, man(manNik(), KEDIRI_VILLAGE))).worker();
    }

    private WorkerStatus statusOf(TenantId tenant, Worker w) {
        return Acting.as(operator(tenant), () -> registration.get(tenant, w.id())).worker().status();
    }

    @Test
    void bpjsStaffExportThePendingWorkersAndTheExportIsAuditedWithACountOnly() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker pending = registered(kediri);
        Worker verified = registered(kediri);
        Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, verified.id(), newKpj()));

        StringWriter csv = new StringWriter();
        int count = Acting.as(bpjs("KC-KEDIRI"), () -> batches.exportPending(kediri, csv));
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("worker_id,nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,pekerjaan");
        assertThat(lines).hasSize(count + 1);
        assertThat(csv.toString()).contains(pending.id() + "," + pending.nik() + ",Budi Santoso,1990-05-17,L," + KEDIRI_VILLAGE + ",OJEK")
                .doesNotContain(verified.nik());
        var entries = Acting.as(operator(kediri), () -> transactions.readInTenant(kediri, () -> audit.recent(50)));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("worker.batch.exported");
            assertThat(e.details()).containsEntry("workers", String.valueOf(count));
        });
        assertThat(entries.toString()).doesNotContain(pending.nik());

        // who may not: the operator, BPJS staff of another office
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> batches.exportPending(kediri, new StringWriter())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.FORBIDDEN));
        EnrollmentFixtures.blitar(administration);
        assertThatThrownBy(() -> Acting.run(bpjs("KC-BLITAR"), () -> batches.exportPending(kediri, new StringWriter())))
                .isInstanceOf(DomainProblem.class);
    }

    @Test
    void aResultFileWithOneBadRowChangesNothingAndReportsEveryProblemRowThenTheCorrectedFileVerifiesAll() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker a = registered(kediri);
        Worker b = registered(kediri);
        Worker c = registered(kediri);
        Worker done = registered(kediri);
        String takenKpj = newKpj();
        Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, done.id(), takenKpj));
        String kpjA = newKpj();
        events.clear();

        String bad = "\uFEFFnik,kpj,status,reason\r\n"
                + a.nik() + "," + kpjA + ",DITERIMA,\r\n"           // row 2: fine
                + b.nik() + ",123,DITERIMA,\r\n"                      // row 3: malformed KPJ
                + manNik() + "," + newKpj() + ",DITERIMA,\r\n"       // row 4: unknown NIK
                + done.nik() + "," + newKpj() + ",DITERIMA,\r\n"     // row 5: not pending
                + c.nik() + "," + takenKpj + ",DITERIMA,\r\n"        // row 6: KPJ taken
                + "12345,,DITOLAK,\r\n";                              // row 7: malformed NIK, no reason
        var refused = Acting.as(bpjs("KC-KEDIRI"), () -> batches.applyResults(kediri, bad));
        assertThat(refused.applied()).isFalse();
        assertThat(refused.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "kpj", EnrollmentProblem.KPJ_FORMAT),
                org.assertj.core.groups.Tuple.tuple(4, "nik", EnrollmentProblem.BATCH_UNKNOWN_NIK),
                org.assertj.core.groups.Tuple.tuple(5, "nik", EnrollmentProblem.BATCH_NOT_PENDING),
                org.assertj.core.groups.Tuple.tuple(6, "kpj", EnrollmentProblem.KPJ_TAKEN),
                org.assertj.core.groups.Tuple.tuple(7, "nik", EnrollmentProblem.NIK_FORMAT),
                org.assertj.core.groups.Tuple.tuple(7, "reason", EnrollmentProblem.REQUIRED));
        assertThat(refused.problems().toString()).doesNotContain(a.nik());
        assertThat(statusOf(kediri, a)).as("all or nothing").isEqualTo(WorkerStatus.REGISTERED);
        assertThat(events.stream(WorkerVerified.class)).isEmpty();

        assertThatThrownBy(() -> Acting.run(bpjs("KC-KEDIRI"), () -> batches.applyResults(kediri, "kpj;nik\n1;2")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.BATCH_HEADER));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> batches.applyResults(kediri, "nik,kpj\n")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.FORBIDDEN));

        String good = "nik,status,reason,kpj\n"
                + a.nik() + ",DITERIMA,," + kpjA + "\n"
                + b.nik() + ",DITOLAK,\"data KTP tidak cocok, cek ulang\",\n";
        var applied = Acting.as(bpjs("KC-KEDIRI"), () -> batches.applyResults(kediri, good));
        assertThat(applied.applied()).isTrue();
        assertThat(applied.verified()).isEqualTo(1);
        assertThat(applied.rejected()).isEqualTo(1);
        assertThat(statusOf(kediri, a)).isEqualTo(WorkerStatus.VERIFIED);
        assertThat(statusOf(kediri, b)).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(events.stream(WorkerVerified.class)).containsExactly(new WorkerVerified(kediri, a.id()));
        var historyB = Acting.as(operator(kediri), () -> registration.get(kediri, b.id())).history();
        assertThat(historyB.getFirst().action()).isEqualTo("REJECTED_BY_BPJS");
        assertThat(historyB.getFirst().detail()).isEqualTo("data KTP tidak cocok, cek ulang");

        // the simple format: nik,kpj
        var simple = Acting.as(bpjs("KC-KEDIRI"), () -> batches.applyResults(kediri, "nik,kpj\n" + c.nik() + "," + newKpj() + "\n"));
        assertThat(simple.applied()).isTrue();
        assertThat(statusOf(kediri, c)).isEqualTo(WorkerStatus.VERIFIED);
    }
}
