package id.payung.platform;

import id.payung.platform.persistence.AuditEvents;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Records every write: who, in which tenant, what, when. Call it inside the tenant transaction of the
 * write, so the entry commits or rolls back with it. Details hold ids and codes, never personal data.
 */
@Component
public class AuditTrail {

    private final AuditEvents auditEvents;
    private final CurrentActor currentActor;

    AuditTrail(AuditEvents auditEvents, CurrentActor currentActor) {
        this.auditEvents = auditEvents;
        this.currentActor = currentActor;
    }

    public void record(String action, String subjectType, Object subjectId, Map<String, ?> details) {
        TenantScope scope = TenantContext.current()
                .orElseThrow(() -> new IllegalStateException("Audit needs a tenant transaction"));
        if (!(scope instanceof TenantScope.OfTenant(TenantId tenant))) {
            throw new IllegalStateException("Writes are audited per tenant");
        }
        auditEvents.append(tenant, currentActor.get(), action, subjectType, String.valueOf(subjectId), details);
    }

    public void record(String action, String subjectType, Object subjectId) {
        record(action, subjectType, subjectId, Map.of());
    }

    /** The audit entries about one subject, newest first (read inside a tenant transaction). */
    public List<AuditEntry> historyOf(String subjectType, Object subjectId) {
        return auditEvents.about(subjectType, String.valueOf(subjectId));
    }

    /** The most recent entries of the current tenant, newest first (read inside a tenant transaction). */
    public List<AuditEntry> recent(int limit) {
        return auditEvents.recent(limit);
    }

    public record AuditEntry(java.time.OffsetDateTime occurredAt, String actorName, String action,
                             String subjectType, String subjectId, Map<String, String> details) {
    }
}
