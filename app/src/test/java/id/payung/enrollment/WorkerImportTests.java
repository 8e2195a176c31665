package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.WorkerImports.ImportJob;
import id.payung.enrollment.WorkerImports.Mode;
import id.payung.enrollment.WorkerImports.Status;
import id.payung.platform.DomainProblem;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static id.payung.enrollment.EnrollmentFixtures.BLITAR_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static id.payung.enrollment.EnrollmentFixtures.sponsor;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk import of workers from CSV: the two modes, idempotency, the national rule, and bad files. */
@PayungIntegrationTest
class WorkerImportTests {

    static final String HEADER = String.join(",", WorkerImports.HEADER);

    @Autowired WorkerImports imports;
    @Autowired WorkerRegistration registration;
    @Autowired TenantAdministration administration;

    static String row(String nik) {
        return row(nik, "Budi Santoso", "1990-05-17", "OJEK");
    }

    static String row(String nik, String name, String birthDate, String occupation) {
        return String.join(",", nik, name, birthDate, "L", "Jl. Mawar 3", KEDIRI_VILLAGE, "081234567890", occupation, "",
                "Siti Aminah", "SPOUSE", womanNik());
    }

    static InputStream csv(String... lines) {
        return new ByteArrayInputStream((HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    ImportJob importAndWait(TenantId tenant, Mode mode, InputStream file) {
        return Acting.as(operator(tenant), () -> {
            var started = imports.startJob(tenant, "kohort.csv", file, mode);
            try {
                started.work().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return imports.get(tenant, started.id());
        });
    }

    String report(TenantId tenant, UUID id) {
        StringWriter out = new StringWriter();
        Acting.run(operator(tenant), () -> imports.writeRejections(tenant, id, out));
        return out.toString();
    }

    boolean registered(TenantId tenant, String nik) {
        return Acting.as(operator(tenant), () -> registration.findByNik(tenant, nik)).isPresent();
    }

    @Test
    void keepGoodRowsStoresTheGoodRowsAndReportsTheBadOneInTheMiddle() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String first = manNik(), bad = manNik(), last = manNik();
        ImportJob job = importAndWait(kediri, Mode.KEEP_GOOD_ROWS,
                csv(row(first), row(bad, "Budi Santoso", "1990-05-18", "OJEK"), row(last)));

        assertThat(job.status()).isEqualTo(Status.COMPLETED);
        assertThat(job.rowsRead()).isEqualTo(3);
        assertThat(job.rowsValid()).isEqualTo(2);
        assertThat(job.rowsRejected()).isEqualTo(1);
        assertThat(job.rowsStored()).isEqualTo(2);
        assertThat(registered(kediri, first)).isTrue();
        assertThat(registered(kediri, last)).isTrue();
        assertThat(registered(kediri, bad)).isFalse();
        String report = report(kediri, job.id());
        assertThat(report.lines().toList()).hasSize(2);
        assertThat(report.lines().skip(1).findFirst().orElseThrow()).startsWith("3,tanggal_lahir,");
        assertThat(report).doesNotContain(bad);
    }

    @Test
    void allOrNothingStoresNothingWhenOneRowIsBad() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String first = manNik(), bad = manNik(), last = manNik();
        ImportJob job = importAndWait(kediri, Mode.ALL_OR_NOTHING,
                csv(row(first), row(bad, "Budi Santoso", "1990-05-17", "ASTRONOT"), row(last)));

        assertThat(job.status()).isEqualTo(Status.NOTHING_STORED);
        assertThat(job.rowsRejected()).isEqualTo(1);
        assertThat(job.rowsStored()).isZero();
        assertThat(registered(kediri, first)).isFalse();
        assertThat(registered(kediri, last)).isFalse();
        assertThat(report(kediri, job.id())).contains("3,pekerjaan,");
    }

    @Test
    void importingTheSameFileTwiceCreatesNoDuplicates() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String a = manNik(), b = manNik();
        String heir = womanNik();
        byte[] file = (HEADER + "\n" + row(a).replaceAll("[0-9]{16}$", heir) + "\n" + row(b).replaceAll("[0-9]{16}$", heir) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportJob once = importAndWait(kediri, Mode.ALL_OR_NOTHING, new ByteArrayInputStream(file));
        ImportJob twice = importAndWait(kediri, Mode.ALL_OR_NOTHING, new ByteArrayInputStream(file));

        assertThat(once.status()).isEqualTo(Status.COMPLETED);
        assertThat(once.rowsStored()).isEqualTo(2);
        assertThat(twice.status()).isEqualTo(Status.COMPLETED);
        assertThat(twice.rowsStored()).isZero();
        assertThat(twice.rowsExisting()).isEqualTo(2);
        var workers = Acting.as(operator(kediri), () -> registration.findByNik(kediri, a)).orElseThrow();
        var details = Acting.as(operator(kediri), () -> registration.get(kediri, workers.id()));
        assertThat(details.heirs()).hasSize(1);
        assertThat(details.history()).extracting(WorkerHistoryEntry::action).containsExactly("IMPORTED");
    }

    @Test
    void aNikTwiceInTheFileIsRejectedOnItsSecondRow() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String a = manNik();
        ImportJob job = importAndWait(kediri, Mode.KEEP_GOOD_ROWS, csv(row(a), row(a)));
        assertThat(job.rowsStored()).isEqualTo(1);
        assertThat(job.rowsRejected()).isEqualTo(1);
        assertThat(report(kediri, job.id())).contains("3,nik,NIK ini sudah ada di baris sebelumnya");
    }

    @Test
    void aPersonRegisteredInAnotherPemdaIsRejectedWithoutSayingWhere() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        String taken = manNik(), free = manNik();
        Acting.run(operator(blitar), () -> registration.register(blitar, man(taken, BLITAR_VILLAGE)));

        ImportJob job = importAndWait(kediri, Mode.KEEP_GOOD_ROWS, csv(row(free), row(taken)));
        assertThat(job.status()).isEqualTo(Status.COMPLETED);
        assertThat(job.rowsStored()).isEqualTo(1);
        assertThat(job.rowsRejected()).isEqualTo(1);
        String report = report(kediri, job.id());
        assertThat(report).contains("3,nik,").contains("already registered in another program").doesNotContain("Blitar");
        assertThat(registered(kediri, taken)).isFalse();

        String other = manNik();
        ImportJob strict = importAndWait(kediri, Mode.ALL_OR_NOTHING, csv(row(other), row(taken)));
        assertThat(strict.status()).isEqualTo(Status.NOTHING_STORED);
        assertThat(registered(kediri, other)).isFalse();
    }

