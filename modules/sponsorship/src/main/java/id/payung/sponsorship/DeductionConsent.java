package id.payung.sponsorship;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * An ASN's consent to the monthly TPP deduction, as kept for evidence: the exact text he agreed to, its
 * SHA-256, its language, his account and link, the worker, the first month and that month's amount.
 */
public record DeductionConsent(UUID id, UUID linkId, String subject, String text, String sha256, String language,
                               UUID workerId, YearMonth firstPeriod, long firstAmount, OffsetDateTime givenAt) {
}
