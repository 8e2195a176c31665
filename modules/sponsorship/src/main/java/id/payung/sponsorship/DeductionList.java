package id.payung.sponsorship;

import id.payung.tenancy.OpdId;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One OPD's deduction list for a month: how many ASN sponsors, workers, and the total deducted from TPP.
 * A DRAFT is recomputed by each run of the cycle ({@code revision}); the OPD head approves a revision.
 */
public record DeductionList(UUID id, YearMonth period, OpdId opdId, String opdCode, String opdName, Status status, int revision,
                            int sponsors, int workers, long amount, OffsetDateTime computedAt, String approvedByName,
                            OffsetDateTime approvedAt) {

    public enum Status { DRAFT, APPROVED }

    /** One ASN sponsor on a list: NIP, name from the roster (empty when not on it), his workers and deduction. */
    public record Line(UUID sponsorLinkId, String nip, String name, int workers, long amount) {
    }
}
