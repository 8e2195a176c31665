package id.payung.sponsorship;

import id.payung.platform.DomainProblem;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/** Contribution periods (months) as people type them, {@code YYYY-MM}, and the current month in Indonesia. */
final class ContributionPeriods {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    static YearMonth current() {
        return YearMonth.now(ZONE);
    }

    /** Parses {@code YYYY-MM}; refuses anything else with a message naming the field. */
    static YearMonth parse(String text) {
        String value = text == null ? "" : text.strip();
        if (!FORMAT.matcher(value).matches()) {
            throw new DomainProblem(CycleProblem.PERIOD_INVALID, Map.of("field", "period"), shown(value));
        }
        try {
            YearMonth period = YearMonth.parse(value);
            if (period.getYear() < 2000) throw new DateTimeException("too early");
            return period;
        } catch (DateTimeException e) {
            throw new DomainProblem(CycleProblem.PERIOD_INVALID, Map.of("field", "period"), shown(value));
        }
    }

    /** Like {@link #parse} but an empty text means the current month. */
    static YearMonth parseOrCurrent(String text) {
        return text == null || text.isBlank() ? current() : parse(text);
    }

    private static String shown(String value) {
        String cut = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return Exports.neutralised(cut);
    }

    private ContributionPeriods() {
    }
}
