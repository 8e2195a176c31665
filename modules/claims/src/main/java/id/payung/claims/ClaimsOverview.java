package id.payung.claims;

import id.payung.platform.TenantId;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A pemda's claims in figures: how many per status and kind, how many are overdue, the amounts approved
 * and paid (claims and later scholarship years, whole Rupiah), and the time to pay in working days
 * from complete documents (average to one decimal, the longest, how many within the deadline).
 */
public record ClaimsOverview(TenantId tenantId, Map<ClaimStatus, Long> byStatus, Map<ClaimKind, Long> byKind,
                             long total, long open, long overdue, long approvedAmount, long paidAmount, long paidClaims,
                             Optional<BigDecimal> averageWorkingDaysToPay, Optional<Integer> longestWorkingDaysToPay,
                             long paidWithinDeadline) {
}
