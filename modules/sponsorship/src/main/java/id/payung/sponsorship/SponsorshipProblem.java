package id.payung.sponsorship;

import id.payung.platform.ProblemType;

/** What the sponsorship module refuses, and why. */
public enum SponsorshipProblem implements ProblemType {
    REQUIRED("sponsorship-required", 400),
    NIP_LENGTH("nip-length", 400),
    NIP_BIRTH_DATE_INVALID("nip-birth-date-invalid", 400),
    NIP_BIRTH_DATE_IMPLAUSIBLE("nip-birth-date-implausible", 400),
    NIP_APPOINTMENT_INVALID("nip-appointment-invalid", 400),
    NIP_APPOINTMENT_NOT_AFTER_BIRTH("nip-appointment-not-after-birth", 400),
    NIP_APPOINTMENT_IN_FUTURE("nip-appointment-in-future", 400),
    NIP_SEX_INVALID("nip-sex-invalid", 400),
    BIRTH_DATE_INVALID("birth-date-invalid", 400),
    BIRTH_DATE_MISMATCH("birth-date-mismatch", 400),
    ASN_NAME_INVALID("asn-name-invalid", 400),
    PEMDA_NOT_AVAILABLE("pemda-not-available", 422),
    OPD_NOT_OF_PEMDA("opd-not-of-pemda", 422),
    ALREADY_MEMBER("already-member", 409),
    NIP_ALREADY_LINKED("nip-already-linked", 409),
    REQUEST_ALREADY_PENDING("request-already-pending", 409),
    ACCOUNT_ALREADY_LINKED("account-already-linked", 409),
    REQUEST_NOT_FOUND("request-not-found", 404),
    REQUEST_ALREADY_DECIDED("request-already-decided", 409),
    NOT_HEAD_OF_THIS_OPD("not-head-of-this-opd", 403),
    INVALID_REFUSAL_REASON("invalid-refusal-reason", 400),
    ROSTER_NIP_TAKEN("roster-nip-taken", 409),
    ROSTER_ENTRY_NOT_FOUND("roster-entry-not-found", 404),
    ROSTER_OPD_CODE_UNKNOWN("roster-opd-code-unknown", 400),
    ROSTER_ROW_COLUMNS("roster-row-columns", 400),
    ROSTER_NIP_REPEATED("roster-nip-repeated", 400),
    ROSTER_FILE_EMPTY("roster-file-empty", 400),
    ROSTER_FILE_TOO_LARGE("roster-file-too-large", 400),
    ROSTER_IMPORT_REFUSED("roster-import-refused", 400);

    private final String slug;
    private final int httpStatus;

    SponsorshipProblem(String slug, int httpStatus) {
        this.slug = slug;
        this.httpStatus = httpStatus;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
