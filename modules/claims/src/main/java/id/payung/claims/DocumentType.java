package id.payung.claims;

/** The documents a claim may need (DOMAIN.md "typical documents"); which ones, per kind, is data. */
public enum DocumentType {
    KPJ_CARD, KTP_WORKER, KTP_HEIRS, DEATH_CERTIFICATE, FAMILY_CARD, HEIR_STATEMENT, BANK_BOOK,
    ACCIDENT_CHRONOLOGY, POLICE_REPORT, MEDICAL_STATEMENT, MEDICAL_RECEIPTS, SCHOOL_CERTIFICATE;

    /** When a document of the checklist is needed. */
    public enum Requirement {
        ALWAYS,
        /** Only for a traffic accident. */
        TRAFFIC,
        /** Only when a child is named for the scholarship. */
        CHILDREN,
        /** Helps; never blocks completeness. */
        OPTIONAL
    }
}
