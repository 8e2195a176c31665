package id.payung.claims;

import id.payung.platform.ProblemType;

/** What the claims module refuses, and why. No message repeats a NIK, a name or a health detail. */
public enum ClaimsProblem implements ProblemType {
    REQUIRED("claims-required", 400),
    WORKER_ID_INVALID("claim-worker-invalid", 400),
    KIND_INVALID("claim-kind-invalid", 400),
    INCIDENT_DATE_INVALID("incident-date-invalid", 400),
    INCIDENT_DATE_IN_FUTURE("incident-date-in-future", 400),
    INCIDENT_TIME_INVALID("incident-time-invalid", 400),
    INCIDENT_BEFORE_MEMBERSHIP("incident-before-membership", 400),
    NOT_A_MEMBER("worker-never-paid", 400),
    PLACE_INVALID("incident-place-invalid", 400),
    DESCRIPTION_INVALID("incident-description-invalid", 400),
    BENEFICIARY_REQUIRED("beneficiary-required", 400),
    BENEFICIARIES_TOO_MANY("beneficiaries-too-many", 400),
    BENEFICIARY_NAME_INVALID("beneficiary-name-invalid", 400),
    BENEFICIARY_RELATIONSHIP_INVALID("beneficiary-relationship-invalid", 400),
    BENEFICIARY_IS_WORKER("beneficiary-is-worker", 400),
    BANK_NAME_INVALID("bank-name-invalid", 400),
    ACCOUNT_NUMBER_INVALID("account-number-invalid", 400),
    CHILDREN_ONLY_FOR_DEATH("children-only-for-death", 400),
    CHILDREN_TOO_MANY("children-too-many", 400),
    CHILD_NAME_INVALID("child-name-invalid", 400),
    CHILD_BIRTH_DATE_INVALID("child-birth-date-invalid", 400),
    CHILD_TOO_OLD("child-too-old", 400),
    SCHOOL_LEVEL_INVALID("school-level-invalid", 400),
    CLAIM_RIGHT_LAPSED("claim-right-lapsed", 422),
    DEATH_ALREADY_CLAIMED("death-already-claimed", 409),
    RULES_NOT_IN_FORCE("benefit-rules-not-in-force", 422),
    DECLARED_INCOME_UNKNOWN("declared-income-unknown", 422),
    CLAIM_NOT_FOUND("claim-not-found", 404),
    DOCUMENT_NOT_FOUND("document-not-found", 404),
    DOCUMENT_TYPE_INVALID("document-type-invalid", 400),
    DOCUMENT_TYPE_NOT_IN_CHECKLIST("document-type-not-in-checklist", 400),
    FILE_REQUIRED("file-required", 400),
    FILE_TOO_LARGE("file-too-large", 400),
    FILE_TYPE_NOT_ALLOWED("file-type-not-allowed", 400),
    FILE_CONTENT_MISMATCH("file-content-mismatch", 400),
    DOCUMENTS_TOO_MANY("documents-too-many", 409),
    DOCUMENTS_CLOSED("documents-closed", 409),
    REQUIRED_DOCUMENTS_MISSING("required-documents-missing", 409),
    REQUEST_NOTE_INVALID("request-note-invalid", 400),
    DOCUMENT_REJECTION_REASON_INVALID("document-rejection-reason-invalid", 400),
    STATUS_DOES_NOT_ALLOW("claim-status-does-not-allow", 409),
    NOT_ELIGIBLE("claim-not-eligible", 409),
    NOTHING_TO_PAY("claim-nothing-to-pay", 409),
    ASSESSMENT_ONLY_FOR_ACCIDENT("assessment-only-for-accident", 409),
    ASSESSMENT_REQUIRED("assessment-required", 409),
    MEDICAL_COSTS_INVALID("medical-costs-invalid", 400),
    INCAPACITY_MONTHS_INVALID("incapacity-months-invalid", 400),
    DISABILITY_INVALID("disability-invalid", 400),
    DISABILITY_PERCENT_INVALID("disability-percent-invalid", 400),
    DECISION_INVALID("decision-invalid", 400),
    REJECTION_REASON_INVALID("rejection-reason-invalid", 400),
    PAYMENT_REFERENCE_INVALID("payment-reference-invalid", 400),
    PAID_ON_INVALID("paid-on-invalid", 400),
    PAID_ON_IN_FUTURE("paid-on-in-future", 400),
    PAID_ON_BEFORE_COMPLETE("paid-on-before-complete", 400),
    NOT_APPROVED("claim-not-approved", 409),
    ALREADY_PAID("claim-already-paid", 409),
    REFERENCE_USED("payment-reference-used", 409),
    SCHOLARSHIP_NOT_ELIGIBLE("scholarship-not-eligible", 409),
    SCHOLARSHIP_CLAIM_NOT_PAID("scholarship-claim-not-paid", 409),
    SCHOLARSHIP_CHILD_UNKNOWN("scholarship-child-unknown", 400),
    SCHOOL_YEAR_INVALID("school-year-invalid", 400),
    SCHOLARSHIP_DECLARATION_REQUIRED("scholarship-declaration-required", 400),
    SCHOLARSHIP_YEAR_TAKEN("scholarship-year-taken", 409),
    SCHOLARSHIP_LEVEL_EXHAUSTED("scholarship-level-exhausted", 409),
    SCHOLARSHIP_AGE_LIMIT("scholarship-age-limit", 409),
    SCHOLARSHIP_NOT_FOUND("scholarship-not-found", 404),
    SCHOLARSHIP_NOT_REQUESTED("scholarship-not-requested", 409);

    private final String slug;
    private final int httpStatus;

    ClaimsProblem(String slug, int httpStatus) {
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
