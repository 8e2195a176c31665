package id.payung.claims;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a claim stands. REPORTED, then BPJS staff check the documents: DOCUMENTS_REQUESTED (something is
 * missing) or COMPLETE (the 7-working-day payment deadline starts); then APPROVED or REJECTED; PAID last.
 */
public enum ClaimStatus {
    REPORTED, DOCUMENTS_REQUESTED, COMPLETE, APPROVED, REJECTED, PAID;

    /** Not decided yet: documents may still be added, the claim may still be rejected. */
    public static final Set<ClaimStatus> UNDECIDED = EnumSet.of(REPORTED, DOCUMENTS_REQUESTED, COMPLETE);

    /** Waiting for BPJS: still to be decided, or approved and not yet paid. */
    public static final Set<ClaimStatus> OPEN = EnumSet.of(REPORTED, DOCUMENTS_REQUESTED, COMPLETE, APPROVED);

    /** Statuses under the payment deadline (documents complete, money not yet paid). */
    public static final Set<ClaimStatus> UNDER_DEADLINE = EnumSet.of(COMPLETE, APPROVED);

    public boolean isUndecided() {
        return UNDECIDED.contains(this);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
