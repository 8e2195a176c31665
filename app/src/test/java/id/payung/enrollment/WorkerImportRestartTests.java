package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.WorkerImports.ImportJob;
import id.payung.enrollment.WorkerImports.Status;
import id.payung.enrollment.persistence.ImportRows;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.util.UUID;

import static id.payung.enrollment.EnrollmentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import cut off by a restart (its job lived in the memory of an instance that is gone) does not stay
 * RUNNING: once its heart has stopped it is marked FAILED, saying what was stored.
 */
@PayungIntegrationTest
class WorkerImportRestartTests {

    @Autowired ImportHeartbeat heartbeat;
    @Autowired ImportRows rows;
    @Autowired WorkerImports imports;
    @Autowired TenantTransactions transactions;
    @Autowired TenantAdministration administration;

    /** A job as a previous life of the application left it: RUNNING, with what it had stored so far. */
    UUID orphan(TenantId tenant, WorkerImports.Mode mode, int storedBeforeTheRestart) {
        UUID id = UUID.randomUUID();
        Acting.run(operator(tenant), () -> transactions.inTenant(tenant, () -> {
            rows.createJob(tenant, id, "kohort.csv", mode.name(), "operator-before-restart", "Operator");
            rows.addProgress(tenant, id, 10_000, 10_000, 0);
            rows.addStored(tenant, id, storedBeforeTheRestart, 0, 0);
        }));
        return id;
    }

    ImportJob job(TenantId tenant, UUID id) {
        return Acting.as(operator(tenant), () -> imports.get(tenant, id));
    }

    @Test
    void anAllOrNothingImportCutOffByARestartIsFailedSayingNothingPartialWasStored() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        UUID id = orphan(kediri, WorkerImports.Mode.ALL_OR_NOTHING, 0);

        int failed = heartbeat.failSilentSince(OffsetDateTime.now().plusSeconds(1));

        assertThat(failed).isGreaterThanOrEqualTo(1);
        ImportJob job = job(kediri, id);
        assertThat(job.status()).isEqualTo(Status.FAILED);
        assertThat(job.finishedAt()).isNotNull();
        assertThat(job.rowsStored()).isZero();
        assertThat(job.problem()).isEqualTo("Impor terputus karena aplikasi dimulai ulang; tidak ada yang disimpan sebagian. Unggah lagi berkasnya.");
    }

    @Test
    void aKeepGoodRowsImportCutOffByARestartSaysHowManyWorkersWereStored() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        UUID id = orphan(kediri, WorkerImports.Mode.KEEP_GOOD_ROWS, 5_000);

        heartbeat.failSilentSince(OffsetDateTime.now().plusSeconds(1));

        ImportJob job = job(kediri, id);
        assertThat(job.status()).isEqualTo(Status.FAILED);
        assertThat(job.rowsStored()).isEqualTo(5_000);
        assertThat(job.problem()).contains("setelah 5.000 pekerja").contains("Unggah lagi berkas yang sama");
    }

    @Test
    void anImportWhoseHeartStillBeatsIsLeftRunning() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        UUID id = orphan(kediri, WorkerImports.Mode.ALL_OR_NOTHING, 0);

        heartbeat.failSilentSince(OffsetDateTime.now().minusMinutes(1));

        assertThat(job(kediri, id).status()).isEqualTo(Status.RUNNING);
        heartbeat.failSilentSince(OffsetDateTime.now().plusSeconds(1)); // leave no RUNNING job to the other tests
        assertThat(job(kediri, id).status()).isEqualTo(Status.FAILED);
    }
}
