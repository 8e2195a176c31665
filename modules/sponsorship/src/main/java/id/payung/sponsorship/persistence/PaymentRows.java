package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Payments of invoices and the rows of a payment file while it is checked. */
@Repository
public class PaymentRows {

    private static final String PAYMENT_SELECT = """
            SELECT y.payment_id, y.invoice_id, i.invoice_no, i.program_id, i.period, y.source, y.reference, y.workers, y.amount,
                   y.recorded_name, y.recorded_at
            FROM sponsorship.payment y
            JOIN sponsorship.invoice i ON i.tenant_id = y.tenant_id AND i.invoice_id = y.invoice_id
            """;

    private final DSLContext db;

    PaymentRows(DSLContext db) {
        this.db = db;
    }

    public record PaymentRow(UUID paymentId, UUID invoiceId, String invoiceNo, UUID programId, YearMonth period, String source,
                             String reference, int workers, long amount, String recordedName, OffsetDateTime recordedAt) {
    }

    public record UploadRow(int line, String invoiceNo, YearMonth period, UUID workerId, long amount) {
    }

    /** Writes a batch of well-formed rows of an upload: one statement, one bind per column. */
    public void stage(TenantId tenant, UUID uploadId, List<UploadRow> rows) {
        if (rows.isEmpty()) return;
        db.execute("""
                        INSERT INTO sponsorship.payment_upload_row (tenant_id, upload_id, line, invoice_no, period, worker_id, amount)
                        SELECT ?, ?, r.line, r.invoice_no, r.period, r.worker_id, r.amount
                        FROM unnest(?::int[], ?::text[], ?::date[], ?::uuid[], ?::bigint[]) AS r(line, invoice_no, period, worker_id, amount)""",
                tenant.value(), uploadId,
                rows.stream().map(UploadRow::line).toArray(Integer[]::new),
                rows.stream().map(UploadRow::invoiceNo).toArray(String[]::new),
                rows.stream().map(r -> r.period().atDay(1)).toArray(LocalDate[]::new),
                rows.stream().map(UploadRow::workerId).toArray(UUID[]::new),
                rows.stream().map(UploadRow::amount).toArray(Long[]::new));
    }

    public enum RowProblemKind { INVOICE_UNKNOWN, PERIOD_NOT_INVOICED, REPEATED, WORKER_NOT_ON_INVOICE, ALREADY_PAID, AMOUNT_MISMATCH }

    public record StagedProblem(int line, RowProblemKind kind, String invoiceNo, YearMonth period, UUID workerId, long amount,
                                Long due, YearMonth invoicePeriod, int firstLine) {
    }

    public record StagedProblems(List<StagedProblem> first, int total) {
    }

    /**
     * Judges the staged rows against the invoices, the dues they bill and the months already paid, set-based:
     * the first {@code limit} problems by line and how many there are.
     */
    public StagedProblems problems(TenantId tenant, UUID uploadId, int limit) {
        var result = db.fetch("""
                        WITH s AS (
                            SELECT s.*, row_number() OVER (PARTITION BY s.invoice_no, s.worker_id ORDER BY s.line) AS nth,
                                   min(s.line) OVER (PARTITION BY s.invoice_no, s.worker_id) AS first_line
                            FROM sponsorship.payment_upload_row s
                            WHERE s.tenant_id = ? AND s.upload_id = ?),
                        judged AS (
                            SELECT s.line, s.invoice_no, s.period, s.worker_id, s.amount, d.amount AS due, i.period AS invoice_period, s.first_line,
                                   CASE WHEN i.invoice_id IS NULL THEN 'INVOICE_UNKNOWN'
                                        WHEN i.period <> s.period THEN 'PERIOD_NOT_INVOICED'
                                        WHEN s.nth > 1 THEN 'REPEATED'
                                        WHEN d.worker_id IS NULL THEN 'WORKER_NOT_ON_INVOICE'
                                        WHEN m.worker_id IS NOT NULL THEN 'ALREADY_PAID'
                                        WHEN d.amount <> s.amount THEN 'AMOUNT_MISMATCH'
                                   END AS problem
                            FROM s
                            LEFT JOIN sponsorship.invoice i ON i.tenant_id = s.tenant_id AND i.invoice_no = s.invoice_no
                            LEFT JOIN sponsorship.premium_due d ON d.tenant_id = s.tenant_id AND d.period = i.period
                                  AND d.program_id = i.program_id AND d.worker_id = s.worker_id
                            LEFT JOIN sponsorship.paid_month m ON m.tenant_id = s.tenant_id AND m.worker_id = s.worker_id
                                  AND m.period = i.period AND m.program_id = i.program_id)
                        SELECT j.*, count(*) OVER () AS total FROM judged j WHERE j.problem IS NOT NULL ORDER BY j.line LIMIT ?""",
                tenant.value(), uploadId, limit);
        int total = result.isEmpty() ? 0 : result.get(0).get("total", Integer.class);
        List<StagedProblem> first = result.map(r -> new StagedProblem(r.get("line", Integer.class),
                RowProblemKind.valueOf(r.get("problem", String.class)), r.get("invoice_no", String.class),
                YearMonth.from(r.get("period", LocalDate.class)), r.get("worker_id", UUID.class), r.get("amount", Long.class),
                r.get("due", Long.class),
                r.get("invoice_period", LocalDate.class) == null ? null : YearMonth.from(r.get("invoice_period", LocalDate.class)),
                r.get("first_line", Integer.class)));
        return new StagedProblems(first, total);
    }

