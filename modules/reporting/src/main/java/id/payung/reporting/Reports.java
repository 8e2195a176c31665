package id.payung.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What the dashboards show, as plain values (pages, the JSON API and the exports render the same
 * records). Counts of workers, whole Rupiah, shares in percent with two decimals; no personal data.
 */
public final class Reports {

    /** What a dashboard can be broken down by. */
    public enum Dimension { DISTRICT, VILLAGE, OCCUPATION, PROGRAM, OPD }

    /** The worker statuses, in lifecycle order. */
    public static final List<String> STATUSES = List.of("REGISTERED", "VERIFIED", "ACTIVE", "INACTIVE", "ENDED");

    /** A pemda as the reports know it (copied from the tenancy registry). */
    public record Pemda(UUID tenantId, String regionCode, String kind, String name, String officeCode, String officeName,
                        String status, BigDecimal targetPercent, Long potentialWorkers) {
    }

    /**
     * Coverage against the pemda's potential workers and target in one month. Coverage share and gap
     * are empty when the pemda has not set its potential workers (or target).
     */
    public record Headline(YearMonth period, long covered, Long potentialWorkers, BigDecimal coveragePercent,
                           BigDecimal targetPercent, Long targetWorkers, Long gapWorkers, BigDecimal gapPoints,
                           long workersTotal, long registered, long verified, long active, long inactive, long ended) {

        static Headline of(YearMonth period, long covered, Long potential, BigDecimal target, long[] statuses) {
            BigDecimal share = potential == null || potential == 0 ? null
                    : BigDecimal.valueOf(covered).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(potential), 2, RoundingMode.HALF_UP);
            Long targetWorkers = target == null || potential == null ? null
                    : target.multiply(BigDecimal.valueOf(potential)).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
            Long gap = targetWorkers == null ? null : targetWorkers - covered;
            BigDecimal gapPoints = share == null || target == null ? null : target.subtract(share).setScale(2, RoundingMode.HALF_UP);
            long total = 0;
            for (long s : statuses) total += s;
            return new Headline(period, covered, potential, share, target, targetWorkers, gap, gapPoints, total,
                    statuses[0], statuses[1], statuses[2], statuses[3], statuses[4]);
        }

        public boolean targetReached() {
            return gapWorkers != null && gapWorkers <= 0;
        }
    }

    /** One month of the trend: covered at the month's end, spells starting and ending, new registrations, money and claims. */
    public record TrendPoint(YearMonth period, long covered, long started, long ended, long registered, long contributions,
                             long claimsPaidAmount) {
    }

    /**
     * One group of a breakdown: workers covered in the chosen month and registered up to it, and (for
     * the current month) how many are in each status now.
     */
    public record BreakdownRow(String key, String label, long covered, long registeredToDate, long registered, long verified,
                               long active, long inactive, long ended, BigDecimal shareOfCovered) {

        public long total() {
            return registered + verified + active + inactive + ended;
        }
    }

    public record Breakdown(Dimension dimension, String parentKey, String parentLabel, YearMonth period, boolean currentPeriod,
                            List<BreakdownRow> rows) {
    }

    /** An OPD in the ranking: covered workers its ASN sponsor, and its deduction list of the month. */
    public record OpdRank(int rank, UUID opdId, String code, String name, long covered, long sponsoredNow, Integer sponsors,
                          Integer deductionWorkers, Long deductedAmount) {

        public boolean listApproved() {
            return sponsors != null;
        }
    }

    public record ContributionRow(YearMonth period, UUID programId, String programLabel, String programKind, long workerMonths,
                                  long amount) {
    }

    public record ClaimKindRow(String kind, long filed, long awaitingDecision, long awaitingPayment, long rejected, long paid,
                               long paidAmount) {
    }

    /**
     * Claims of the pemda: the backlog now, and those paid in the twelve months up to the period (amount,
     * average working days from complete documents to payment, how many within the 7-day rule).
     */
    public record ClaimsFigures(long awaitingDecision, long awaitingPayment, long paidCount, long paidAmount,
                                BigDecimal averageWorkingDaysToPay, long paidWithinSevenDays, List<ClaimKindRow> byKind) {
    }

    public record PemdaDashboard(Pemda pemda, YearMonth period, YearMonth firstPeriod, YearMonth lastPeriod, Headline headline,
                                 List<TrendPoint> trend, Breakdown districts, Breakdown occupations, Breakdown programs,
                                 List<OpdRank> opdRanking, List<ContributionRow> contributions, long contributionsInPeriod,
                                 long contributions12m, ClaimsFigures claims) {
    }

    /** A worker in a drill-down list: ids and codes, never a name or a NIK. */
    public record WorkerRow(UUID workerId, String status, String villageCode, String villageName, String districtCode,
                            String districtName, String occupationCode, String occupationName, LocalDate registeredOn,
                            YearMonth coveredFrom, List<String> programs, List<String> opds) {
    }

    public record DeductionRow(YearMonth period, int sponsors, int workers, long amount) {
    }

    public record OpdDashboard(Pemda pemda, YearMonth period, OpdRank opd, int opdsRanked, List<TrendPoint> trend,
                               BreakdownRow statusNow, List<DeductionRow> deductions) {
    }

    /** A worker an ASN sponsors, with the months of the last year paid for him (whoever paid). */
    public record SponsoredWorker(UUID workerId, String status, String villageName, String occupationName, YearMonth fundedFrom,
                                  YearMonth fundedUntil, boolean fundingEnded, List<YearMonth> paidMonths) {
    }

    /** One month of an ASN's sponsorship: workers he funded, how many were paid, and his OPD's deduction list. */
    public record SponsorMonth(YearMonth period, int fundedWorkers, int paidWorkers, boolean opdListApproved) {
    }

    public record SponsorDashboard(Pemda pemda, UUID linkId, UUID opdId, String opdName, List<SponsoredWorker> workers,
                                   List<SponsorMonth> months) {
    }

    /** A pemda side by side with the others of an office (or the country), as of the current month. */
    public record PemdaRow(int rank, UUID tenantId, String name, String kind, String regionCode, String officeCode,
                           String officeName, Long potentialWorkers, BigDecimal targetPercent, long covered,
                           BigDecimal coveragePercent, Long gapWorkers, BigDecimal gapPoints, long verificationBacklog,
                           long claimsAwaitingDecision, long claimsAwaitingPayment, long contributions12m,
                           long claimsPaidAmount12m, YearMonth asOf) {

        public long claimsBacklog() {
            return claimsAwaitingDecision + claimsAwaitingPayment;
        }
    }

    public record OfficeOverview(String officeCode, String officeName, YearMonth asOf, List<PemdaRow> pemda, long covered,
                                 long potentialWorkers, BigDecimal coveragePercent, long verificationBacklog, long claimsBacklog) {
    }

    public record OfficeRow(int rank, String officeCode, String officeName, int pemdaCount, long covered, long potentialWorkers,
                            BigDecimal coveragePercent, long verificationBacklog, long claimsBacklog) {
    }

    public record NationalOverview(YearMonth asOf, int pemdaCount, long covered, long potentialWorkers, BigDecimal coveragePercent,
                                   long verificationBacklog, long claimsBacklog, List<OfficeRow> offices, List<PemdaRow> pemda) {
    }

    /** What a rebuild of one pemda did and the headline it ended with. */
    public record RebuildResult(UUID tenantId, long workersSeen, long workersCorrected, long workersRemoved,
                                long covered, long workersTotal, long millis) {
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private Reports() {
    }
}
