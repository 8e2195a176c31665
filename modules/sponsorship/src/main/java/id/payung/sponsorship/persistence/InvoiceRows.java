package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Funding programs as the cycle sees them, dues per program, and the invoices to BPJS. */
@Repository
public class InvoiceRows {

    private static final String INVOICE_SELECT = """
            SELECT i.invoice_id, i.invoice_no, i.program_id, i.period, i.workers, i.amount, i.issued_by_name, i.issued_at,
                   coalesce((SELECT sum(y.amount) FROM sponsorship.payment y WHERE y.tenant_id = i.tenant_id AND y.invoice_id = i.invoice_id), 0) AS paid_amount,
                   coalesce((SELECT sum(y.workers) FROM sponsorship.payment y WHERE y.tenant_id = i.tenant_id AND y.invoice_id = i.invoice_id), 0) AS paid_workers
            FROM sponsorship.invoice i
            """;

    private final DSLContext db;

    InvoiceRows(DSLContext db) {
        this.db = db;
    }

    public record ProgramRow(UUID programId, String kind, String name, boolean countsAsApbd, Long budgetCeiling) {
    }

    public List<ProgramRow> programs(TenantId tenant) {
        return db.fetch("""
                        SELECT program_id, kind, name, counts_as_apbd, budget_ceiling FROM sponsorship.funding_program
                        WHERE tenant_id = ? ORDER BY kind, name""", tenant.value())
                .map(r -> new ProgramRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, Boolean.class), r.get(4, Long.class)));
    }

    public record ProgramDues(UUID programId, int workers, long amount) {
    }

    public List<ProgramDues> duesByProgram(TenantId tenant, YearMonth period) {
        return db.fetch("""
                        SELECT program_id, count(*), sum(amount) FROM sponsorship.premium_due
                        WHERE tenant_id = ? AND period = ?::date GROUP BY program_id""", tenant.value(), period.atDay(1))
                .map(r -> new ProgramDues(r.get(0, UUID.class), r.get(1, Integer.class), r.get(2, Long.class)));
    }

    public record InvoiceRow(UUID invoiceId, String number, UUID programId, YearMonth period, int workers, long amount,
                             String issuedByName, OffsetDateTime issuedAt, long paidAmount, int paidWorkers) {
    }

    public Optional<InvoiceRow> find(TenantId tenant, UUID invoiceId) {
        return db.fetch(INVOICE_SELECT + " WHERE i.tenant_id = ? AND i.invoice_id = ?", tenant.value(), invoiceId)
                .stream().findFirst().map(InvoiceRows::toInvoice);
    }

    /**
     * Serialises the payments of one invoice until the end of the transaction (an advisory lock: invoices are
     * never updated, so the app role may not take a row lock on them).
     */
    public void lock(TenantId tenant, UUID invoiceId) {
        db.fetch("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "sponsorship.invoice:" + tenant.value() + ":" + invoiceId);
    }

    public Optional<InvoiceRow> ofProgram(TenantId tenant, UUID programId, YearMonth period) {
        return db.fetch(INVOICE_SELECT + " WHERE i.tenant_id = ? AND i.program_id = ? AND i.period = ?::date",
                tenant.value(), programId, period.atDay(1)).stream().findFirst().map(InvoiceRows::toInvoice);
    }

    /** The invoices of a period (all periods when null), newest first. */
    public List<InvoiceRow> list(TenantId tenant, YearMonth period, int limit) {
        LocalDate day = period == null ? null : period.atDay(1);
        return db.fetch(INVOICE_SELECT + " WHERE i.tenant_id = ? AND (?::date IS NULL OR i.period = ?::date)"
                        + " ORDER BY i.period DESC, i.invoice_no LIMIT ?", tenant.value(), day, day, limit)
                .map(InvoiceRows::toInvoice);
    }

    /** What the program was invoiced so far, all periods: its budget ceiling bounds it. */
    public long invoicedTotal(TenantId tenant, UUID programId) {
        return ((Number) db.fetchValue("SELECT coalesce(sum(amount), 0) FROM sponsorship.invoice WHERE tenant_id = ? AND program_id = ?",
                tenant.value(), programId)).longValue();
    }

    public int countOfPeriod(TenantId tenant, YearMonth period) {
        return ((Number) db.fetchValue("SELECT count(*) FROM sponsorship.invoice WHERE tenant_id = ? AND period = ?::date",
                tenant.value(), period.atDay(1))).intValue();
    }

    public void insert(TenantId tenant, UUID invoiceId, String number, UUID programId, YearMonth period, int workers, long amount,
                       String by, String byName) {
        db.execute("""
                        INSERT INTO sponsorship.invoice (tenant_id, invoice_id, invoice_no, program_id, period, workers, amount, issued_by, issued_by_name)
                        VALUES (?, ?, ?, ?, ?::date, ?, ?, ?, ?)""",
                tenant.value(), invoiceId, number, programId, period.atDay(1), workers, amount, by, byName);
    }

    /** The program's dues for the period: what its invoice bills. */
    public ProgramDues dues(TenantId tenant, UUID programId, YearMonth period) {
        Record r = db.fetchOne("SELECT count(*), coalesce(sum(amount), 0) FROM sponsorship.premium_due WHERE tenant_id = ? AND period = ?::date AND program_id = ?",
                tenant.value(), period.atDay(1), programId);
        return new ProgramDues(programId, r.get(0, Integer.class), r.get(1, Long.class));
    }

    /** The OPDs whose list for the period is still a draft. */
    public List<UUID> draftListOpds(TenantId tenant, YearMonth period) {
        return db.fetch("SELECT opd_id FROM sponsorship.deduction_list WHERE tenant_id = ? AND period = ?::date AND status = 'DRAFT'",
                tenant.value(), period.atDay(1)).getValues(0, UUID.class);
    }

    /** Workers and amount of the period's approved deduction lists. */
    public ProgramDues approvedLists(TenantId tenant, YearMonth period) {
        Record r = db.fetchOne("""
                        SELECT coalesce(sum(workers), 0), coalesce(sum(amount), 0) FROM sponsorship.deduction_list
                        WHERE tenant_id = ? AND period = ?::date AND status = 'APPROVED'""",
                tenant.value(), period.atDay(1));
        return new ProgramDues(null, r.get(0, Integer.class), r.get(1, Long.class));
    }

    public record InvoiceLine(UUID workerId, long amount, boolean paid) {
    }

    /** Streams an invoice's lines (the program's dues of the period), by worker id, with whether each is paid. */
    public void eachLine(TenantId tenant, UUID programId, YearMonth period, Consumer<InvoiceLine> consumer) {
        try (Cursor<Record> cursor = db.resultQuery("""
                        SELECT d.worker_id, d.amount,
                               EXISTS (SELECT 1 FROM sponsorship.paid_month m WHERE m.tenant_id = d.tenant_id AND m.worker_id = d.worker_id
                                         AND m.period = d.period AND m.program_id = d.program_id)
                        FROM sponsorship.premium_due d
                        WHERE d.tenant_id = ? AND d.period = ?::date AND d.program_id = ?
                        ORDER BY d.worker_id""",
                tenant.value(), period.atDay(1), programId).fetchSize(5_000).fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(new InvoiceLine(r.get(0, UUID.class), r.get(1, Long.class), r.get(2, Boolean.class)));
            }
        }
    }

    private static InvoiceRow toInvoice(Record r) {
        return new InvoiceRow(r.get("invoice_id", UUID.class), r.get("invoice_no", String.class), r.get("program_id", UUID.class),
                YearMonth.from(r.get("period", LocalDate.class)), r.get("workers", Integer.class), r.get("amount", Long.class),
                r.get("issued_by_name", String.class), r.get("issued_at", OffsetDateTime.class),
                r.get("paid_amount", Long.class), r.get("paid_workers", Integer.class));
    }
}
