package id.payung.reporting.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * Orders the writers of one pemda's read models by its summary row, locked as the first statement of
 * every write: events of one pemda are applied one after the other (events of different pemda side by
 * side), so each sees the previous one committed and the headline figures it recomputes at its end are
 * never stale; the rebuild takes the row FOR UPDATE and sums the counters with no event half applied.
 * Both count up the row's revision, the version under which assembled dashboards are kept
 * ({@code DashboardCache}): whatever changes a pemda's read models changes its revision in the same transaction.
 */
@Repository
public class SummaryLock {

    private final DSLContext db;

    SummaryLock(DSLContext db) {
        this.db = db;
    }

    /**
     * Locks the pemda's row for one event (the update takes the same lock as {@code FOR NO KEY UPDATE}) and
     * counts up its revision; answers the pemda's kind, or nothing when the pemda has no row yet.
     */
    public Optional<String> forEvent(TenantId tenant) {
        return db.fetchOptional("UPDATE reporting.pemda_summary SET revision = revision + 1 WHERE tenant_id = ? RETURNING kind", tenant.value())
                .map(r -> r.get(0, String.class));
    }

    public void exclusive(TenantId tenant) {
        db.fetch("SELECT tenant_id FROM reporting.pemda_summary WHERE tenant_id = ? FOR UPDATE", tenant.value());
        db.execute("UPDATE reporting.pemda_summary SET revision = revision + 1 WHERE tenant_id = ?", tenant.value());
    }
}
