package id.payung.sponsorship;

import id.payung.platform.TenantId;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** What the sponsorship module announces. Ids only; never a NIP or a name. */
public final class SponsorshipEvents {

    /** An ASN asked to be linked to his NIP; the head of his OPD decides. */
    public record AsnLinkRequested(TenantId tenantId, UUID linkId) {
    }

    /** An ASN's account is linked to his NIP (from the roster, or by his OPD head): he is a sponsor of the pemda. */
    public record AsnLinkApproved(TenantId tenantId, UUID linkId) {
    }

    public record AsnLinkRefused(TenantId tenantId, UUID linkId) {
    }

    /** A funding program (ASN/TPP, APBD cohort, CSR, self) was created in a pemda. */
    public record FundingProgramCreated(TenantId tenantId, UUID programId, FundingKind kind) {
    }

    /**
     * A worker's funding by a program starts with {@code firstPeriod}. For the ASN/TPP program
     * {@code sponsorLinkId} and {@code opdId} name the sponsor's link and his OPD; otherwise both are null.
     */
    public record SponsorshipStarted(TenantId tenantId, UUID fundingId, UUID programId, UUID workerId,
                                     UUID sponsorLinkId, UUID opdId, YearMonth firstPeriod) {
    }

    /** A worker's funding ends after {@code lastPeriod} (inclusive). */
    public record SponsorshipEnded(TenantId tenantId, UUID fundingId, UUID programId, UUID workerId,
                                   YearMonth lastPeriod) {
    }

    /** The head of an OPD approved its deduction list for a period: sponsors, workers and the total deducted. */
    public record DeductionListApproved(TenantId tenantId, UUID listId, UUID opdId, YearMonth period,
                                        int sponsors, int workers, long amount) {
    }

    /** A payment to BPJS was recorded: it paid {@code workers} worker-months of {@code period} for {@code amount}. */
    public record ContributionPaid(TenantId tenantId, UUID paymentId, UUID programId, YearMonth period,
                                   int workers, long amount) {
    }

    /**
     * These workers' cover lapsed: three consecutive months up to {@code period} went unpaid. At most 1,000
     * ids per event.
     */
    public record CoverageLapsed(TenantId tenantId, YearMonth period, List<UUID> workerIds) {
    }

    private SponsorshipEvents() {
    }
}