    public record UploadInvoice(UUID invoiceId, String invoiceNo, UUID programId, YearMonth period, int workers, long amount) {
    }

    /** The invoices an (already judged) upload pays, with its rows and amount per invoice. */
    public List<UploadInvoice> invoicesOfUpload(TenantId tenant, UUID uploadId) {
        return db.fetch("""
                        SELECT i.invoice_id, i.invoice_no, i.program_id, i.period, count(*), sum(s.amount)
                        FROM sponsorship.payment_upload_row s
                        JOIN sponsorship.invoice i ON i.tenant_id = s.tenant_id AND i.invoice_no = s.invoice_no
                        WHERE s.tenant_id = ? AND s.upload_id = ?
                        GROUP BY i.invoice_id, i.invoice_no, i.program_id, i.period
                        ORDER BY i.invoice_no""", tenant.value(), uploadId)
                .map(r -> new UploadInvoice(r.get(0, UUID.class), r.get(1, String.class), r.get(2, UUID.class),
                        YearMonth.from(r.get(3, LocalDate.class)), r.get(4, Integer.class), r.get(5, Long.class)));
    }

    public void dropUpload(TenantId tenant, UUID uploadId) {
        db.execute("DELETE FROM sponsorship.payment_upload_row WHERE tenant_id = ? AND upload_id = ?", tenant.value(), uploadId);
    }

    public void insert(TenantId tenant, UUID paymentId, UUID invoiceId, String source, String reference, String fileSha256,
                       int workers, long amount, String by, String byName) {
        db.execute("""
                        INSERT INTO sponsorship.payment (tenant_id, payment_id, invoice_id, source, reference, file_sha256, workers, amount,
                                                         recorded_by, recorded_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                tenant.value(), paymentId, invoiceId, source, reference, fileSha256, workers, amount, by, byName);
    }

    /** When a file with this content was recorded before, if it was. */
    public Optional<OffsetDateTime> recordedFile(TenantId tenant, String sha256) {
        return db.fetch("SELECT min(recorded_at) FROM sponsorship.payment WHERE tenant_id = ? AND file_sha256 = ?", tenant.value(), sha256)
                .stream().findFirst().map(r -> r.get(0, OffsetDateTime.class));
    }

    public record Unpaid(int workers, long amount) {
    }

    /** The invoice's dues not paid yet. */
    public Unpaid unpaid(TenantId tenant, UUID programId, YearMonth period) {
        Record r = db.fetchOne("""
                        SELECT count(*), coalesce(sum(d.amount), 0) FROM sponsorship.premium_due d
                        WHERE d.tenant_id = ? AND d.period = ?::date AND d.program_id = ?
                          AND NOT EXISTS (SELECT 1 FROM sponsorship.paid_month m WHERE m.tenant_id = d.tenant_id AND m.worker_id = d.worker_id
                                            AND m.period = d.period AND m.program_id = d.program_id)""",
                tenant.value(), period.atDay(1), programId);
        return new Unpaid(r.get(0, Integer.class), r.get(1, Long.class));
    }

    public Optional<PaymentRow> find(TenantId tenant, UUID paymentId) {
        return db.fetch(PAYMENT_SELECT + " WHERE y.tenant_id = ? AND y.payment_id = ?", tenant.value(), paymentId)
                .stream().findFirst().map(PaymentRows::toPayment);
    }

    /** Payments, newest first; of one invoice, or of one period, or all. */
    public List<PaymentRow> list(TenantId tenant, UUID invoiceId, YearMonth period, int limit) {
        LocalDate day = period == null ? null : period.atDay(1);
        return db.fetch(PAYMENT_SELECT + " WHERE y.tenant_id = ? AND (?::uuid IS NULL OR y.invoice_id = ?::uuid)"
                                + " AND (?::date IS NULL OR i.period = ?::date) ORDER BY y.recorded_at DESC LIMIT ?",
                        tenant.value(), invoiceId, invoiceId, day, day, limit)
                .map(PaymentRows::toPayment);
    }

    private static PaymentRow toPayment(Record r) {
        return new PaymentRow(r.get("payment_id", UUID.class), r.get("invoice_id", UUID.class), r.get("invoice_no", String.class),
                r.get("program_id", UUID.class), YearMonth.from(r.get("period", LocalDate.class)), r.get("source", String.class),
                r.get("reference", String.class), r.get("workers", Integer.class), r.get("amount", Long.class),
                r.get("recorded_name", String.class), r.get("recorded_at", OffsetDateTime.class));
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
