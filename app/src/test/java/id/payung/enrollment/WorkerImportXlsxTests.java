package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.WorkerImports.ImportJob;
import id.payung.enrollment.WorkerImports.Mode;
import id.payung.enrollment.WorkerImports.Status;
import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk import from real XLSX workbooks (written with fastexcel): same columns, rules and report as CSV, plus the cell types a sheet has. */
@PayungIntegrationTest
class WorkerImportXlsxTests {

    @Autowired WorkerImports imports;
    @Autowired WorkerRegistration registration;
    @Autowired TenantAdministration administration;

    /** A workbook whose first sheet has the header and the rows the writer puts from row 2 (index 1). */
    static byte[] xlsx(Consumer<Worksheet> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Payung tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Pekerja");
            for (int c = 0; c < WorkerImports.HEADER.size(); c++) sheet.value(0, c, WorkerImports.HEADER.get(c));
            rows.accept(sheet);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid worker on the given sheet row (0-based index), every cell typed as text. */
    static void row(Worksheet sheet, int r, String nik) {
        List<String> cells = List.of(nik, "Budi Santoso", "1990-05-17", "L", "Jl. Mawar 3", KEDIRI_VILLAGE, "081234567890", "OJEK", "",
                "Siti Aminah", "SPOUSE", womanNik());
        for (int c = 0; c < cells.size(); c++) if (!cells.get(c).isEmpty()) sheet.value(r, c, cells.get(c));
    }

    ImportJob importAndWait(TenantId tenant, Mode mode, byte[] file) {
        return Acting.as(operator(tenant), () -> {
            var started = imports.startJob(tenant, "kohort.xlsx", new ByteArrayInputStream(file), mode);
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
    void keepGoodRowsStoresTheGoodRowsOfASheetAndReportsFormulasNumbersAndErrorsByRowAndColumn() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String good = manNik(), dated = manNik(), formula = manNik(), numericPhone = manNik(), textFormula = manNik();
        String numericNik = manNik();
        byte[] file = xlsx(sheet -> {
            row(sheet, 1, good);
            row(sheet, 2, dated);
            sheet.value(2, 2, LocalDate.of(1990, 5, 17)); // a real date cell
            sheet.style(2, 2).format("dd/mm/yyyy").set();
            row(sheet, 3, numericNik);
            sheet.value(3, 0, Long.parseLong(numericNik)); // a NIK typed as a number
            row(sheet, 4, formula);
            sheet.formula(4, 1, "CONCATENATE(\"Budi\",\" Santoso\")");
            row(sheet, 5, numericPhone);
            sheet.value(5, 6, 81234567890L); // a phone typed as a number: its leading 0 is gone
            // row 7 (index 6) left empty: skipped like a blank line
            row(sheet, 7, textFormula);
            sheet.value(7, 1, "=HYPERLINK(\"http://x\",\"y\")"); // text that looks like a formula is text
        });

        ImportJob job = importAndWait(kediri, Mode.KEEP_GOOD_ROWS, file);

        assertThat(job.status()).isEqualTo(Status.COMPLETED);
        assertThat(job.rowsRead()).isEqualTo(6);
        assertThat(job.rowsStored()).isEqualTo(3);
        assertThat(job.rowsRejected()).isEqualTo(3);
        assertThat(registered(kediri, good)).isTrue();
        assertThat(registered(kediri, dated)).isTrue();
        assertThat(registered(kediri, textFormula)).isTrue();
        assertThat(registered(kediri, numericNik)).isFalse();
        assertThat(registered(kediri, formula)).isFalse();
        assertThat(registered(kediri, numericPhone)).isFalse();
        var stored = Acting.as(operator(kediri), () -> registration.findByNik(kediri, textFormula)).orElseThrow();
        assertThat(stored.name()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
        List<String> report = report(kediri, job.id()).lines().toList();
        assertThat(report).hasSize(4);
        assertThat(report.get(1)).startsWith("4,nik,").contains("NIK harus diketik sebagai teks").contains("15 angka");
        assertThat(report.get(2)).startsWith("5,nama,").contains("berisi rumus");
        assertThat(report.get(3)).startsWith("6,telepon,").contains("angka 0 di depannya hilang");
        assertThat(String.join("\n", report)).doesNotContain(numericNik).doesNotContain(numericPhone);
    }

    @Test
    void allOrNothingStoresNothingFromASheetWithOneBadRow() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String first = manNik(), last = manNik();
        byte[] file = xlsx(sheet -> {
            row(sheet, 1, first);
            row(sheet, 2, manNik());
            sheet.value(2, 7, "ASTRONOT");
            row(sheet, 3, last);
        });
        ImportJob job = importAndWait(kediri, Mode.ALL_OR_NOTHING, file);
        assertThat(job.status()).isEqualTo(Status.NOTHING_STORED);
        assertThat(job.rowsStored()).isZero();
        assertThat(registered(kediri, first)).isFalse();
        assertThat(registered(kediri, last)).isFalse();
        assertThat(report(kediri, job.id())).contains("3,pekerjaan,");

        ImportJob again = importAndWait(kediri, Mode.ALL_OR_NOTHING, xlsx(sheet -> {
            row(sheet, 1, first);
            row(sheet, 2, last);
        }));
        assertThat(again.status()).isEqualTo(Status.COMPLETED);
        assertThat(again.rowsStored()).isEqualTo(2);
        assertThat(registered(kediri, first)).isTrue();
    }

    @Test
    void aSheetWithAWrongHeaderADamagedWorkbookAndTooManyRowsAreRefusedBeforeAnythingStarts() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Payung tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Pekerja");
            sheet.value(0, 0, "nik");
            sheet.value(0, 1, "nama");
            sheet.value(0, 2, "tgl_lahir");
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "a.xlsx", new ByteArrayInputStream(out.toByteArray()), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_HEADER);
                    assertThat(p.arguments()).contains(3, "tanggal_lahir", "tgl_lahir");
                });

        byte[] good = xlsx(sheet -> row(sheet, 1, manNik()));
        byte[] damaged = java.util.Arrays.copyOf(good, good.length / 2); // a ZIP cut in the middle
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "b.xlsx", new ByteArrayInputStream(damaged), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_XLSX_UNREADABLE));

        int limit = imports.maxXlsxRows();
        byte[] tooMany = xlsx(sheet -> {
            for (int r = 1; r <= limit + 1; r++) sheet.value(r, 0, "x");
        });
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> imports.start(kediri, "c.xlsx", new ByteArrayInputStream(tooMany), Mode.KEEP_GOOD_ROWS)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(EnrollmentProblem.IMPORT_XLSX_TOO_MANY_ROWS);
                    assertThat(p.arguments()).contains(limit);
                });
        assertThat(Acting.as(operator(kediri), () -> imports.recent(kediri))).extracting(ImportJob::fileName)
                .doesNotContain("a.xlsx", "b.xlsx", "c.xlsx");
    }
}
