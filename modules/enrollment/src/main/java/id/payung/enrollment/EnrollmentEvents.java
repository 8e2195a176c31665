package id.payung.enrollment;

import id.payung.platform.TenantId;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** What the enrollment module announces. Ids only; never a NIK, a name or an heir. */
public final class EnrollmentEvents {

    /**
     * A worker was registered in a pemda (status REGISTERED, waiting for BPJS to verify); also when a worker
     * who had ENDED is registered again (same worker id).
     */
    public record WorkerRegistered(TenantId tenantId, UUID workerId) {
    }

    /** BPJS staff recorded the worker's KPJ (status VERIFIED). */
    public record WorkerVerified(TenantId tenantId, UUID workerId) {
    }

    /** The worker was made INACTIVE or ENDED; the status and reason are read from the worker, not carried here. */
    public record WorkerDeactivated(TenantId tenantId, UUID workerId) {
    }

    /**
     * An operator or BPJS staff brought an INACTIVE worker back (status VERIFIED with a KPJ, else REGISTERED);
     * he becomes ACTIVE again with his next paid contribution.
     */
    public record WorkerReactivated(TenantId tenantId, UUID workerId) {
    }

    /**
     * A bulk import stored its workers (status REGISTERED). One event per import, not per worker: a
     * listener reads the import's workers through the module's API.
     */
    public record WorkersImported(TenantId tenantId, UUID importId) {
    }

    /**
     * These workers became ACTIVE because {@code period} was paid (sponsorship drives it, ADR 0007). At
     * most 1,000 ids per event; a payment for many workers is several events.
     */
    public record WorkersActivated(TenantId tenantId, YearMonth period, List<UUID> workerIds) {
    }

    /** These workers became INACTIVE: three consecutive months up to {@code period} went unpaid. */
    public record WorkersLapsed(TenantId tenantId, YearMonth period, List<UUID> workerIds) {
    }

    private EnrollmentEvents() {
    }
}
