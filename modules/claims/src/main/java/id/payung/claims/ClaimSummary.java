package id.payung.claims;

import id.payung.platform.TenantId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A claim without personal or health data: what lists, the BPJS queue, the head of region and the
 * reporting module may see. {@code amount} is the calculated total (the approved amount once decided).
 */
public record ClaimSummary(TenantId tenantId, UUID claimId, UUID workerId, ClaimKind kind, ClaimStatus status,
                           LocalDate incidentDate, OffsetDateTime reportedAt, boolean lateReport, boolean eligible,
                           Optional<LocalDate> completeOn, Optional<LocalDate> dueOn, boolean overdue, long amount,
                           Optional<LocalDate> paidOn, Optional<Integer> workingDaysToPay) {

    public String number() {
        return Claim.number(claimId);
    }
}
