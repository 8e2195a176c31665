package id.payung.sponsorship;

import id.payung.platform.ProblemType;

/** What the monthly contribution cycle refuses, and why (messages in i18n/cycle*.properties). */
public enum CycleProblem implements ProblemType {
    PERIOD_INVALID("contribution-period-invalid", 400),
    PERIOD_IN_FUTURE("period-in-future", 422),
    PERIOD_CLOSED("period-closed", 409),
    PERIOD_NOT_OVER("period-not-over", 422),
    NO_RATE_FOR_PERIOD("contribution-rate-missing", 422),
    CYCLE_ALREADY_RUNNING("cycle-already-running", 409),
    CYCLE_RUN_NOT_FOUND("cycle-run-not-found", 404),
    CYCLE_NOT_COMPLETED("cycle-not-completed", 409),
    CYCLE_IN_PROGRESS("cycle-in-progress", 409),
    DEDUCTION_LIST_NOT_FOUND("deduction-list-not-found", 404),
    DEDUCTION_LIST_ALREADY_APPROVED("deduction-list-already-approved", 409),
    DEDUCTION_LIST_CHANGED("deduction-list-changed", 409),
    REVISION_REQUIRED("revision-required", 400),
    NOT_HEAD_OF_LIST_OPD("not-head-of-list-opd", 403),
    NO_APPROVED_LISTS("no-approved-lists", 404),
    EXPORT_FORMAT_UNKNOWN("export-format-unknown", 400),
    PROGRAM_NOT_FOUND("invoice-program-not-found", 404),
    INVOICE_NOT_FOUND("invoice-not-found", 404),
    INVOICE_ALREADY_ISSUED("invoice-already-issued", 409),
    NOTHING_TO_INVOICE("nothing-to-invoice", 422),
    LISTS_NOT_APPROVED("lists-not-approved", 409),
    LISTS_OUT_OF_STEP("lists-out-of-step", 409),
    BUDGET_CEILING_EXCEEDED("budget-ceiling-exceeded", 422),
    PAYMENT_NOT_FOUND("payment-not-found", 404),
    PAYMENT_FILE_EMPTY("payment-file-empty", 400),
    PAYMENT_FILE_TYPE("payment-file-type", 415),
    PAYMENT_FILE_TOO_LARGE("payment-file-too-large", 413),
    PAYMENT_FILE_ENCODING("payment-file-encoding", 400),
    PAYMENT_FILE_HEADER("payment-file-header", 400),
    PAYMENT_FILE_TOO_MANY_ROWS("payment-file-too-many-rows", 413),
    PAYMENT_FILE_REFUSED("payment-file-refused", 422),
    PAYMENT_FILE_ALREADY_RECORDED("payment-file-already-recorded", 409),
    PAYMENT_ROW_COLUMNS("payment-row-columns", 422),
    PAYMENT_ROW_INVOICE_UNKNOWN("payment-row-invoice-unknown", 422),
    PAYMENT_ROW_PERIOD_INVALID("payment-row-period-invalid", 422),
    PAYMENT_ROW_PERIOD_NOT_INVOICED("payment-row-period-not-invoiced", 422),
    PAYMENT_ROW_WORKER_INVALID("payment-row-worker-invalid", 422),
    PAYMENT_ROW_WORKER_NOT_ON_INVOICE("payment-row-worker-not-on-invoice", 422),
    PAYMENT_ROW_AMOUNT_INVALID("payment-row-amount-invalid", 422),
    PAYMENT_ROW_AMOUNT_MISMATCH("payment-row-amount-mismatch", 422),
    PAYMENT_ROW_ALREADY_PAID("payment-row-already-paid", 422),
    PAYMENT_ROW_REPEATED("payment-row-repeated", 422),
    PAID_CONCURRENTLY("paid-concurrently", 409),
    PAYMENT_AMOUNT_INVALID("payment-amount-invalid", 400),
    PAYMENT_AMOUNT_MISMATCH("payment-amount-mismatch", 422),
    PAYMENT_REFERENCE_INVALID("contribution-payment-reference-invalid", 400),
    INVOICE_ALREADY_PAID("invoice-already-paid", 409),
    LAYOUT_EMPTY("layout-empty", 400),
    LAYOUT_COLUMN_UNKNOWN("layout-column-unknown", 400),
    LAYOUT_POSITION_INVALID("layout-position-invalid", 400),
    LAYOUT_POSITION_REPEATED("layout-position-repeated", 400),
    LAYOUT_HEADER_INVALID("layout-header-invalid", 400),
    REACTIVATION_RULE_INVALID("reactivation-rule-invalid", 400),
    CSV_SEPARATOR_INVALID("csv-separator-invalid", 400);

    private final String slug;
    private final int httpStatus;

    CycleProblem(String slug, int httpStatus) {
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
