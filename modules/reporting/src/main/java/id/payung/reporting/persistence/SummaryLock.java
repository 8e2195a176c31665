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
 */
@Repository
public class SummaryLock {

    private final DSLContext db;

    SummaryLock(DSLContext db) {
        this.db = db;
    }

    /** Locks the pemda's row for one event; answers its kind, or nothing when the pemda has no row yet. */
    public Optional<String> forEvent(TenantId tenant) {
        return db.fetchOptional("SELECT kind FROM reporting.pemda_summary WHERE tenant_id = ? FOR NO KEY UPDATE", tenant.value())
                .map(r -> r.get(0, String.class));
    }

    public void exclusive(TenantId tenant) {
        db.fetch("SELECT tenant_id FROM reporting.pemda_summary WHERE tenant_id = ? FOR UPDATE", tenant.value());
    }
}
