package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.SponsorshipEvents.DeductionListApproved;
import id.payung.sponsorship.persistence.DeductionListRows;
import id.payung.sponsorship.persistence.DeductionListRows.ListRow;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The OPD deduction lists the cycle produces: per OPD and month, per ASN sponsor his NIP, name, number
 * of workers and amount. The Disnaker operator sees every OPD's list; an OPD head sees and approves only
 * his own OPD's (the OPD of his approved ASN link, as for registration requests). Approval takes the
 * revision the head reviewed: a list recomputed since is refused, so he never approves figures he did
 * not see. Approved lists are exported for the finance agency in the pemda's layout (CSV or XLSX).
 */
@Service
public class DeductionLists {

    private final DeductionListRows rows;
    private final CycleGuards guards;
    private final OpdHeads opdHeads;
    private final OpdNames opdNames;
    private final CycleSettings settings;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    DeductionLists(DeductionListRows rows, CycleGuards guards, OpdHeads opdHeads, OpdNames opdNames, CycleSettings settings,
                   TenantAdministration tenants, TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                   ApplicationEventPublisher events) {
        this.rows = rows;
        this.guards = guards;
        this.opdHeads = opdHeads;
        this.opdNames = opdNames;
        this.settings = settings;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** A list with a page of its lines. */
    public record Detail(DeductionList list, Page<DeductionList.Line> lines, boolean mayApprove) {
    }

    /** The lists of a period (current month when empty): all for the operator, his own OPD's for an OPD head. */
    public List<DeductionList> ofPeriod(TenantId tenant, String periodText) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR, Role.OPD_HEAD);
        YearMonth period = ContributionPeriods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            UUID own = ownOpdFilter(tenant, actor);
            var names = opdNames.of(tenant);
            return rows.ofPeriod(tenant, period, own).stream().map(r -> toList(r, names))
                    .sorted(java.util.Comparator.comparing(DeductionList::opdName)).toList();
        });
    }

    /** The latest lists (an OPD head's own OPD's), newest period first: his starting point. */
    public List<DeductionList> recent(TenantId tenant) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR, Role.OPD_HEAD);
        return transactions.readInTenant(tenant, () -> {
            UUID own = ownOpdFilter(tenant, actor);
            var names = opdNames.of(tenant);
            return rows.recent(tenant, own, 24).stream().map(r -> toList(r, names)).toList();
        });
    }

    public Detail get(TenantId tenant, UUID listId, PageRequest page) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR, Role.OPD_HEAD);
        return transactions.readInTenant(tenant, () -> {
            ListRow row = readable(tenant, listId, actor);
            var names = opdNames.of(tenant);
            var lines = rows.lines(tenant, listId, page.offset(), page.size()).stream()
                    .map(l -> new DeductionList.Line(l.sponsorLinkId(), l.nip(), l.name(), l.workers(), l.amount())).toList();
            boolean mayApprove = row.status().equals("DRAFT") && (actor.isUnrestricted()
                    || (actor.has(Role.OPD_HEAD) && opdHeads.opdOf(tenant, actor).map(o -> o.value().equals(row.opdId())).orElse(false)));
            return new Detail(toList(row, names), new Page<>(lines, page.page(), page.size(), rows.lineCount(tenant, listId)), mayApprove);
        });
    }

    /**
     * The head of the list's OPD approves the revision he reviewed. Refused: another OPD's head, a list
     * approved already, a revision recomputed since, a run in progress, a closed period.
     */
    public DeductionList approve(TenantId tenant, UUID listId, Integer revision) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD);
        if (revision == null || revision < 1) throw new DomainProblem(CycleProblem.REVISION_REQUIRED, Map.of("field", "revision"));
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            guards.lock(tenant);
            ListRow row = rows.find(tenant, listId).orElseThrow(() -> new DomainProblem(CycleProblem.DEDUCTION_LIST_NOT_FOUND));
            var names = opdNames.of(tenant);
            if (!actor.isUnrestricted()) {
                OpdId own = opdHeads.opdOf(tenant, actor).orElse(null);
                if (own == null || !own.value().equals(row.opdId())) {
                    throw new DomainProblem(CycleProblem.NOT_HEAD_OF_LIST_OPD, OpdNames.name(names, row.opdId()));
                }
            }
            if (row.status().equals("APPROVED")) {
                throw new DomainProblem(CycleProblem.DEDUCTION_LIST_ALREADY_APPROVED, row.approvedName(), row.approvedAt()
                        .atZoneSameInstant(ContributionPeriods.ZONE).format(CycleGuards.WHEN));
            }
            guards.requireOpen(tenant, row.period());
            guards.requireNoRun(tenant);
            guards.requireCompletedRun(tenant, row.period());
            if (row.revision() != revision) {
                throw new DomainProblem(CycleProblem.DEDUCTION_LIST_CHANGED, row.revision(), revision);
            }
            if (!rows.approve(tenant, listId, revision, actor.subject(), actor.displayName())) {
                throw new DomainProblem(CycleProblem.DEDUCTION_LIST_CHANGED, row.revision(), revision);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("period", row.period().toString());
            details.put("opd", OpdNames.code(names, row.opdId()));
            details.put("revision", revision);
            details.put("sponsors", row.sponsors());
            details.put("workers", row.workers());
            details.put("amount", row.amount());
            audit.record("deduction-list.approved", "deduction-list", listId, details);
            events.publishEvent(new DeductionListApproved(tenant, listId, row.opdId(), row.period(), row.sponsors(), row.workers(), row.amount()));
            return toList(rows.find(tenant, listId).orElseThrow(), names);
        });
    }

    /**
     * Writes the approved lists of a period (or one list) in the pemda's layout, CSV or XLSX. The operator
     * exports every OPD's; an OPD head only his own. Refused when nothing of the period is approved yet.
     */
    public void export(TenantId tenant, String periodText, UUID listId, ExportFormat format, OutputStream out) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR, Role.OPD_HEAD);
        YearMonth period = ContributionPeriods.parse(periodText);
        int written = transactions.readInTenant(tenant, () -> {
            UUID own = ownOpdFilter(tenant, actor);
            if (listId != null) readable(tenant, listId, actor);
            List<ListRow> approved = rows.ofPeriod(tenant, period, own).stream()
                    .filter(r -> r.status().equals("APPROVED") && (listId == null || r.listId().equals(listId))).toList();
            if (approved.isEmpty()) throw new DomainProblem(CycleProblem.NO_APPROVED_LISTS, period);
            var names = opdNames.of(tenant);
            var layout = settings.current(tenant);
            int[] count = {0};
            try (var sheet = Exports.open(format, out, "Potongan TPP " + period, layout.csvSeparator())) {
                sheet.row(layout.layout().stream().map(CycleSettings.Column::header).toList());
                for (ListRow list : approved) {
                    rows.eachApprovedLine(tenant, period, list.listId(), line -> {
                        count[0]++;
                        List<Object> cells = new ArrayList<>(layout.layout().size());
                        for (var column : layout.layout()) cells.add(cell(column.column(), count[0], line, names));
                        sheet.row(cells);
                    });
                }
            }
            return count[0];
        });
        transactions.inTenant(tenant, () -> audit.record("deduction-lists.exported", "contribution-period", period,
                Map.of("format", format.name(), "lines", written, "list", listId == null ? "all" : listId.toString())));
    }

    private static Object cell(DeductionColumn column, int number, DeductionListRows.ExportLine line, Map<UUID, Opd> names) {
        return switch (column) {
            case NOMOR -> number;
            case NIP -> line.nip();
            case NAMA -> line.name() == null ? "" : line.name();
            case KODE_OPD -> OpdNames.code(names, line.opdId());
            case NAMA_OPD -> OpdNames.name(names, line.opdId());
            case PERIODE -> line.period().toString();
            case JUMLAH_PEKERJA -> line.workers();
            case JUMLAH_POTONGAN -> line.amount();
            case KETERANGAN -> "Iuran BPJS Ketenagakerjaan BPU " + line.period();
        };
    }

    /** The OPD an OPD head is limited to (null: the operator and developers see every OPD). */
    private UUID ownOpdFilter(TenantId tenant, Actor actor) {
        if (actor.isUnrestricted() || actor.has(Role.DISNAKER_OPERATOR)) return null;
        return opdHeads.opdOf(tenant, actor).map(OpdId::value)
                .orElseThrow(() -> new DomainProblem(CycleProblem.NOT_HEAD_OF_LIST_OPD, "-"));
    }

    private ListRow readable(TenantId tenant, UUID listId, Actor actor) {
        ListRow row = rows.find(tenant, listId).orElseThrow(() -> new DomainProblem(CycleProblem.DEDUCTION_LIST_NOT_FOUND));
        UUID own = ownOpdFilter(tenant, actor);
        if (own != null && !own.equals(row.opdId())) {
            throw new DomainProblem(CycleProblem.NOT_HEAD_OF_LIST_OPD, OpdNames.name(opdNames.of(tenant), row.opdId()));
        }
        return row;
    }

    private static DeductionList toList(ListRow r, Map<UUID, Opd> names) {
        return new DeductionList(r.listId(), r.period(), new OpdId(r.opdId()), OpdNames.code(names, r.opdId()), OpdNames.name(names, r.opdId()),
                DeductionList.Status.valueOf(r.status()), r.revision(), r.sponsors(), r.workers(), r.amount(), r.computedAt(),
                r.approvedName(), r.approvedAt());
    }
}
