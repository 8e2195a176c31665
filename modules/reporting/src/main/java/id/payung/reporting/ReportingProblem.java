package id.payung.reporting;

import id.payung.platform.ProblemType;

/** What the dashboards refuse, and why. No message names another pemda or reveals its figures. */
public enum ReportingProblem implements ProblemType {
    PERIOD_MALFORMED("period-malformed", 400),
    PERIOD_OUTSIDE_DATA("period-outside-data", 400),
    DIMENSION_UNKNOWN("dimension-unknown", 400),
    STATUS_UNKNOWN("reporting-status-unknown", 400),
    AREA_NOT_IN_PEMDA("area-not-in-pemda", 404),
    OPD_NOT_IN_PEMDA("opd-not-in-pemda", 404),
    PROGRAM_NOT_IN_PEMDA("program-not-in-pemda", 404),
    OCCUPATION_NOT_IN_PEMDA("occupation-not-in-pemda", 404),
    NOT_HEAD_OF_THIS_OPD("not-head-of-this-opd", 403),
    NOT_A_LINKED_SPONSOR("not-a-linked-sponsor", 403),
    NO_BPJS_OFFICE("no-bpjs-office", 403),
    NATIONAL_VIEW_FORBIDDEN("national-view-forbidden", 403),
    EXPORT_UNKNOWN("export-unknown", 404),
    EXPORT_FORMAT_UNKNOWN("export-format-unknown", 400),
    PEMDA_NOT_IN_REPORTS("pemda-not-in-reports", 404);

    private final String slug;
    private final int httpStatus;

    ReportingProblem(String slug, int httpStatus) {
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
