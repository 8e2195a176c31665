package id.payung.claims;

import id.payung.platform.TenantId;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A JKM or JKK claim as the claims module keeps it. {@link #description()} and the beneficiaries are
 * personal (and health) data: shown only to the reporter, the Disnaker operator and BPJS staff.
 */
public record Claim(TenantId tenantId, UUID id, UUID workerId, ClaimKind kind, ClaimStatus status,
                    LocalDate incidentDate, Optional<LocalTime> incidentTime, String incidentPlace, String description,
                    boolean trafficAccident, boolean lateReport, long declaredIncome, Eligibility eligibility,
                    String reportedBy, String reporterName, OffsetDateTime reportedAt,
                    List<DocumentType> requestedDocuments, Optional<String> requestNote,
                    Optional<LocalDate> completeOn, Optional<LocalDate> dueOn, Optional<Assessment> assessment,
                    Optional<String> decidedBy, Optional<OffsetDateTime> decidedAt, Optional<String> decisionReason,
                    Optional<Long> approvedAmount, Optional<LocalDate> paidOn, Optional<Integer> workingDaysToPay) {

    /**
     * The worker's cover at the incident date, as the ledger showed it when the claim was reported:
     * membership from the first paid month, the number of paid months through the incident month,
     * whether the incident month itself was paid, whether the incident fell in the JKM waiting months
     * (reduced amount) and whether the scholarship's minimum contribution period was met.
     */
    public record Eligibility(YearMonth membershipSince, int paidMonths, boolean incidentMonthPaid,
                              boolean waitingPeriod, boolean scholarshipEligible) {

        /** A claim can be approved only when the incident month was paid (no retroactive cover). */
        public boolean eligible() {
            return incidentMonthPaid;
        }
    }

    /** BPJS's assessment of a work accident the worker survived: care billed, months unable to work, disability. */
    public record Assessment(long medicalCosts, int incapacityMonths, Disability disability,
                             Optional<Integer> disabilityPercent) {
    }

    /** A short number to say on the phone: the first eight hex digits of the id. */
    public String number() {
        return number(id);
    }

    public static String number(UUID id) {
        return "KL-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public boolean isDeath() {
        return kind != ClaimKind.JKK_ACCIDENT;
    }

    /** The payment deadline passed and the money is not paid. */
    public boolean overdue(LocalDate today) {
        return ClaimStatus.UNDER_DEADLINE.contains(status) && dueOn.map(today::isAfter).orElse(false);
    }

    /** Never the description or anyone's data: a claim must not reach a log line by accident. */
    @Override
    public String toString() {
        return "Claim[" + tenantId + "/" + id + ", " + kind + ", " + status + "]";
    }
}
