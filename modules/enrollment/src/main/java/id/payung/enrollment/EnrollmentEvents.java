package id.payung.enrollment;

import id.payung.platform.TenantId;

import java.util.UUID;

/** What the enrollment module announces. Ids only; never a NIK, a name or an heir. */
public final class EnrollmentEvents {

    /** A worker was registered in a pemda (status REGISTERED, waiting for BPJS to verify). */
    public record WorkerRegistered(TenantId tenantId, UUID workerId) {
    }

    private EnrollmentEvents() {
    }
}
