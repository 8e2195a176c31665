package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import static id.payung.sponsorship.MonthlyCycleTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Double funding within a pemda and across pemda (without either seeing the other), and the tenant boundary of the cycle. */
@PayungIntegrationTest
class DoubleFundingAndIsolationTests extends CycleTestSupport {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth JUL = YearMonth.of(2026, 7);

    private Invoice invoiceAndPay(TenantId t, UUID program) {
        Invoice invoice = as(operator(t), () -> invoices.issue(t, program.toString(), JUL.toString()));
        as(operator(t), () -> payments.recordManual(t, invoice.id(), Long.toString(invoice.amount()), "TRF-" + invoice.number()));
        return invoice;
    }

    @Test
    void aWorkerFundedByTwoProgramsOfThePemdaIsFlaggedWithBothProgramsDueAndPaid() {
        var p = pemda("15.71", "KC-JAMBI");
        TenantId t = p.tenant();
        var f = fixtures();
        UUID cohort = f.program(t, "APBD_COHORT", true, JAN, null);
        UUID csr = f.program(t, "CSR", false, JAN, null);
        UUID twice = UUID.randomUUID(), once = UUID.randomUUID();
        f.fund(t, cohort, twice, JAN, null, null, 1_000_000, false);
        f.fund(t, csr, twice, JUL, JUL, null, 1_000_000, false);
        f.fund(t, cohort, once, JAN, null, null, 1_000_000, false);
        runAndWait(t, JUL);

        var report = as(operator(t), () -> doubleFunding.report(t, JUL.toString(), PageRequest.of(0, 20)));
        assertThat(report.inPemda().items()).singleElement().satisfies(w -> {
            assertThat(w.workerId()).isEqualTo(twice);
            assertThat(w.programsDue()).hasSize(2).allMatch(name -> name.startsWith("Kohort APBD") || name.startsWith("Donatur"));
            assertThat(w.programsPaid()).isEmpty();
        });
        invoiceAndPay(t, cohort);
        invoiceAndPay(t, csr);
        var paid = as(bpjs("KC-JAMBI"), () -> doubleFunding.report(t, JUL.toString(), PageRequest.of(0, 20)));
        assertThat(paid.inPemda().items()).singleElement().satisfies(w -> assertThat(w.programsPaid()).hasSize(2));
        assertThat(paid.inPemda().totalItems()).isOne();
        assertProblem(() -> as(head(t, f.sponsor(t, p.dinkes(), "h-" + t, "Kepala")), () -> doubleFunding.report(t, JUL.toString(),
                PageRequest.of(0, 20))), PlatformProblem.FORBIDDEN);
    }

    @Test
    void aPersonPaidForByTwoPemdaInOneMonthIsFlaggedToEachWithoutNamingTheOther() {
        var a = pemda("17.71", "KC-BENGKULU");
        var b = pemda("19.71", "KC-PANGKALPINANG");
        var c = pemda("21.71", "KC-BATAM");
        String nik = newNik();

        UUID inA = verifiedWorker(a.tenant(), "KC-BENGKULU", nik);
        UUID cohortA = fixtures().program(a.tenant(), "APBD_COHORT", true, JAN, null);
        fixtures().fund(a.tenant(), cohortA, inA, JAN, null, null, 1_000_000, false);
        runAndWait(a.tenant(), JUL);
        invoiceAndPay(a.tenant(), cohortA);
        // he moves: A ends him (his national membership is released), B registers him
        as(operator(a.tenant()), () -> lifecycle.deactivate(a.tenant(), inA, new WorkerLifecycle.Deactivation("ENDED", "PINDAH_DOMISILI",
                null, LocalDate.now(ZoneId.of("Asia/Jakarta")).toString())));
        UUID inB = verifiedWorker(b.tenant(), "KC-PANGKALPINANG", nik);
        UUID cohortB = fixtures().program(b.tenant(), "APBD_COHORT", true, JAN, null);
        fixtures().fund(b.tenant(), cohortB, inB, JUL, null, null, 1_000_000, false);
        UUID someoneElse = verifiedWorker(b.tenant(), "KC-PANGKALPINANG");
        fixtures().fund(b.tenant(), cohortB, someoneElse, JUL, null, null, 1_000_000, false);
        runAndWait(b.tenant(), JUL);
        invoiceAndPay(b.tenant(), cohortB);

        eventually(() -> assertThat(as(operator(b.tenant()), () -> doubleFunding.report(b.tenant(), JUL.toString(), PageRequest.of(0, 20)))
                .fundedElsewhere()).containsExactly(inB));
        assertThat(as(operator(a.tenant()), () -> doubleFunding.report(a.tenant(), JUL.toString(), PageRequest.of(0, 20))).fundedElsewhere())
                .containsExactly(inA);
        assertThat(as(bpjs("KC-BATAM"), () -> doubleFunding.report(c.tenant(), JUL.toString(), PageRequest.of(0, 20))).fundedElsewhere())
                .isEmpty();
        // another month: nobody else paid
        assertThat(as(operator(a.tenant()), () -> doubleFunding.report(a.tenant(), "2026-06", PageRequest.of(0, 20))).fundedElsewhere()).isEmpty();
        // the register itself is out of the application's reach
        assertThat(jdbc.queryForObject("SELECT has_table_privilege('sponsorship.national_funded_month', 'SELECT')", Boolean.class)).isFalse();
    }

