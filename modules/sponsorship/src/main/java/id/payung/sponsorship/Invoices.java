package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.InvoiceRows;
import id.payung.sponsorship.persistence.InvoiceRows.InvoiceRow;
import id.payung.sponsorship.persistence.InvoiceRows.ProgramRow;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.io.OutputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Invoices to BPJS: one per program and period, billing the program's dues of the month. For the ASN/TPP
 * program every OPD's deduction list of the month must be approved first (the invoice bills exactly what
 * the OPDs deduct); an APBD cohort's invoices stay within its budget ceiling. Issuing locks those dues:
 * later runs of the cycle leave them as they are. Invoices are never changed or withdrawn.
 */
@Service
public class Invoices {

    static final Role[] MAY_READ = {Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    /** The columns of an invoice's lines export: also the columns of BPJS's payment confirmation file. */
    public static final List<String> LINE_COLUMNS = List.of("nomor_tagihan", "periode", "id_pekerja", "jumlah");
    private static final DateTimeFormatter NUMBER_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final InvoiceRows rows;
    private final CycleGuards guards;
    private final OpdNames opdNames;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    Invoices(InvoiceRows rows, CycleGuards guards, OpdNames opdNames, TenantAdministration tenants, TenantTransactions transactions,
             CurrentActor currentActor, AuditTrail audit) {
        this.rows = rows;
        this.guards = guards;
        this.opdNames = opdNames;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public Invoice issue(TenantId tenant, String programIdText, String periodText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        YearMonth period = ContributionPeriods.parse(periodText);
        UUID programId = uuid(programIdText, CycleProblem.PROGRAM_NOT_FOUND, "programId");
        try {
            return transactions.inTenant(tenant, () -> {
                Tenant pemda = tenants.requireWritable(tenant);
                guards.lock(tenant);
                guards.requireOpen(tenant, period);
                guards.requireNoRun(tenant);
                guards.requireCompletedRun(tenant, period);
                ProgramRow program = rows.programs(tenant).stream().filter(p -> p.programId().equals(programId)).findFirst()
                        .orElseThrow(() -> new DomainProblem(CycleProblem.PROGRAM_NOT_FOUND, Map.of("field", "programId")));
                rows.ofProgram(tenant, programId, period).ifPresent(existing -> {
                    throw new DomainProblem(CycleProblem.INVOICE_ALREADY_ISSUED, existing.number(), program.name(), period);
                });
                var dues = rows.dues(tenant, programId, period);
                if (dues.workers() == 0) throw new DomainProblem(CycleProblem.NOTHING_TO_INVOICE, program.name(), period);
                if (FundingKind.valueOf(program.kind()) == FundingKind.ASN_TPP) {
                    List<UUID> drafts = rows.draftListOpds(tenant, period);
                    if (!drafts.isEmpty()) {
                        var names = opdNames.of(tenant);
                        throw new DomainProblem(CycleProblem.LISTS_NOT_APPROVED, drafts.size(), period,
                                drafts.stream().map(id -> OpdNames.name(names, id)).sorted().collect(Collectors.joining(", ")));
                    }
                    var approved = rows.approvedLists(tenant, period);
                    if (approved.workers() != dues.workers() || approved.amount() != dues.amount()) {
                        throw new DomainProblem(CycleProblem.LISTS_OUT_OF_STEP, period);
                    }
                }
                if (program.budgetCeiling() != null) {
                    long before = rows.invoicedTotal(tenant, programId);
                    if (before + dues.amount() > program.budgetCeiling()) {
                        throw new DomainProblem(CycleProblem.BUDGET_CEILING_EXCEEDED, program.name(), dues.amount(),
                                Math.max(0, program.budgetCeiling() - before), program.budgetCeiling());
                    }
                }
                UUID id = UUID.randomUUID();
                String number = pemda.regionCode().value().replace(".", "") + "-" + NUMBER_MONTH.format(period) + "-"
                        + String.format("%03d", rows.countOfPeriod(tenant, period) + 1);
                rows.insert(tenant, id, number, programId, period, dues.workers(), dues.amount(), actor.subject(), actor.displayName());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("number", number);
                details.put("program", programId.toString());
                details.put("period", period.toString());
                details.put("workers", dues.workers());
                details.put("amount", dues.amount());
                audit.record("invoice.issued", "invoice", id, details);
                return toInvoice(rows.find(tenant, id).orElseThrow(), Map.of(program.programId(), program));
            });
        } catch (DuplicateKeyException concurrent) {
            throw new DomainProblem(CycleProblem.INVOICE_ALREADY_ISSUED, "-", "-", period);
        }
    }

    public Invoice get(TenantId tenant, UUID invoiceId) {
        currentActor.get().requireAnyOf(MAY_READ);
        return transactions.readInTenant(tenant, () -> find(tenant, invoiceId));
    }

    Invoice find(TenantId tenant, UUID invoiceId) {
        return rows.find(tenant, invoiceId).map(r -> toInvoice(r, programs(tenant)))
                .orElseThrow(() -> new DomainProblem(CycleProblem.INVOICE_NOT_FOUND));
    }

    /** The invoices of a period (every period when empty), newest first. */
    public List<Invoice> list(TenantId tenant, String periodText) {
        currentActor.get().requireAnyOf(MAY_READ);
        YearMonth period = periodText == null || periodText.isBlank() ? null : ContributionPeriods.parse(periodText);
        return transactions.readInTenant(tenant, () -> {
            var programs = programs(tenant);
            return rows.list(tenant, period, 200).stream().map(r -> toInvoice(r, programs)).toList();
        });
    }

    /** The period's invoices inside the caller's tenant transaction (the cycle overview). */
    List<Invoice> ofPeriodInTransaction(TenantId tenant, YearMonth period) {
        var programs = programs(tenant);
        return rows.list(tenant, period, 1000).stream().map(r -> toInvoice(r, programs)).toList();
    }

    /**
     * Writes the invoice's lines, one per worker: {@code nomor_tagihan, periode, id_pekerja, jumlah} (the
     * layout of BPJS's payment confirmation file, docs/contribution-cycle.md), streamed in CSV or XLSX.
     */
    public void writeLines(TenantId tenant, UUID invoiceId, ExportFormat format, OutputStream out) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_READ);
        transactions.readInTenant(tenant, () -> {
            Invoice invoice = find(tenant, invoiceId);
            try (var sheet = Exports.open(format, out, "Tagihan", ',')) {
                sheet.row(LINE_COLUMNS);
                String period = invoice.period().toString();
                rows.eachLine(tenant, invoice.programId(), invoice.period(),
                        line -> sheet.row(List.of(invoice.number(), period, line.workerId().toString(), line.amount())));
            }
            return null;
        });
        transactions.inTenant(tenant, () -> audit.record("invoice.exported", "invoice", invoiceId, Map.of("format", format.name())));
    }

    private Map<UUID, ProgramRow> programs(TenantId tenant) {
        return rows.programs(tenant).stream().collect(Collectors.toMap(ProgramRow::programId, p -> p));
    }

    private static Invoice toInvoice(InvoiceRow r, Map<UUID, ProgramRow> programs) {
        ProgramRow program = programs.get(r.programId());
        return new Invoice(r.invoiceId(), r.number(), r.programId(), program == null ? "" : program.name(),
                program == null ? null : FundingKind.valueOf(program.kind()), r.period(), r.workers(), r.amount(), r.paidWorkers(),
                r.paidAmount(), r.issuedByName(), r.issuedAt());
    }

    static UUID uuid(String text, CycleProblem problem, String field) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(problem, Map.of("field", field));
        }
    }
}
