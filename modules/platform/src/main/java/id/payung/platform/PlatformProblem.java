package id.payung.platform;

/** Problems the platform itself reports. */
public enum PlatformProblem implements ProblemType {
    MALFORMED_TENANT_ID("malformed-tenant-id", 400),
    MALFORMED_REGION_CODE("malformed-region-code", 400),
    INVALID_PAGE("invalid-page", 400),
    INVALID_INPUT("invalid-input", 400),
    TENANT_ACCESS_DENIED("tenant-access-denied", 403),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    IDENTITY_UNAVAILABLE("identity-unavailable", 503);

    private final String slug;
    private final int httpStatus;

    PlatformProblem(String slug, int httpStatus) {
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
