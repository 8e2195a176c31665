package id.payung.sponsorship;

import id.payung.platform.DomainProblem;

import java.util.Locale;
import java.util.Map;

/** The file formats of exports: CSV (UTF-8) and XLSX. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static ExportFormat parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.name().equals(value)) return format;
        }
        throw new DomainProblem(CycleProblem.EXPORT_FORMAT_UNKNOWN, Map.of("field", "format"));
    }
}
