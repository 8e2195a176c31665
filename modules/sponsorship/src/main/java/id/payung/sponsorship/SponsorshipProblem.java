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
    ROSTER_IMPORT_REFUSED("roster-import-refused", 400),
    ROSTER_FILE_TYPE("roster-file-type", 415),
    ROSTER_FILE_UNREADABLE("roster-file-unreadable", 400),
    ROSTER_NIP_NOT_TEXT("roster-nip-not-text", 400),
    PERIOD_INVALID("period-invalid", 400),
    PERIOD_IN_PAST("period-in-past", 400),
    PERIOD_TOO_FAR("period-too-far", 400),
    PERIOD_OUTSIDE_PROGRAM("period-outside-program", 422),
    PROGRAM_KIND_INVALID("program-kind-invalid", 400),
    PROGRAM_NAME_INVALID("program-name-invalid", 400),
    PROGRAM_NAME_TAKEN("program-name-taken", 409),
    PROGRAM_CEILING_INVALID("program-ceiling-invalid", 400),
    PROGRAM_QUOTA_INVALID("program-quota-invalid", 400),
    PROGRAM_LIMITS_NOT_FOR_KIND("program-limits-not-for-kind", 400),
    PROGRAM_DONOR_INVALID("program-donor-invalid", 400),
    PROGRAM_MONTHS_INVALID("program-months-invalid", 400),
    PROGRAM_LAST_PERIOD_REQUIRED("program-last-period-required", 400),
    PROGRAM_LAST_BEFORE_FIRST("program-last-before-first", 400),
    PROGRAM_APBD_MUST_COUNT("program-apbd-must-count", 400),
    ASN_PROGRAM_EXISTS("asn-program-exists", 409),
    PROGRAM_NOT_FOUND("program-not-found", 404),
    PROGRAM_CLOSED("program-closed", 409),
    PROGRAM_CLOSE_TOO_EARLY("program-close-too-early", 400),
    PROGRAM_FILLED_BY_SPONSORS("program-filled-by-sponsors", 409),
    NO_RATE_FOR_PERIOD("no-rate-for-period", 422),
    NO_ASN_PROGRAM("no-asn-program", 409),
    NO_APPROVED_LINK("no-approved-link", 403),
    WORKER_NOT_IN_PEMDA("worker-not-in-pemda", 404),
    WORKER_ENDED("worker-ended", 409),
    WORKER_ALREADY_REGISTERED("worker-already-registered", 409),
    FUNDING_OVERLAPS("funding-overlaps", 409),
    RELATIONSHIP_INVALID("relationship-invalid", 400),
    SPONSOR_MODE_INVALID("sponsor-mode-invalid", 400),
    CONSENT_REQUIRED("consent-required", 400),
    CONSENT_TEXT_CHANGED("consent-text-changed", 409),
    FUNDING_NOT_FOUND("funding-not-found", 404),
    FUNDING_ALREADY_ENDED("funding-already-ended", 409),
    END_REASON_INVALID("end-reason-invalid", 400),
    SELECTION_EMPTY("selection-empty", 400),
    SELECTION_TOO_LARGE("selection-too-large", 400),
    WORKERS_NOT_IN_PEMDA("workers-not-in-pemda", 404),
    IMPORT_NOT_FINISHED("import-not-finished", 409),
    LIMITS_EXCEEDED("limits-exceeded", 409),
    NIK_LIST_REFUSED("nik-list-refused", 400),
    NIK_LIST_EMPTY("nik-list-empty", 400),
    NIK_LIST_TOO_LARGE("nik-list-too-large", 400),
    NIK_LIST_FORMAT("nik-list-format", 400),
    NIK_LIST_UNKNOWN("nik-list-unknown", 400),
    NIK_LIST_REPEATED("nik-list-repeated", 400),
    NIK_LIST_WORKER_ENDED("nik-list-worker-ended", 400),
    NOT_AN_OPD_HEAD("not-an-opd-head", 403);

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
