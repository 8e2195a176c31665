package id.payung.sponsorship;

import id.payung.platform.InvalidInput;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Contribution months (YYYY-MM) as forms and bodies give them, and the current month in Indonesia. */
final class Periods {

    /** How far ahead a funding may start. */
    static final int MAX_MONTHS_AHEAD = 12;

    static YearMonth current() {
        return YearMonth.now(ZoneId.of("Asia/Jakarta"));
    }

    /** The month, or null with a problem recorded for the field when it is missing or not YYYY-MM. */
    static YearMonth parse(InvalidInput.Checks checks, String field, String text) {
        if (text == null || text.isBlank()) {
            checks.require(false, field, SponsorshipProblem.REQUIRED);
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            checks.require(false, field, SponsorshipProblem.PERIOD_INVALID, text.strip());
            return null;
        }
    }

    /** A month a funding may start or end from: this month or later, at most a year ahead. */
    static void requireUpcoming(InvalidInput.Checks checks, String field, YearMonth month) {
        if (month == null) return;
        YearMonth now = current();
        checks.require(!month.isBefore(now), field, SponsorshipProblem.PERIOD_IN_PAST, month, now);
        checks.require(!month.isAfter(now.plusMonths(MAX_MONTHS_AHEAD)), field, SponsorshipProblem.PERIOD_TOO_FAR,
                month, now.plusMonths(MAX_MONTHS_AHEAD));
    }

    private Periods() {
    }
}
