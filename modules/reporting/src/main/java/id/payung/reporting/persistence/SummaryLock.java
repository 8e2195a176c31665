package id.payung.reporting.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * Orders the writers of one pemda's read models by its summary row: every event transaction takes it
 * FOR KEY SHARE (events run side by side; their own summary update does not conflict), the rebuild takes
 * it FOR UPDATE, so counters are never summed again while an event is half applied.
 */
@Repository
public class SummaryLock {

    private final DSLContext db;

    SummaryLock(DSLContext db) {
        this.db = db;
    }

    /** Share-locks the pemda's row; answers its kind, or nothing when the pemda has no row yet. */
    public Optional<String> shared(TenantId tenant) {
        return db.fetchOptional("SELECT kind FROM reporting.pemda_summary WHERE tenant_id = ? FOR KEY SHARE", tenant.value())
                .map(r -> r.get(0, String.class));
    }

    public void exclusive(TenantId tenant) {
        db.fetch("SELECT tenant_id FROM reporting.pemda_summary WHERE tenant_id = ? FOR UPDATE", tenant.value());
    }
}
