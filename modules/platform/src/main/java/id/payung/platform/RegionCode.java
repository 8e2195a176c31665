package id.payung.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kemendagri region code: {@code PP} (province), {@code PP.KK} (regency 01-69, city 71-99),
 * {@code PP.KK.CC} (district), {@code PP.KK.CC.DDDD} (village). Accepts the dotted form or the same
 * digits without dots. Says nothing about whether the code exists; the region reference data does.
 */
public record RegionCode(String value) {

    private static final Pattern DOTTED = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");
    private static final Pattern DIGITS = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{10}");

    public enum Level { PROVINCE, REGENCY, DISTRICT, VILLAGE }

    public RegionCode {
        if (value == null || !DOTTED.matcher(value).matches()) {
            throw new DomainProblem(PlatformProblem.MALFORMED_REGION_CODE, value == null ? "" : value);
        }
    }

    public static RegionCode parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (DIGITS.matcher(trimmed).matches()) {
            StringBuilder dotted = new StringBuilder(trimmed.substring(0, 2));
            for (int i = 2; i < trimmed.length(); i += 2) {
                int end = i == 6 ? trimmed.length() : i + 2;
                dotted.append('.').append(trimmed, i, end);
                if (end == trimmed.length()) break;
            }
            trimmed = dotted.toString();
        }
        return new RegionCode(trimmed);
    }

    public Level level() {
        return Level.values()[value.split("\\.").length - 1];
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    public Optional<RegionCode> parent() {
        int lastDot = value.lastIndexOf('.');
        return lastDot < 0 ? Optional.empty() : Optional.of(new RegionCode(value.substring(0, lastDot)));
    }

    /** For a regency-level code: true for a city (kota, numbered 71-99), false for a regency (01-69). */
    public boolean isCity() {
        if (level() != Level.REGENCY) throw new IllegalStateException("Not a regency-level code: " + value);
        return Integer.parseInt(value.substring(3, 5)) >= 71;
    }

    @Override
    public String toString() {
        return value;
    }
}
