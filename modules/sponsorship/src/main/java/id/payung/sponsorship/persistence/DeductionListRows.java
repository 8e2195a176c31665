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

/** The OPD deduction lists and their lines, as the cycle wrote them. */
@Repository
public class DeductionListRows {

    private static final String LIST_COLUMNS = """
            list_id, period, opd_id, status, revision, sponsors, workers, amount, computed_at, approved_by, approved_name, approved_at""";

    private final DSLContext db;

    DeductionListRows(DSLContext db) {
        this.db = db;
    }

    public record ListRow(UUID listId, YearMonth period, UUID opdId, String status, int revision, int sponsors, int workers,
                          long amount, OffsetDateTime computedAt, String approvedBy, String approvedName, OffsetDateTime approvedAt) {
    }

    public record LineRow(UUID sponsorLinkId, String nip, String name, int workers, long amount) {
    }

    /** The lists of a period, by OPD; of one OPD only when opdId is not null. */
    public List<ListRow> ofPeriod(TenantId tenant, YearMonth period, UUID opdId) {
        return db.fetch("SELECT " + LIST_COLUMNS + " FROM sponsorship.deduction_list"
                                + " WHERE tenant_id = ? AND period = ?::date AND (?::uuid IS NULL OR opd_id = ?::uuid) ORDER BY opd_id",
                        tenant.value(), period.atDay(1), opdId, opdId)
                .map(DeductionListRows::toList);
    }

    /** The latest lists of one OPD (or of all when null), newest period first. */
    public List<ListRow> recent(TenantId tenant, UUID opdId, int limit) {
        return db.fetch("SELECT " + LIST_COLUMNS + " FROM sponsorship.deduction_list"
                                + " WHERE tenant_id = ? AND (?::uuid IS NULL OR opd_id = ?::uuid) ORDER BY period DESC, opd_id LIMIT ?",
                        tenant.value(), opdId, opdId, limit)
                .map(DeductionListRows::toList);
    }

    public Optional<ListRow> find(TenantId tenant, UUID listId) {
        return db.fetch("SELECT " + LIST_COLUMNS + " FROM sponsorship.deduction_list WHERE tenant_id = ? AND list_id = ?",
                tenant.value(), listId).stream().findFirst().map(DeductionListRows::toList);
    }

    public List<LineRow> lines(TenantId tenant, UUID listId, int offset, int limit) {
        return db.fetch("""
                        SELECT sponsor_link_id, nip, name, workers, amount FROM sponsorship.deduction_line
                        WHERE tenant_id = ? AND list_id = ? ORDER BY name NULLS LAST, nip OFFSET ? LIMIT ?""",
                tenant.value(), listId, offset, limit).map(DeductionListRows::toLine);
    }

    public int lineCount(TenantId tenant, UUID listId) {
        return ((Number) db.fetchValue("SELECT count(*) FROM sponsorship.deduction_line WHERE tenant_id = ? AND list_id = ?",
                tenant.value(), listId)).intValue();
    }

    /** Approves the revision the head saw; false when the list is no longer that draft revision. */
    public boolean approve(TenantId tenant, UUID listId, int revision, String by, String byName) {
        return db.execute("""
                        UPDATE sponsorship.deduction_list SET status = 'APPROVED', approved_by = ?, approved_name = ?, approved_at = now()
                        WHERE tenant_id = ? AND list_id = ? AND status = 'DRAFT' AND revision = ?""",
                by, byName, tenant.value(), listId, revision) == 1;
    }

    public record ExportLine(UUID listId, UUID opdId, YearMonth period, String nip, String name, int workers, long amount) {
    }

    /** Streams the lines of the approved lists of a period (of one list when listId is not null), by OPD then name. */
    public void eachApprovedLine(TenantId tenant, YearMonth period, UUID listId, Consumer<ExportLine> consumer) {
        try (Cursor<Record> cursor = db.resultQuery("""
                        SELECT l.list_id, l.opd_id, l.period, x.nip, x.name, x.workers, x.amount
                        FROM sponsorship.deduction_list l
                        JOIN sponsorship.deduction_line x ON x.tenant_id = l.tenant_id AND x.list_id = l.list_id
                        WHERE l.tenant_id = ? AND l.period = ?::date AND l.status = 'APPROVED' AND (?::uuid IS NULL OR l.list_id = ?::uuid)
                        ORDER BY l.opd_id, x.name NULLS LAST, x.nip""",
                tenant.value(), period.atDay(1), listId, listId).fetchSize(5_000).fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(new ExportLine(r.get(0, UUID.class), r.get(1, UUID.class), YearMonth.from(r.get(2, LocalDate.class)),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, Integer.class), r.get(6, Long.class)));
            }
        }
    }

    private static ListRow toList(Record r) {
        return new ListRow(r.get("list_id", UUID.class), YearMonth.from(r.get("period", LocalDate.class)), r.get("opd_id", UUID.class),
                r.get("status", String.class), r.get("revision", Integer.class), r.get("sponsors", Integer.class),
                r.get("workers", Integer.class), r.get("amount", Long.class), r.get("computed_at", OffsetDateTime.class),
                r.get("approved_by", String.class), r.get("approved_name", String.class), r.get("approved_at", OffsetDateTime.class));
    }

    private static LineRow toLine(Record r) {
        return new LineRow(r.get(0, UUID.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Integer.class), r.get(4, Long.class));
    }
}
