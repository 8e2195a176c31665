package id.payung.sponsorship;

import id.payung.platform.DomainProblem;
import id.payung.platform.ProblemType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An ASN's 18-digit number: birth date {@code YYYYMMDD}, first appointment {@code YYYYMM}, sex
 * {@code 1}/{@code 2}, 3-digit serial. A PPPK's NI has the same shape with {@code 21} in place of the
 * appointment month ({@code YYYY21}); both are accepted. Spaces and dots people type between the groups
 * are ignored.
 */
public record Nip(String value) {

    /** The oldest birth year taken as plausible for a serving ASN. */
    static final int OLDEST_BIRTH_YEAR = 1940;
    /** The youngest an ASN can be: the minimum age of appointment. */
    static final int MINIMUM_AGE = 18;
    private static final String PPPK_MARKER = "21";

    public Nip {
        ProblemType problem = problemWith(value, today()).orElse(null);
        if (problem != null) throw new DomainProblem(problem, value == null ? "" : value);
    }

    /** Parses what a person typed; refuses it with the first thing wrong with it. */
    public static Nip parse(String text) {
        return new Nip(normalize(text));
    }

    public static String normalize(String text) {
        return text == null ? "" : text.replaceAll("[\\s.]", "");
    }

    /** What is wrong with the (normalized) text as a NIP on the given day, if anything. */
    public static Optional<ProblemType> problemWith(String nip, LocalDate today) {
        if (nip == null || !nip.matches("[0-9]{18}")) return Optional.of(SponsorshipProblem.NIP_LENGTH);
        LocalDate birth;
        try {
            birth = LocalDate.of(number(nip, 0, 4), number(nip, 4, 6), number(nip, 6, 8));
        } catch (DateTimeException e) {
            return Optional.of(SponsorshipProblem.NIP_BIRTH_DATE_INVALID);
        }
        if (birth.getYear() < OLDEST_BIRTH_YEAR || birth.isAfter(today.minusYears(MINIMUM_AGE))) {
            return Optional.of(SponsorshipProblem.NIP_BIRTH_DATE_IMPLAUSIBLE);
        }
        int appointmentYear = number(nip, 8, 12);
        String appointmentMonth = nip.substring(12, 14);
        YearMonth appointment;
        if (PPPK_MARKER.equals(appointmentMonth)) {
            if (appointmentYear <= birth.getYear()) return Optional.of(SponsorshipProblem.NIP_APPOINTMENT_NOT_AFTER_BIRTH);
            if (appointmentYear > today.getYear()) return Optional.of(SponsorshipProblem.NIP_APPOINTMENT_IN_FUTURE);
        } else {
            int month = Integer.parseInt(appointmentMonth);
            if (month < 1 || month > 12) return Optional.of(SponsorshipProblem.NIP_APPOINTMENT_INVALID);
            appointment = YearMonth.of(appointmentYear, month);
            if (!appointment.isAfter(YearMonth.from(birth))) return Optional.of(SponsorshipProblem.NIP_APPOINTMENT_NOT_AFTER_BIRTH);
            if (appointment.isAfter(YearMonth.from(today))) return Optional.of(SponsorshipProblem.NIP_APPOINTMENT_IN_FUTURE);
        }
        char sex = nip.charAt(14);
        if (sex != '1' && sex != '2') return Optional.of(SponsorshipProblem.NIP_SEX_INVALID);
        return Optional.empty();
    }

    public LocalDate birthDate() {
        return LocalDate.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8));
    }

    /** A PPPK (contract ASN) number rather than a PNS one. */
    public boolean isPppk() {
        return PPPK_MARKER.equals(value.substring(12, 14));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Jakarta"));
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text.substring(from, to));
    }

    @Override
    public String toString() {
        return value;
    }
}
