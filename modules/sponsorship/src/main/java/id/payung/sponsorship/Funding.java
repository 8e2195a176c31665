package id.payung.sponsorship;

import id.payung.platform.TenantId;
import id.payung.tenancy.OpdId;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One worker funded by one program for the months {@code firstPeriod} to {@code lastPeriod} inclusive
 * ({@code null}: until ended). A funding ended before its first month has {@code lastPeriod} = the month
 * before {@code firstPeriod}: it was cancelled and funds no month. ASN sponsorships name the sponsor's
 * account link, his OPD, the relationship and the consent; other programs' fundings have none of them.
 * {@code declaredIncome} and {@code transportSector} are the worker's facts when the funding started.
 */
public record Funding(TenantId tenantId, UUID id, UUID programId, UUID workerId, YearMonth firstPeriod,
                      YearMonth lastPeriod, UUID sponsorLinkId, OpdId opdId, SponsoredRelationship relationship,
                      UUID consentId, long declaredIncome, boolean transportSector, OffsetDateTime createdAt,
                      OffsetDateTime endedAt, String endReason) {

    public boolean isCancelled() {
        return lastPeriod != null && lastPeriod.isBefore(firstPeriod);
    }

    public boolean fundsMonth(YearMonth month) {
        return !month.isBefore(firstPeriod) && (lastPeriod == null || !month.isAfter(lastPeriod));
    }

    /** Funds the month or a later one: not ended before {@code month}. */
    public boolean runsOnIn(YearMonth month) {
        return !isCancelled() && (lastPeriod == null || !lastPeriod.isBefore(month));
    }
}