    @Test
    void formulaCellsAreTextNeverEvaluatedAndNeutralisedInTheReport() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String good = manNik(), bad = manNik();
        ImportJob job = importAndWait(kediri, Mode.KEEP_GOOD_ROWS,
                csv(row(good, "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "1990-05-17", "OJEK"), row(bad, "Budi", "1990-05-17", "=1+1")));
        assertThat(job.rowsStored()).isEqualTo(1);
        var worker = Acting.as(operator(kediri), () -> registration.findByNik(kediri, good)).orElseThrow();
        assertThat(worker.name()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
        String report = report(kediri, job.id());
        assertThat(report).contains("3,pekerjaan,");
        for (String line : report.lines().toList()) {
            for (String cell : line.split(",")) assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        }
        assertThat(ImportCsv.csvCell("=1+1")).isEqualTo("'=1+1");
        assertThat(ImportCsv.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void aWrongHeaderIsRefusedWithTheColumnAndNothingStarts() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        InputStream file = new ByteArrayInputStream("nik,nama,tgl_lahir\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "a.csv", file, Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_HEADER);
                    assertThat(p.arguments()).contains(3, "tanggal_lahir", "tgl_lahir");
                });
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLineAndNothingStarts() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\n" + row(manNik()) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(row(manNik()).replace("Budi Santoso", "Budi S\u00e9ntoso").getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "latin1.csv",
                new ByteArrayInputStream(bytes.toByteArray()), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_ENCODING);
                    assertThat(p.arguments()).containsExactly(3);
                });
        // Indonesian text in UTF-8 is fine; so is a byte-order mark.
        String nik = manNik();
        byte[] utf8 = ("\uFEFF" + HEADER + "\n" + row(nik).replace("Budi Santoso", "Budi Séntoso") + "\n").getBytes(StandardCharsets.UTF_8);
        ImportJob job = importAndWait(kediri, Mode.ALL_OR_NOTHING, new ByteArrayInputStream(utf8));
        assertThat(job.rowsStored()).isEqualTo(1);
        assertThat(registered(kediri, nik)).isTrue();
    }

    @Test
    void filesOverTheSizeLimitAndFilesWhoseContentIsNotTheirTypeAreRefused() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        long limit = imports.maxBytes();
        InputStream huge = new InputStream() {
            long left = limit + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "big.csv", huge, Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_TOO_LARGE));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "kohort.xlsx", csv(), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_NOT_XLSX));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "kohort.xls", csv(), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_XLS_OLD_FORMAT));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "kohort.csv", new ByteArrayInputStream(zip), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_CSV_IS_XLSX));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "kohort.pdf", csv(), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_FILE_TYPE));
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "kohort.csv", csv(), null)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_MODE_REQUIRED));
    }

    @Test
    void onlyOperatorsAndBpjsStaffOfThePemdaMayImport() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        assertThatThrownBy(() -> Acting.run(sponsor(kediri, "asn-import"), () -> imports.start(kediri, "a.csv", csv(row(manNik())), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOf(DomainProblem.class);
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> imports.start(kediri, "a.csv", csv(row(manNik())), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.TENANT_ACCESS_DENIED));
        ImportJob mine = importAndWait(kediri, Mode.KEEP_GOOD_ROWS, csv(row(manNik())));
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> imports.get(kediri, mine.id())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.TENANT_ACCESS_DENIED));
        assertThatThrownBy(() -> Acting.as(operator(blitar), () -> imports.get(blitar, mine.id())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_NOT_FOUND));
        assertThat(List.of(mine.status())).containsExactly(Status.COMPLETED);
    }
}
