package id.payung.sponsorship;

import java.time.YearMonth;

/**
 * The premium of one worker for one month from the dated rate tables: {@code base} (JKK + JKM) and what
 * is due after the discounts that apply ({@code premium}); whole Rupiah.
 */
public record MonthlyPremium(YearMonth month, long base, long premium) {

    public long discount() {
        return base - premium;
    }
}
