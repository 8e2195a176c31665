package id.payung.enrollment;

import java.time.OffsetDateTime;

/** One change of a worker's registration and who made it. */
public record WorkerHistoryEntry(OffsetDateTime occurredAt, String actorName, String action, WorkerStatus status) {
}
