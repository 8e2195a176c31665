package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.TenantId;
import id.payung.sponsorship.Payments.PaymentFileRefused;
import id.payung.sponsorship.SponsorshipEvents.ContributionPaid;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.payung.sponsorship.MonthlyCycleTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Invoices per program and period, payments by file or by hand, and the BPKAD export of approved lists. */
@PayungIntegrationTest
@RecordApplicationEvents
class InvoicePaymentTests extends CycleTestSupport {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth JUL = YearMonth.of(2026, 7);

    @Autowired ApplicationEvents events;

    @Test
    void theAsnInvoiceWaitsForEveryOpdListThenBillsExactlyWhatTheOpdsDeductOnce() {
        var p = pemda("13.71", "KC-PADANG");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(t, false, JAN);
        var a = f.sponsor(t, p.disnaker(), "a-" + t, "Agus");
        var b = f.sponsor(t, p.dinkes(), "b-" + t, "Bambang");
        f.fund(t, asn, UUID.randomUUID(), JAN, null, a, 1_000_000, false);
        f.fund(t, asn, UUID.randomUUID(), JAN, null, a, 1_000_000, false);
        f.fund(t, asn, UUID.randomUUID(), JAN, null, b, 1_000_000, false);
        runAndWait(t, JUL);

        assertProblem(() -> as(operator(t), () -> invoices.issue(t, asn.toString(), JUL.toString())), CycleProblem.LISTS_NOT_APPROVED);
        var disnaker = listOf(t, JUL, p.disnaker());
        as(head(t, a), () -> lists.approve(t, disnaker.id(), disnaker.revision()));
        assertProblem(() -> as(operator(t), () -> invoices.issue(t, asn.toString(), JUL.toString())), CycleProblem.LISTS_NOT_APPROVED);
        var dinkes = listOf(t, JUL, p.dinkes());
        as(head(t, b), () -> lists.approve(t, dinkes.id(), dinkes.revision()));
        assertProblem(() -> as(head(t, b), () -> invoices.issue(t, asn.toString(), JUL.toString())), id.payung.platform.PlatformProblem.FORBIDDEN);

        Invoice invoice = as(operator(t), () -> invoices.issue(t, asn.toString(), JUL.toString()));
        assertThat(invoice.number()).isEqualTo("1371-202607-001");
        assertThat(invoice.workers()).isEqualTo(3);
        assertThat(invoice.amount()).isEqualTo(3 * 8_400L);
        assertThat(invoice.status()).isEqualTo(Invoice.Status.ISSUED);
        assertProblem(() -> as(operator(t), () -> invoices.issue(t, asn.toString(), JUL.toString())), CycleProblem.INVOICE_ALREADY_ISSUED);

        // a later funding and a later run leave the invoiced month alone
        f.fund(t, asn, UUID.randomUUID(), JAN, null, a, 1_000_000, false);
        CycleRun rerun = runAndWait(t, JUL);
        assertThat(rerun.duesAdded()).isZero();
        assertThat(rerun.duesLocked()).isEqualTo(3);
        assertThat(as(bpjs("KC-PADANG"), () -> invoices.get(t, invoice.id())).amount()).isEqualTo(3 * 8_400L);
        assertProblem(() -> as(operator(t), () -> invoices.issue(t, UUID.randomUUID().toString(), JUL.toString())), CycleProblem.PROGRAM_NOT_FOUND);
    }

    @Test
    void anApbdCohortsInvoicesStayWithinItsBudgetCeiling() {
        var p = pemda("13.72", "KC-SOLOK");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID cohort = f.program(t, "APBD_COHORT", true, JAN, 40_000L);
        f.fund(t, cohort, UUID.randomUUID(), JAN, null, null, 1_000_000, false);
        f.fund(t, cohort, UUID.randomUUID(), JAN, null, null, 1_000_000, false);
        runAndWait(t, YearMonth.of(2026, 6));
        runAndWait(t, JUL);
        assertThat(as(operator(t), () -> invoices.issue(t, cohort.toString(), "2026-06")).amount()).isEqualTo(33_600L);
        assertProblem(() -> as(operator(t), () -> invoices.issue(t, cohort.toString(), JUL.toString())), CycleProblem.BUDGET_CEILING_EXCEEDED);
        assertThat(as(operator(t), () -> invoices.list(t, JUL.toString()))).isEmpty();
    }

