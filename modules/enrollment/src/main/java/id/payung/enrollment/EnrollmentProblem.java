package id.payung.enrollment;

import id.payung.platform.ProblemType;

/** What the enrollment module refuses, and why. No message repeats a NIK. */
public enum EnrollmentProblem implements ProblemType {
    REQUIRED("enrollment-required", 400),
    NIK_FORMAT("nik-format", 400),
    NIK_PROVINCE_UNKNOWN("nik-province-unknown", 400),
    NIK_DAY_INVALID("nik-day-invalid", 400),
    NIK_MONTH_INVALID("nik-month-invalid", 400),
    NIK_DATE_INVALID("nik-date-invalid", 400),
    NIK_SERIAL_ZERO("nik-serial-zero", 400),
    BIRTH_DATE_INVALID("worker-birth-date-invalid", 400),
    BIRTH_DATE_MISMATCH("worker-birth-date-mismatch", 400),
    SEX_INVALID("worker-sex-invalid", 400),
    SEX_MISMATCH("worker-sex-mismatch", 400),
    NAME_INVALID("worker-name-invalid", 400),
    ADDRESS_INVALID("worker-address-invalid", 400),
    PHONE_INVALID("worker-phone-invalid", 400),
    VILLAGE_CODE_MALFORMED("village-code-malformed", 400),
    VILLAGE_UNKNOWN("village-unknown", 400),
    VILLAGE_OUTSIDE_PEMDA("village-outside-pemda", 400),
    OCCUPATION_UNKNOWN("occupation-unknown", 400),
    INCOME_LEVEL_UNKNOWN("income-level-unknown", 400),
    HEIR_REQUIRED("heir-required", 400),
    HEIRS_TOO_MANY("heirs-too-many", 400),
    HEIR_NAME_INVALID("heir-name-invalid", 400),
    HEIR_RELATIONSHIP_INVALID("heir-relationship-invalid", 400),
    HEIR_IS_WORKER("heir-is-worker", 400),
    REGISTERED_ELSEWHERE("registered-elsewhere", 409),
    REGISTERED_HERE_BY_ANOTHER("registered-here-by-another", 409),
    WORKER_NOT_FOUND("worker-not-found", 404),
    STATUS_INVALID("worker-status-invalid", 400),
    KPJ_FORMAT("kpj-format", 400),
    KPJ_TAKEN("kpj-taken", 409),
    STATUS_CHANGE_REFUSED("worker-status-change-refused", 409),
    DEACTIVATION_STATUS_INVALID("deactivation-status-invalid", 400),
    DEACTIVATION_REASON_INVALID("deactivation-reason-invalid", 400),
    DEACTIVATION_NOTE_INVALID("deactivation-note-invalid", 400),
    DEACTIVATION_DATE_INVALID("deactivation-date-invalid", 400),
    DEACTIVATION_DATE_FUTURE("deactivation-date-future", 400),
    DEACTIVATION_DATE_BEFORE_REGISTRATION("deactivation-date-before-registration", 400),
    REACTIVATION_REASON_INVALID("reactivation-reason-invalid", 400),
    BATCH_EMPTY("verification-batch-empty", 400),
    BATCH_HEADER("verification-batch-header", 400),
    BATCH_TOO_LARGE("verification-batch-too-large", 400),
    BATCH_COLUMNS("verification-batch-columns", 400),
    BATCH_STATUS("verification-batch-status", 400),
    BATCH_UNKNOWN_NIK("verification-batch-unknown-nik", 400),
    BATCH_NOT_PENDING("verification-batch-not-pending", 400),
    BATCH_DUPLICATE_NIK("verification-batch-duplicate-nik", 400),
    // bulk import (worker-imports)
    IMPORT_FILE_TYPE("import-file-type", 415),
    IMPORT_XLS_OLD_FORMAT("import-xls-old-format", 415),
    IMPORT_NOT_XLSX("import-not-xlsx", 415),
    IMPORT_CSV_IS_XLSX("import-csv-is-xlsx", 415),
    IMPORT_XLSX_UNREADABLE("import-xlsx-unreadable", 400),
    IMPORT_XLSX_TOO_MANY_ROWS("import-xlsx-too-many-rows", 413),
    IMPORT_CELL_FORMULA("import-cell-formula", 400),
    IMPORT_CELL_ERROR("import-cell-error", 400),
    IMPORT_CELL_NUMBER_NIK("import-cell-number-nik", 400),
    IMPORT_CELL_NUMBER_PHONE("import-cell-number-phone", 400),
    IMPORT_CELL_TOO_LONG("import-cell-too-long", 400),
    IMPORT_TOO_LARGE("import-too-large", 413),
    IMPORT_TOO_MANY_ROWS("import-too-many-rows", 413),
    IMPORT_EMPTY("import-empty", 400),
    IMPORT_HEADER("import-header", 400),
    IMPORT_ENCODING("import-encoding", 400),
    IMPORT_CSV_QUOTE("import-csv-quote", 400),
    IMPORT_CSV_CELL_TOO_LONG("import-csv-cell-too-long", 400),
    IMPORT_CSV_TOO_MANY_CELLS("import-csv-too-many-cells", 400),
    IMPORT_ROW_CELLS("import-row-cells", 400),
    IMPORT_DUPLICATE_IN_FILE("import-duplicate-in-file", 400),
    IMPORT_MODE_REQUIRED("import-mode-required", 400),
    IMPORT_NOT_FOUND("worker-import-not-found", 404);

    private final String slug;
    private final int httpStatus;

    EnrollmentProblem(String slug, int httpStatus) {
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
