package id.payung.enrollment;

import java.time.OffsetDateTime;

/**
 * One change of a worker's registration and who made it; {@code detail} says more where the change
 * has one (the KPJ recorded, the reason and date of a deactivation), never a NIK.
 */
public record WorkerHistoryEntry(OffsetDateTime occurredAt, String actorName, String action, WorkerStatus status,
                                 String detail) {

    public WorkerHistoryEntry(OffsetDateTime occurredAt, String actorName, String action, WorkerStatus status) {
        this(occurredAt, actorName, action, status, null);
    }
}
