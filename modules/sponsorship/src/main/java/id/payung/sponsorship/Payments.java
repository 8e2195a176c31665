package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.ProblemType;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.ContributionPaid;
import id.payung.sponsorship.persistence.InvoiceRows;
import id.payung.sponsorship.persistence.PaidMonthRows;
import id.payung.sponsorship.persistence.PaymentRows;
import id.payung.sponsorship.persistence.PaymentRows.PaymentRow;
import id.payung.sponsorship.persistence.PaymentRows.StagedProblem;
import id.payung.sponsorship.persistence.PaymentRows.UploadRow;
import id.payung.tenancy.TenantAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Payments of invoices, which mark worker-months paid in the {@link CoverageLedger}:
 * <ul>
 *   <li>BPJS's <b>payment confirmation file</b> (CSV, UTF-8, header {@code nomor_tagihan,periode,id_pekerja,jumlah},
 *   comma or semicolon; the invoice lines export has the same columns). Every row is checked — the invoice
 *   exists in this pemda, the period is the invoice's, the worker is billed on it, the amount equals his due,
 *   the month is not paid yet, the row is not repeated — and the file is recorded whole or not at all: one
 *   bad row refuses it with every problem by line ({@link PaymentFileRefused}). A file already recorded is
 *   recognised by its SHA-256 and refused, so a retry never pays twice.</li>
 *   <li><b>manual entry</b> of a payment of the rest of one invoice: the amount must equal what is unpaid.</li>
 * </ul>
 * One {@link ContributionPaid} per payment (a file naming several invoices is one payment per invoice);
 * its listener activates the workers in enrollment.
 */
@Service
public class Payments {

    static final Role[] MAY_RECORD = {Role.BPJS_STAFF, Role.DISNAKER_OPERATOR};
    /** Problems listed at most; the count covers them all. */
    static final int MAX_LISTED_PROBLEMS = 1_000;
    private static final int BATCH = 5_000;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final PaymentRows rows;
    private final InvoiceRows invoiceRows;
    private final PaidMonthRows paidMonths;
    private final Invoices invoices;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final long maxBytes;
    private final int maxRows;

