package id.payung.tenancy;

import id.payung.platform.ProblemType;

/** What the tenancy module refuses, and why. */
public enum TenancyProblem implements ProblemType {
    UNKNOWN_REGION_CODE("unknown-region-code", 422),
    REGION_NOT_A_PEMDA("region-not-a-pemda", 422),
    TENANT_ALREADY_ONBOARDED("tenant-already-onboarded", 409),
    TENANT_NOT_FOUND("tenant-not-found", 404),
    TENANT_SUSPENDED("tenant-suspended", 409),
    TENANT_NOT_SUSPENDED("tenant-not-suspended", 409),
    TENANT_ALREADY_SUSPENDED("tenant-already-suspended", 409),
    INVALID_OFFICE_CODE("invalid-office-code", 400),
    INVALID_OFFICE_NAME("invalid-office-name", 400),
    INVALID_TARGET("invalid-target", 400),
    INVALID_POTENTIAL_WORKERS("invalid-potential-workers", 400),
    INVALID_SUSPENSION_REASON("invalid-suspension-reason", 400),
    REQUIRED("required", 400),
    INVALID_OPD_CODE("invalid-opd-code", 400),
    INVALID_OPD_NAME("invalid-opd-name", 400),
    OPD_CODE_TAKEN("opd-code-taken", 409),
    OPD_NAME_TAKEN("opd-name-taken", 409),
    OPD_NOT_FOUND("opd-not-found", 404),
    REGION_NOT_FOUND("region-not-found", 404),
    POLICY_MONTH_INVALID("policy-month-invalid", 400),
    POLICY_MONTH_PAST("policy-month-past", 400),
    POLICY_MONTH_TOO_FAR("policy-month-too-far", 400),
    POLICY_MINIMUM_INVALID("policy-minimum-invalid", 400);

    private final String slug;
    private final int httpStatus;

    TenancyProblem(String slug, int httpStatus) {
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
