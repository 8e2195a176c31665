package id.payung.claims;

import id.payung.platform.TenantId;

import java.time.LocalDate;
import java.util.UUID;

/** What the claims module announces. Ids, kinds, dates and amounts only: no personal or health data. */
public final class ClaimsEvents {

    /** A claim was reported for a worker of the pemda. */
    public record ClaimFiled(TenantId tenantId, UUID claimId, UUID workerId, ClaimKind kind, LocalDate incidentDate) {
    }

    /** BPJS staff approved (with the amount computed) or rejected a claim. */
    public record ClaimDecided(TenantId tenantId, UUID claimId, ClaimKind kind, boolean approved, long approvedAmount) {
    }

    /** A claim was paid; {@code workingDaysToPay} counts from complete documents to payment. */
    public record ClaimPaid(TenantId tenantId, UUID claimId, ClaimKind kind, long amount, LocalDate paidOn,
                            int workingDaysToPay) {
    }

    private ClaimsEvents() {
    }
}