    Payments(PaymentRows rows, InvoiceRows invoiceRows, PaidMonthRows paidMonths, Invoices invoices, TenantAdministration tenants,
             TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events,
             @Value("${payung.sponsorship.payment-file.max-bytes:104857600}") long maxBytes,
             @Value("${payung.sponsorship.payment-file.max-rows:1000000}") int maxRows) {
        this.rows = rows;
        this.invoiceRows = invoiceRows;
        this.paidMonths = paidMonths;
        this.invoices = invoices;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    /** One refused row of a payment file: its line (the header is line 1), the column, why. */
    public record RowProblem(int line, String column, ProblemType type, List<Object> arguments) {
    }

    /** A payment file refused as a whole: nothing was recorded; the first problems by line, and how many there are. */
    public static class PaymentFileRefused extends DomainProblem {
        private final List<RowProblem> rows;
        private final int total;

        PaymentFileRefused(List<RowProblem> rows, int total) {
            super(CycleProblem.PAYMENT_FILE_REFUSED, total);
            this.rows = List.copyOf(rows);
            this.total = total;
        }

        public List<RowProblem> rows() {
            return rows;
        }

        public int total() {
            return total;
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Records BPJS's payment confirmation file: one payment per invoice it names, all or nothing. */
    public List<Payment> recordFile(TenantId tenant, String fileName, InputStream content) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_RECORD);
        String name = fileName == null || fileName.isBlank() ? "pembayaran.csv" : Path.of(fileName.strip()).getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) {
            throw new DomainProblem(CycleProblem.PAYMENT_FILE_TYPE, Map.of("field", "file"));
        }
        Path file = null;
        try {
            file = Files.createTempFile("payung-payment-", ".csv");
            String sha256 = copyWithinLimit(content, file);
            Path spooled = file;
            String reference = name.length() > 255 ? name.substring(name.length() - 255) : name;
            return transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                rows.recordedFile(tenant, sha256).ifPresent(at -> {
                    throw new DomainProblem(CycleProblem.PAYMENT_FILE_ALREADY_RECORDED, Map.of("field", "file"),
                            at.atZoneSameInstant(ContributionPeriods.ZONE).format(CycleGuards.WHEN));
                });
                UUID uploadId = UUID.randomUUID();
                List<RowProblem> problems = new ArrayList<>();
                int[] formatProblems = {0};
                int staged = stage(tenant, uploadId, spooled, problems, formatProblems);
                var judged = rows.problems(tenant, uploadId, MAX_LISTED_PROBLEMS);
                for (StagedProblem p : judged.first()) problems.add(rowProblem(p));
                int total = formatProblems[0] + judged.total();
                if (total > 0) {
                    problems.sort(Comparator.comparingInt(RowProblem::line));
                    throw new PaymentFileRefused(problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS)), total);
                }
                if (staged == 0) throw new DomainProblem(CycleProblem.PAYMENT_FILE_EMPTY, Map.of("field", "file"));
                List<Payment> recorded = new ArrayList<>();
                for (var invoice : rows.invoicesOfUpload(tenant, uploadId)) {
                    invoiceRows.lock(tenant, invoice.invoiceId());
                    UUID paymentId = UUID.randomUUID();
                    rows.insert(tenant, paymentId, invoice.invoiceId(), Payment.Source.FILE.name(), reference, sha256,
                            invoice.workers(), invoice.amount(), actor.subject(), actor.displayName());
                    int marked = paidMonths.insertFromUpload(tenant, uploadId, invoice.invoiceNo(), invoice.programId(), invoice.period(), paymentId);
                    if (marked != invoice.workers()) {
                        // Paid by another payment between our check and our insert: refuse the whole file.
                        throw new DomainProblem(CycleProblem.PAID_CONCURRENTLY, invoice.invoiceNo());
                    }
                    announce(tenant, paymentId, invoice.invoiceId(), invoice.invoiceNo(), invoice.programId(), invoice.period(),
                            invoice.workers(), invoice.amount(), Payment.Source.FILE);
                    recorded.add(find(tenant, paymentId));
                }
                rows.dropUpload(tenant, uploadId);
                return recorded;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    /** Records a payment of the rest of an invoice entered by hand: the amount must be what is unpaid. */
    public Payment recordManual(TenantId tenant, UUID invoiceId, String amountText, String referenceText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_RECORD);
        String amountClean = amountText == null ? "" : amountText.strip().replace(".", "");
        String reference = referenceText == null ? "" : referenceText.strip();
        var checks = id.payung.platform.InvalidInput.checks();
        checks.require(DIGITS.matcher(amountClean).matches(), "amount", CycleProblem.PAYMENT_AMOUNT_INVALID);
        checks.require(reference.length() >= 3 && reference.length() <= 100 && reference.chars().noneMatch(Character::isISOControl),
                "reference", CycleProblem.PAYMENT_REFERENCE_INVALID, 3, 100);
        checks.throwIfAny();
        long amount = Long.parseLong(amountClean);
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Invoice invoice = invoices.find(tenant, invoiceId);
            invoiceRows.lock(tenant, invoiceId);
            var unpaid = rows.unpaid(tenant, invoice.programId(), invoice.period());
            if (unpaid.workers() == 0) throw new DomainProblem(CycleProblem.INVOICE_ALREADY_PAID, invoice.number());
            if (unpaid.amount() != amount) {
                throw new DomainProblem(CycleProblem.PAYMENT_AMOUNT_MISMATCH, Map.of("field", "amount"), amount, unpaid.amount(), invoice.number());
            }
            UUID paymentId = UUID.randomUUID();
            rows.insert(tenant, paymentId, invoiceId, Payment.Source.MANUAL.name(), reference, null, unpaid.workers(), amount,
                    actor.subject(), actor.displayName());
            int marked = paidMonths.insertUnpaidDues(tenant, invoice.programId(), invoice.period(), paymentId);
            if (marked != unpaid.workers()) throw new DomainProblem(CycleProblem.PAID_CONCURRENTLY, invoice.number());
            announce(tenant, paymentId, invoiceId, invoice.number(), invoice.programId(), invoice.period(), marked, amount, Payment.Source.MANUAL);
            return find(tenant, paymentId);
        });
    }

    public Payment get(TenantId tenant, UUID paymentId) {
        currentActor.get().requireAnyOf(MAY_RECORD);
        return transactions.readInTenant(tenant, () -> find(tenant, paymentId));
    }

    /** Payments, newest first: of one invoice, or of one period, or the latest of all. */
    public List<Payment> list(TenantId tenant, UUID invoiceId, String periodText) {
        currentActor.get().requireAnyOf(MAY_RECORD);
        YearMonth period = periodText == null || periodText.isBlank() ? null : ContributionPeriods.parse(periodText);
        return transactions.readInTenant(tenant, () -> rows.list(tenant, invoiceId, period, 200).stream().map(Payments::toPayment).toList());
    }

    private Payment find(TenantId tenant, UUID paymentId) {
        return rows.find(tenant, paymentId).map(Payments::toPayment)
                .orElseThrow(() -> new DomainProblem(CycleProblem.PAYMENT_NOT_FOUND));
    }

    private void announce(TenantId tenant, UUID paymentId, UUID invoiceId, String invoiceNo, UUID programId, YearMonth period,
                          int workers, long amount, Payment.Source source) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("invoice", invoiceNo);
        details.put("period", period.toString());
        details.put("workers", workers);
        details.put("amount", amount);
        details.put("source", source.name());
        audit.record("payment.recorded", "payment", paymentId, details);
        events.publishEvent(new ContributionPaid(tenant, paymentId, programId, period, workers, amount));
    }

    // --- the file ------------------------------------------------------------------------------------------

    /** Reads the spooled file: header, then each row checked for form and staged in batches. Answers the rows staged. */
    private int stage(TenantId tenant, UUID uploadId, Path file, List<RowProblem> problems, int[] formatProblems) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 0;
        int dataRows = 0;
        int staged = 0;
        List<UploadRow> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String text;
            while (true) {
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new DomainProblem(CycleProblem.PAYMENT_FILE_ENCODING, Map.of("field", "file"), line + 1);
                }
                if (text == null) break;
                line++;
                if (line == 1) {
                    checkHeader(text);
                    continue;
                }
                if (text.isBlank()) continue;
                dataRows++;
                if (dataRows > maxRows) throw new DomainProblem(CycleProblem.PAYMENT_FILE_TOO_MANY_ROWS, Map.of("field", "file"), maxRows);
                UploadRow row = parse(line, Csv.split(text), problems, formatProblems);
                if (row == null) continue;
                batch.add(row);
                if (batch.size() == BATCH) {
                    rows.stage(tenant, uploadId, batch);
                    staged += batch.size();
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (line == 0) throw new DomainProblem(CycleProblem.PAYMENT_FILE_EMPTY, Map.of("field", "file"));
        rows.stage(tenant, uploadId, batch);
        staged += batch.size();
        if (dataRows == 0) throw new DomainProblem(CycleProblem.PAYMENT_FILE_EMPTY, Map.of("field", "file"));
        return staged;
    }

    private static void checkHeader(String text) {
        List<String> cells = Csv.split(text.replace("\uFEFF", ""));
        List<String> header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(Invoices.LINE_COLUMNS)) {
            throw new DomainProblem(CycleProblem.PAYMENT_FILE_HEADER, Map.of("field", "file"), String.join(",", Invoices.LINE_COLUMNS));
        }
    }

    private static UploadRow parse(int line, List<String> cells, List<RowProblem> problems, int[] formatProblems) {
        if (cells.size() != Invoices.LINE_COLUMNS.size()) {
            add(problems, formatProblems, new RowProblem(line, "-", CycleProblem.PAYMENT_ROW_COLUMNS, List.of(cells.size(), Invoices.LINE_COLUMNS.size())));
            return null;
        }
        int before = formatProblems[0];
        String invoiceNo = cells.get(0).strip();
        if (invoiceNo.isEmpty() || invoiceNo.length() > 40) {
            add(problems, formatProblems, new RowProblem(line, "nomor_tagihan", CycleProblem.PAYMENT_ROW_INVOICE_UNKNOWN,
                    List.of(Exports.neutralised(cut(invoiceNo)))));
        }
        YearMonth period = null;
        String periodText = cells.get(1).strip();
        try {
            if (PERIOD.matcher(periodText).matches()) period = YearMonth.parse(periodText);
        } catch (DateTimeException ignored) {
            // reported below
        }
        if (period == null) {
            add(problems, formatProblems, new RowProblem(line, "periode", CycleProblem.PAYMENT_ROW_PERIOD_INVALID,
                    List.of(Exports.neutralised(cut(periodText)))));
        }
        UUID worker = null;
        String workerText = cells.get(2).strip();
        try {
            if (workerText.length() == 36) worker = UUID.fromString(workerText);
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (worker == null) {
            add(problems, formatProblems, new RowProblem(line, "id_pekerja", CycleProblem.PAYMENT_ROW_WORKER_INVALID,
                    List.of(Exports.neutralised(cut(workerText)))));
        }
        String amountText = cells.get(3).strip();
        if (!DIGITS.matcher(amountText).matches()) {
            add(problems, formatProblems, new RowProblem(line, "jumlah", CycleProblem.PAYMENT_ROW_AMOUNT_INVALID,
                    List.of(Exports.neutralised(cut(amountText)))));
        }
        if (formatProblems[0] > before) return null;
        return new UploadRow(line, invoiceNo, period, worker, Long.parseLong(amountText));
    }

    private static void add(List<RowProblem> problems, int[] count, RowProblem problem) {
        count[0]++;
        if (problems.size() < MAX_LISTED_PROBLEMS) problems.add(problem);
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static RowProblem rowProblem(StagedProblem p) {
        return switch (p.kind()) {
            case INVOICE_UNKNOWN -> new RowProblem(p.line(), "nomor_tagihan", CycleProblem.PAYMENT_ROW_INVOICE_UNKNOWN,
                    List.of(Exports.neutralised(p.invoiceNo())));
            case PERIOD_NOT_INVOICED -> new RowProblem(p.line(), "periode", CycleProblem.PAYMENT_ROW_PERIOD_NOT_INVOICED,
                    List.of(p.period().toString(), p.invoiceNo(), p.invoicePeriod().toString()));
            case REPEATED -> new RowProblem(p.line(), "id_pekerja", CycleProblem.PAYMENT_ROW_REPEATED,
                    List.of(p.workerId().toString(), p.firstLine()));
            case WORKER_NOT_ON_INVOICE -> new RowProblem(p.line(), "id_pekerja", CycleProblem.PAYMENT_ROW_WORKER_NOT_ON_INVOICE,
                    List.of(p.workerId().toString(), p.invoiceNo()));
            case ALREADY_PAID -> new RowProblem(p.line(), "id_pekerja", CycleProblem.PAYMENT_ROW_ALREADY_PAID,
                    List.of(p.workerId().toString(), p.period().toString()));
            case AMOUNT_MISMATCH -> new RowProblem(p.line(), "jumlah", CycleProblem.PAYMENT_ROW_AMOUNT_MISMATCH,
                    List.of(p.amount(), p.due()));
        };
    }

    /** Copies the upload to a temporary file within the size limit; answers its SHA-256 (hex). */
    private String copyWithinLimit(InputStream content, Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                copied += n;
                if (copied > maxBytes) {
                    throw new DomainProblem(CycleProblem.PAYMENT_FILE_TOO_LARGE, Map.of("field", "file"), Math.max(1, maxBytes / (1024 * 1024)));
                }
                out.write(buffer, 0, n);
            }
        }
        if (copied == 0) throw new DomainProblem(CycleProblem.PAYMENT_FILE_EMPTY, Map.of("field", "file"));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    private static Payment toPayment(PaymentRow r) {
        return new Payment(r.paymentId(), r.invoiceId(), r.invoiceNo(), r.programId(), r.period(), Payment.Source.valueOf(r.source()),
                r.reference(), r.workers(), r.amount(), r.recordedName(), r.recordedAt());
    }
}