    @Test
    void aPaymentFileWithAnyBadRowRecordsNothingAndNamesEveryBadRow() {
        var p = pemda("13.73", "KC-SAWAHLUNTO");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID cohort = f.program(t, "APBD_COHORT", true, JAN, null);
        UUID w1 = UUID.randomUUID(), w2 = UUID.randomUUID(), stranger = UUID.randomUUID();
        f.fund(t, cohort, w1, JAN, null, null, 1_000_000, false);
        f.fund(t, cohort, w2, JAN, null, null, 1_000_000, false);
        runAndWait(t, JUL);
        Invoice invoice = as(operator(t), () -> invoices.issue(t, cohort.toString(), JUL.toString()));
        String no = invoice.number();

        String file = String.join("\n",
                "nomor_tagihan,periode,id_pekerja,jumlah",
                no + ",2026-07," + w1 + ",16800",          // 2: good
                "9999-202607-001,2026-07," + w2 + ",16800", // 3: unknown invoice
                no + ",2026-07," + stranger + ",16800",    // 4: not on the invoice
                no + ",2026-07," + w2 + ",8400",           // 5: amount differs from the due
                no + ",2026-06," + w2 + ",16800",          // 6: period not billed by this invoice
                no + ",2026-07," + w1 + ",16800",          // 7: repeats line 2
                no + ",2026-07,bukan-uuid,16800",          // 8: malformed worker id
                no + ",2026-07," + w2 + ",16.800",         // 9: malformed amount
                no + ",2026-07," + w2);                    // 10: a column missing
        var refused = (PaymentFileRefused) org.assertj.core.api.Assertions.catchThrowable(
                () -> as(bpjs("KC-SAWAHLUNTO"), () -> payments.recordFile(t, "konfirmasi.csv", csv(file))));
        assertThat(refused.total()).isEqualTo(8);
        assertThat(refused.rows()).extracting(Payments.RowProblem::line, r -> r.type())
                .containsExactly(tuple(3, CycleProblem.PAYMENT_ROW_INVOICE_UNKNOWN), tuple(4, CycleProblem.PAYMENT_ROW_WORKER_NOT_ON_INVOICE),
                        tuple(5, CycleProblem.PAYMENT_ROW_AMOUNT_MISMATCH), tuple(6, CycleProblem.PAYMENT_ROW_PERIOD_NOT_INVOICED),
                        tuple(7, CycleProblem.PAYMENT_ROW_REPEATED), tuple(8, CycleProblem.PAYMENT_ROW_WORKER_INVALID),
                        tuple(9, CycleProblem.PAYMENT_ROW_AMOUNT_INVALID), tuple(10, CycleProblem.PAYMENT_ROW_COLUMNS));
        assertThat(refused.rows().get(2).arguments()).containsExactly(8_400L, 16_800L);
        assertThat(nothingPaid(t)).isTrue();

        assertProblem(() -> as(bpjs("KC-SAWAHLUNTO"), () -> payments.recordFile(t, "k.csv", csv("nik,jumlah\n1,2"))), CycleProblem.PAYMENT_FILE_HEADER);
        assertProblem(() -> as(bpjs("KC-SAWAHLUNTO"), () -> payments.recordFile(t, "k.xlsx", csv(file))), CycleProblem.PAYMENT_FILE_TYPE);
        assertProblem(() -> as(bpjs("KC-SAWAHLUNTO"), () -> payments.recordFile(t, "k.csv", csv("nomor_tagihan,periode,id_pekerja,jumlah\n"))),
                CycleProblem.PAYMENT_FILE_EMPTY);
        assertProblem(() -> as(head(t, f.sponsor(t, p.dinkes(), "h-" + t, "Kepala")), () -> payments.recordFile(t, "k.csv", csv(file))),
                id.payung.platform.PlatformProblem.FORBIDDEN);
        assertThat(nothingPaid(t)).isTrue();
    }

