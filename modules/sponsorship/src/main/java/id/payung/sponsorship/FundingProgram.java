package id.payung.sponsorship;

import id.payung.platform.TenantId;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A pemda's funding program: who pays ({@link FundingKind}), whether its premiums count as APBD-funded
 * (then the PP 50/2025 discount is withheld), an APBD cohort's budget ceiling and worker quota, a CSR
 * program's donor, and the months it runs: {@code firstPeriod} to {@code lastPeriod} inclusive, the
 * last one {@code null} while open-ended.
 */
public record FundingProgram(TenantId tenantId, UUID id, FundingKind kind, String name, boolean countsAsApbd,
                             Long budgetCeiling, Integer workerQuota, String donorName, YearMonth firstPeriod,
                             YearMonth lastPeriod, Status status, String createdBy, OffsetDateTime createdAt) {

    public enum Status { ACTIVE, CLOSED }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Whether the program runs in {@code month}. */
    public boolean runsIn(YearMonth month) {
        return !month.isBefore(firstPeriod) && (lastPeriod == null || !month.isAfter(lastPeriod));
    }

    /** The number of months it runs, or {@code null} while open-ended. */
    public Integer months() {
        return lastPeriod == null ? null : (int) (firstPeriod.until(lastPeriod, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }
}
