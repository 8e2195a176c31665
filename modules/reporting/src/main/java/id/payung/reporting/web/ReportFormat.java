package id.payung.reporting.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/** Numbers, money, shares and months as the pages show them, in the user's language (1.234 in Indonesian). */
public final class ReportFormat {

    private final Locale locale;
    private final NumberFormat integers;

    ReportFormat(Locale locale) {
        this.locale = locale;
        this.integers = NumberFormat.getIntegerInstance(locale);
    }

    public String n(Number value) {
        return value == null ? "-" : integers.format(value);
    }

    public String rp(Number value) {
        return value == null ? "-" : "Rp" + integers.format(value);
    }

    public String pct(BigDecimal value) {
        if (value == null) return "-";
        NumberFormat decimals = NumberFormat.getNumberInstance(locale);
        decimals.setMinimumFractionDigits(0);
        decimals.setMaximumFractionDigits(2);
        return decimals.format(value) + " %";
    }

    public String month(YearMonth period) {
        return period == null ? "-" : period.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + period.getYear();
    }

    public String shortMonth(YearMonth period) {
        return period == null ? "-" : period.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + String.format("%02d", period.getYear() % 100);
    }
}
