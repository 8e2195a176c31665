package id.payung.enrollment;

import id.payung.platform.DomainProblem;
import id.payung.platform.ProblemType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A resident's 16-digit national ID number {@code PP KK CC DDMMYY SSSS}: the region of first registration
 * (province, regency/city, district), the birth date with 40 added to the day for women, and a serial
 * from 0001. There is no check digit and {@code YY} has no century: the birth date is the latest date
 * with those digits that is not in the future. Spaces, dots and dashes people type are ignored.
 * <p>
 * A NIK is personal data: {@link #toString()} masks it, and no problem message repeats it.
 */
public final class Nik {

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private Nik(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /**
     * Parses what a person typed, refusing it with the first thing wrong with it.
     *
     * @param provinceExists whether a two-digit province code exists in the region reference data
     */
    public static Nik parse(String text, LocalDate today, Predicate<String> provinceExists) {
        String nik = normalize(text);
        ProblemType problem = problemWith(nik, today, provinceExists).orElse(null);
        if (problem != null) throw new DomainProblem(problem);
        LocalDate birth = birthDateOf(nik, today).orElseThrow();
        return new Nik(nik, birth, dayNumber(nik) > 40 ? Sex.FEMALE : Sex.MALE);
    }

    /** A NIK already normalized and found without problem by {@link #problemWith}. */
    static Nik ofChecked(String nik, LocalDate today) {
        LocalDate birth = birthDateOf(nik, today).orElseThrow();
        return new Nik(nik, birth, dayNumber(nik) > 40 ? Sex.FEMALE : Sex.MALE);
    }

    public static String normalize(String text) {
        if (text == null) return "";
        // By hand rather than a regular expression: an import normalizes two NIKs per row, a million rows.
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean dropped = c == ' ' || c == '.' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
            if (dropped && kept == null) kept = new StringBuilder(text.length()).append(text, 0, i);
            else if (!dropped && kept != null) kept.append(c);
        }
        return kept == null ? text : kept.toString();
    }

    /** Whether the text is exactly 16 ASCII digits. */
    static boolean isSixteenDigits(String text) {
        if (text == null || text.length() != 16) return false;
        for (int i = 0; i < 16; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** What is wrong with the (normalized) text as a NIK on the given day, if anything. */
    public static Optional<ProblemType> problemWith(String nik, LocalDate today, Predicate<String> provinceExists) {
        if (!isSixteenDigits(nik)) return Optional.of(EnrollmentProblem.NIK_FORMAT);
        if (!provinceExists.test(nik.substring(0, 2))) return Optional.of(EnrollmentProblem.NIK_PROVINCE_UNKNOWN);
        int day = dayNumber(nik);
        if (day == 0 || (day > 31 && day < 41) || day > 71) return Optional.of(EnrollmentProblem.NIK_DAY_INVALID);
        int month = Integer.parseInt(nik.substring(8, 10));
        if (month < 1 || month > 12) return Optional.of(EnrollmentProblem.NIK_MONTH_INVALID);
        if (birthDateOf(nik, today).isEmpty()) return Optional.of(EnrollmentProblem.NIK_DATE_INVALID);
        if (nik.endsWith("0000")) return Optional.of(EnrollmentProblem.NIK_SERIAL_ZERO);
        return Optional.empty();
    }

    /** The latest real date with the NIK's day (women's +40 removed), month and two-digit year that is not after today. */
    static Optional<LocalDate> birthDateOf(String nik, LocalDate today) {
        int day = dayNumber(nik) > 40 ? dayNumber(nik) - 40 : dayNumber(nik);
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        for (int century = today.getYear() / 100 * 100; century >= today.getYear() / 100 * 100 - 100; century -= 100) {
            try {
                LocalDate date = LocalDate.of(century + yy, month, day);
                if (!date.isAfter(today)) return Optional.of(date);
            } catch (DateTimeException impossible) {
                // e.g. 29 February of a year that is not a leap year: try the century before
            }
        }
        return Optional.empty();
    }

    private static int dayNumber(String nik) {
        return Integer.parseInt(nik.substring(6, 8));
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Jakarta"));
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** The two-digit province code of first registration. */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** The NIK as lists show it: region digits and the last two, the birth date and serial hidden. */
    public static String masked(String nik) {
        if (nik == null || nik.length() != 16) return "****************";
        return nik.substring(0, 6) + "********" + nik.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nik nik && nik.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: a NIK must not reach a log line by accident. */
    @Override
    public String toString() {
        return masked(value);
    }
}
