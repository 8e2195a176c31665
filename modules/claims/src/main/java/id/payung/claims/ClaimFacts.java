package id.payung.claims;

import id.payung.claims.persistence.ClaimRows;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Claims for the other modules (reporting): non-personal summaries in id order for read models rebuilt
 * from scratch, and a pemda's figures. Reads in the caller's tenant scope: another pemda's claims are
 * simply not there. Later scholarship years are paid on their own (no {@code ClaimPaid} event); their
 * money is in {@link ClaimsOverview#paidAmount()}.
 */
@Service
public class ClaimFacts {

    static final int MAX_BATCH = 10_000;

    private final ClaimRows claims;
    private final TenantTransactions transactions;

    ClaimFacts(ClaimRows claims, TenantTransactions transactions) {
        this.claims = claims;
        this.transactions = transactions;
    }

    /** The pemda's claims in id order after {@code afterClaimId} (null: from the start), at most {@code limit} (≤ 10,000). */
    public List<ClaimSummary> summariesAfter(TenantId tenant, UUID afterClaimId, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_BATCH);
        return transactions.readInTenant(tenant, () -> claims.after(tenant, afterClaimId, bounded, ClaimSupport.today()));
    }

    public ClaimsOverview overview(TenantId tenant) {
        return transactions.readInTenant(tenant, () -> claims.overview(tenant, ClaimSupport.today()));
    }
}
