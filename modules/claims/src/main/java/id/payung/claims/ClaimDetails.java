package id.payung.claims;

import id.payung.platform.AuditTrail.AuditEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the claim's page shows: the claim, who is paid, the children named for the scholarship,
 * the calculation line by line, the document checklist and uploads, scholarship years, payouts, the
 * history, and what the current person may do with it.
 */
public record ClaimDetails(Claim claim, List<Beneficiary> beneficiaries, List<Child> children, List<BenefitLine> lines,
                           List<ChecklistItem> checklist, List<Document> documents, List<ScholarshipYear> scholarships,
                           List<Payout> payouts, List<AuditEntry> history, Permissions permissions) {

    /** The total of the calculation. */
    public long total() {
        return lines.stream().mapToLong(BenefitLine::amount).sum();
    }

    /** The required documents that have no acceptable upload yet. */
    public List<DocumentType> missingDocuments() {
        return checklist.stream().filter(i -> i.required() && i.acceptable() == 0).map(ChecklistItem::type).toList();
    }

    /** Who is paid: the worker (accident) or an heir (death); the first one receives the payout. */
    public record Beneficiary(int position, String name, BeneficiaryRelationship relationship, String nik,
                              String bankName, String accountNumber) {
        public String maskedNik() {
            return nik.substring(0, 6) + "********" + nik.substring(14);
        }

        public String maskedAccount() {
            return "****" + accountNumber.substring(Math.max(0, accountNumber.length() - 4));
        }

        @Override
        public String toString() {
            return "Beneficiary[" + position + ", " + relationship + "]";
        }
    }

    /** A child named for the scholarship, with his school level when the claim was reported (none: not in school). */
    public record Child(int position, String name, String nik, LocalDate birthDate, Optional<SchoolLevel> schoolLevel) {
        public String maskedNik() {
            return nik.substring(0, 6) + "********" + nik.substring(14);
        }

        @Override
        public String toString() {
            return "Child[" + position + "]";
        }
    }

    /**
     * One line of the calculation: the rule (its code and the row of the dated table it came from), the
     * basis (the figures that went in, rendered by the rule's localized text) and the amount.
     */
    public record BenefitLine(int lineNo, String ruleCode, Optional<LocalDate> ruleValidFrom, List<String> basisArgs,
                              long amount) {
    }

    /** One entry of the checklist for this claim: needed or not, how many acceptable uploads, asked for by BPJS. */
    public record ChecklistItem(DocumentType type, DocumentType.Requirement requirement, boolean required,
                                int acceptable, boolean requested) {
    }

    /** An uploaded document (no content): what, which file, how big, its SHA-256, who and when. */
    public record Document(UUID id, DocumentType type, String fileName, String contentType, int sizeBytes,
                           String sha256, String uploadedBy, OffsetDateTime uploadedAt, Optional<String> rejectedReason) {
        public boolean acceptable() {
            return rejectedReason.isEmpty();
        }
    }

    /** A school year of scholarship for a child: granted with the claim, or requested later year by year. */
    public record ScholarshipYear(UUID id, int childPosition, int schoolYear, SchoolLevel level, long amount,
                                  boolean paidWithClaim, Status status) {
        public enum Status { GRANTED, REQUESTED, PAID }

        /** "2026/2027". */
        public String schoolYearLabel() {
            return schoolYear + "/" + (schoolYear + 1);
        }
    }

    /** Money paid out with BPJS's reference: the claim's payment, or one scholarship year's. */
    public record Payout(UUID id, Optional<UUID> scholarshipId, String reference, long amount, LocalDate paidOn,
                         String recordedBy, OffsetDateTime recordedAt) {
    }

    /** What the current person may do with this claim (the services check again). */
    public record Permissions(boolean mayUpload, boolean mayOpenDocuments, boolean mayHandle, boolean mayRequestScholarship) {
    }
}
