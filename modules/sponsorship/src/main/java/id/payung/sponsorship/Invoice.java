package id.payung.sponsorship;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/** An invoice to BPJS: one program's dues for one month, and what has been paid of it. */
public record Invoice(UUID id, String number, UUID programId, String programName, FundingKind programKind, YearMonth period,
                      int workers, long amount, int paidWorkers, long paidAmount, String issuedByName, OffsetDateTime issuedAt) {

    public enum Status { ISSUED, PARTLY_PAID, PAID }

    public Status status() {
        if (paidWorkers == 0) return Status.ISSUED;
        return paidWorkers >= workers ? Status.PAID : Status.PARTLY_PAID;
    }

    public long unpaidAmount() {
        return amount - paidAmount;
    }
}
