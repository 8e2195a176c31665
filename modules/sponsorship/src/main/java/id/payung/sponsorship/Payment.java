package id.payung.sponsorship;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/** A payment BPJS received for (part of) an invoice: the worker-months it paid and their amount. */
public record Payment(UUID id, UUID invoiceId, String invoiceNumber, UUID programId, YearMonth period, Source source,
                      String reference, int workers, long amount, String recordedByName, OffsetDateTime recordedAt) {

    /** From BPJS's payment confirmation file, or entered by hand for the rest of an invoice. */
    public enum Source { FILE, MANUAL }
}