    @Test
    void aGoodFilePaysEachMonthOnceActivatesTheWorkersAndARetryPaysNothingTwice() {
        var p = pemda("13.74", "KC-PADANGPANJANG");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID cohort = f.program(t, "APBD_COHORT", true, JAN, null);
        UUID csr = f.program(t, "CSR", false, JAN, null);
        UUID w1 = verifiedWorker(t, "KC-PADANGPANJANG"), w2 = verifiedWorker(t, "KC-PADANGPANJANG"), w3 = verifiedWorker(t, "KC-PADANGPANJANG");
        f.fund(t, cohort, w1, JAN, null, null, 1_000_000, false);
        f.fund(t, cohort, w2, JAN, null, null, 1_000_000, false);
        f.fund(t, csr, w3, JAN, null, null, 1_000_000, false);
        runAndWait(t, JUL);
        Invoice cohortInvoice = as(operator(t), () -> invoices.issue(t, cohort.toString(), JUL.toString()));
        Invoice csrInvoice = as(operator(t), () -> invoices.issue(t, csr.toString(), JUL.toString()));
        assertThat(csrInvoice.amount()).isEqualTo(8_400L);

        // BPJS's file echoes the invoice's lines export
        var lines = new ByteArrayOutputStream();
        as(bpjs("KC-PADANGPANJANG"), () -> {
            invoices.writeLines(t, cohortInvoice.id(), ExportFormat.CSV, lines);
            return null;
        });
        String file = lines.toString(StandardCharsets.UTF_8);
        assertThat(file).startsWith("nomor_tagihan,periode,id_pekerja,jumlah\r\n").contains(cohortInvoice.number() + ",2026-07," + w1 + ",16800");

        List<Payment> paid = as(bpjs("KC-PADANGPANJANG"), () -> payments.recordFile(t, "konfirmasi-juli.csv", csv(file)));
        assertThat(paid).singleElement().satisfies(pay -> {
            assertThat(pay.workers()).isEqualTo(2);
            assertThat(pay.amount()).isEqualTo(33_600L);
            assertThat(pay.source()).isEqualTo(Payment.Source.FILE);
        });
        assertThat(events.stream(ContributionPaid.class).filter(e -> e.tenantId().equals(t))).singleElement()
                .satisfies(e -> assertThat(e).isEqualTo(new ContributionPaid(t, paid.getFirst().id(), cohort, JUL, 2, 33_600L)));
        assertThat(coverOf(t, w1).isPaid(JUL)).isTrue();
        eventually(() -> assertThat(statusOf(t, w1)).isEqualTo(WorkerStatus.ACTIVE));
        assertThat(statusOf(t, w2)).isEqualTo(WorkerStatus.ACTIVE);
        assertThat(statusOf(t, w3)).isEqualTo(WorkerStatus.VERIFIED);
        assertThat(as(operator(t), () -> invoices.get(t, cohortInvoice.id())).status()).isEqualTo(Invoice.Status.PAID);

        // the same file again, or another file naming a paid month: nothing is paid twice
        assertProblem(() -> as(bpjs("KC-PADANGPANJANG"), () -> payments.recordFile(t, "lagi.csv", csv(file))), CycleProblem.PAYMENT_FILE_ALREADY_RECORDED);
        var again = (PaymentFileRefused) org.assertj.core.api.Assertions.catchThrowable(() -> as(bpjs("KC-PADANGPANJANG"),
                () -> payments.recordFile(t, "ulang.csv", csv("nomor_tagihan;periode;id_pekerja;jumlah\n"
                        + cohortInvoice.number() + ";2026-07;" + w1 + ";16800\n"))));
        assertThat(again.rows()).extracting(r -> r.type()).containsExactly(CycleProblem.PAYMENT_ROW_ALREADY_PAID);
        assertProblem(() -> as(operator(t), () -> payments.recordManual(t, cohortInvoice.id(), "33600", "TRF-1")), CycleProblem.INVOICE_ALREADY_PAID);
        assertThat(as(operator(t), () -> payments.list(t, null, JUL.toString()))).hasSize(1);

        // by hand: the rest of the CSR invoice, exactly
        assertProblem(() -> as(operator(t), () -> payments.recordManual(t, csrInvoice.id(), "16800", "TRF-2")), CycleProblem.PAYMENT_AMOUNT_MISMATCH);
        assertProblem(() -> as(operator(t), () -> payments.recordManual(t, csrInvoice.id(), "delapan ribu", "x")), id.payung.platform.PlatformProblem.INVALID_INPUT);
        Payment manual = as(operator(t), () -> payments.recordManual(t, csrInvoice.id(), "8.400", "TRF-2026-07-CSR"));
        assertThat(manual.source()).isEqualTo(Payment.Source.MANUAL);
        eventually(() -> assertThat(statusOf(t, w3)).isEqualTo(WorkerStatus.ACTIVE));
        assertProblem(() -> as(operator(t), () -> payments.recordManual(t, csrInvoice.id(), "8400", "TRF-again")), CycleProblem.INVOICE_ALREADY_PAID);
        assertThat(coverOf(t, w3).paidMonths()).containsExactly(JUL);
    }

