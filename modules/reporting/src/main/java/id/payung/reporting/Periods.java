package id.payung.reporting;

import id.payung.platform.DomainProblem;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/** Months as the dashboards speak of them: {@code YYYY-MM}, in Indonesian (western) time. */
public final class Periods {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    /** The month it is now in Jakarta. */
    public static YearMonth current() {
        return YearMonth.now(JAKARTA);
    }

    /** A month typed by a user, or the current month when nothing was given. */
    public static YearMonth parseOrCurrent(String text) {
        if (text == null || text.isBlank()) return current();
        String value = text.strip();
        if (!FORMAT.matcher(value).matches()) {
            throw new DomainProblem(ReportingProblem.PERIOD_MALFORMED, Map.of("parameter", "period"), value);
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainProblem(ReportingProblem.PERIOD_MALFORMED, Map.of("parameter", "period"), value);
        }
    }

    private Periods() {
    }
}