    @Test
    void anotherPemdaNeitherSeesNorTouchesTheCycleOfAPemdaWhichSeesItsOwn() {
        var a = pemda("21.72", "KC-TANJUNGPINANG");
        var b = pemda("12.77", "KC-SIDIMPUAN");
        TenantId ta = a.tenant();
        TenantId tb = b.tenant();
        var f = fixtures();
        UUID asn = f.asnProgram(ta, false, JAN);
        UUID cohort = f.program(ta, "APBD_COHORT", true, JAN, null);
        var head = f.sponsor(ta, a.disnaker(), "kadis-" + ta, "Kepala Disnaker");
        f.fund(ta, asn, UUID.randomUUID(), JAN, null, head, 1_000_000, false);
        f.fund(ta, cohort, UUID.randomUUID(), JAN, null, null, 1_000_000, false);
        CycleRun run = runAndWait(ta, JUL);
        var list = listOf(ta, JUL, a.disnaker());
        Invoice invoice = invoiceAndPay(ta, cohort);
        Payment payment = as(operator(ta), () -> payments.list(ta, invoice.id(), null)).getFirst();

        // A sees its own (positive control)
        assertThat(as(operator(ta), () -> cycle.run(ta, run.id())).duesTotal()).isEqualTo(2);
        assertThat(as(operator(ta), () -> lists.get(ta, list.id(), PageRequest.of(0, 10))).lines().items()).hasSize(1);
        assertThat(as(bpjs("KC-TANJUNGPINANG"), () -> invoices.get(ta, invoice.id())).number()).isEqualTo(invoice.number());
        assertThat(as(bpjs("KC-TANJUNGPINANG"), () -> payments.get(ta, payment.id())).amount()).isEqualTo(16_800L);

        // B's people cannot reach A
        assertProblem(() -> as(operator(tb), () -> cycle.run(ta, run.id())), PlatformProblem.TENANT_ACCESS_DENIED);
        assertProblem(() -> as(operator(tb), () -> lists.ofPeriod(ta, JUL.toString())), PlatformProblem.TENANT_ACCESS_DENIED);
        assertProblem(() -> as(operator(tb), () -> invoices.get(ta, invoice.id())), PlatformProblem.TENANT_ACCESS_DENIED);
        assertProblem(() -> as(operator(tb), () -> payments.list(ta, null, null)), PlatformProblem.TENANT_ACCESS_DENIED);
        assertProblem(() -> as(operator(tb), () -> cycle.start(ta, JUL.toString())), PlatformProblem.TENANT_ACCESS_DENIED);
        assertProblem(() -> as(bpjs("KC-SIDIMPUAN"), () -> invoices.list(ta, null)), PlatformProblem.TENANT_ACCESS_DENIED);
        // and in B's own scope A's ids are simply not there
        assertProblem(() -> as(operator(tb), () -> cycle.run(tb, run.id())), CycleProblem.CYCLE_RUN_NOT_FOUND);
        assertProblem(() -> as(operator(tb), () -> lists.get(tb, list.id(), PageRequest.of(0, 10))), CycleProblem.DEDUCTION_LIST_NOT_FOUND);
        assertProblem(() -> as(operator(tb), () -> invoices.get(tb, invoice.id())), CycleProblem.INVOICE_NOT_FOUND);
        assertProblem(() -> as(operator(tb), () -> payments.get(tb, payment.id())), CycleProblem.PAYMENT_NOT_FOUND);
        assertProblem(() -> as(operator(tb), () -> payments.recordManual(tb, invoice.id(), "16800", "TRF-x")), CycleProblem.INVOICE_NOT_FOUND);
        assertThat(as(operator(tb), () -> invoices.list(tb, null))).isEmpty();
        assertThat(as(operator(tb), () -> payments.list(tb, null, null))).isEmpty();
        assertThat(as(operator(tb), () -> lists.ofPeriod(tb, JUL.toString()))).isEmpty();
        assertThat(as(operator(tb), () -> cycle.runs(tb, null))).isEmpty();
        assertThat(as(operator(tb), () -> cycle.overview(tb, JUL.toString())).programs()).isEmpty();
    }
}