    @Test
    void approvedListsExportInThePemdasLayoutWithFormulaLookingTextNeutralised() throws Exception {
        var p = pemda("13.75", "KC-BUKITTINGGI");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(t, true, JAN);
        var tricky = f.sponsor(t, p.disnaker(), "tricky-" + t, "=HYPERLINK(\"http://x\",\"Klik\")");
        var plain = f.sponsor(t, p.dinkes(), "plain-" + t, "Wayan Sudarsana");
        f.fund(t, asn, UUID.randomUUID(), JAN, null, tricky, 1_000_000, false);
        f.fund(t, asn, UUID.randomUUID(), JAN, null, tricky, 1_000_000, false);
        f.fund(t, asn, UUID.randomUUID(), JAN, null, plain, 1_000_000, false);
        runAndWait(t, JUL);
        assertProblem(() -> as(operator(t), () -> {
            lists.export(t, JUL.toString(), null, ExportFormat.CSV, new ByteArrayOutputStream());
            return null;
        }), CycleProblem.NO_APPROVED_LISTS);
        var list = listOf(t, JUL, p.disnaker());
        as(head(t, tricky), () -> lists.approve(t, list.id(), list.revision()));

        // invalid layouts are refused whole
        assertProblem(() -> as(operator(t), () -> settings.save(t, new CycleSettings.Form("NEW_PAID_MONTH", ";",
                Map.of("NIP", "1", "NAMA", "1"), Map.of()))), id.payung.platform.PlatformProblem.INVALID_INPUT);
        assertProblem(() -> as(operator(t), () -> settings.save(t, new CycleSettings.Form("NEW_PAID_MONTH", ";",
                Map.of(), Map.of()))), id.payung.platform.PlatformProblem.INVALID_INPUT);
        assertProblem(() -> as(operator(t), () -> settings.save(t, new CycleSettings.Form("SOMETIMES", "|",
                Map.of("NIP", "1"), Map.of()))), id.payung.platform.PlatformProblem.INVALID_INPUT);
        as(operator(t), () -> settings.save(t, new CycleSettings.Form("NEW_PAID_MONTH", ";",
                Map.of("NIP", "1", "NAMA", "2", "JUMLAH_POTONGAN", "3", "JUMLAH_PEKERJA", ""),
                Map.of("NIP", "NIP Pegawai", "JUMLAH_POTONGAN", "Potongan TPP"))));

        var csv = new ByteArrayOutputStream();
        as(operator(t), () -> {
            lists.export(t, JUL.toString(), null, ExportFormat.CSV, csv);
            return null;
        });
        assertThat(csv.toString(StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "NIP Pegawai;Nama;Potongan TPP",
                tricky.nip() + ";\"'=HYPERLINK(\"\"http://x\"\",\"\"Klik\"\")\";33600");

        var xlsx = new ByteArrayOutputStream();
        as(operator(t), () -> {
            lists.export(t, JUL.toString(), list.id(), ExportFormat.XLSX, xlsx);
            return null;
        });
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("NIP Pegawai");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"Klik\")");
            assertThat(rows.get(1).getCellAsNumber(2)).hasValueSatisfying(n -> assertThat(n.longValue()).isEqualTo(33_600L));
        }
        // the head of Dinkes exports nothing of Disnaker's
        assertProblem(() -> as(head(t, plain), () -> {
            lists.export(t, JUL.toString(), list.id(), ExportFormat.CSV, new ByteArrayOutputStream());
            return null;
        }), CycleProblem.NOT_HEAD_OF_LIST_OPD);
    }

    private boolean nothingPaid(TenantId t) {
        return fixtures().count(t, "SELECT count(*) FROM sponsorship.paid_month WHERE tenant_id = ?", t.value()) == 0
                && fixtures().count(t, "SELECT count(*) FROM sponsorship.payment WHERE tenant_id = ?", t.value()) == 0
                && fixtures().count(t, "SELECT count(*) FROM sponsorship.payment_upload_row WHERE tenant_id = ?", t.value()) == 0;
    }

    private WorkerCover coverOf(TenantId t, UUID worker) {
        return id.payung.platform.SystemWork.call("test read", () -> ledger.coverOf(t, worker));
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
