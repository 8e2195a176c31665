package id.payung.enrollment;

import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.enrollment.persistence.ReferenceRows;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.RegionCode;
import id.payung.tenancy.Regions;
import id.payung.tenancy.Tenant;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The rules a worker's registration must satisfy, shared by single registration and bulk import so
 * that a row of a file is judged exactly like a form.
 */
@Component
class WorkerValidator {

    private final ReferenceRows reference;
    private final Regions regions;

    WorkerValidator(ReferenceRows reference, Regions regions) {
        this.reference = reference;
        this.regions = regions;
    }

    /** The reference data the rules consult. */
    interface Lookups {
        LocalDate today();

        boolean provinceExists(String twoDigits);

        boolean regionExists(RegionCode code);

        boolean occupationKnown(String code);

        /** Valid today, lowest first. */
        List<IncomeLevel> incomeLevels();

        /** The text as a village-level region code, or null when it is not one (existence aside). */
        default RegionCode village(String text) {
            return villageCode(text);
        }
    }

    static RegionCode villageCode(String text) {
        try {
            RegionCode code = RegionCode.parse(text);
            return code.level() == RegionCode.Level.VILLAGE ? code : null;
        } catch (DomainProblem malformed) {
            return null;
        }
    }

    /** Reads the database on every question: one registration. Must run inside a tenant transaction. */
    Lookups live(LocalDate today) {
        return new Lookups() {
            public LocalDate today() {
                return today;
            }

            public boolean provinceExists(String code) {
                return regions.find(RegionCode.parse(code)).isPresent();
            }

            public boolean regionExists(RegionCode code) {
                return regions.find(code).isPresent();
            }

            public boolean occupationKnown(String code) {
                return reference.occupations(today).stream().anyMatch(o -> o.code().equals(code));
            }

            public List<IncomeLevel> incomeLevels() {
                return reference.incomeLevels(today);
            }
        };
    }

    /**
     * Reads the reference lists once and remembers every region answer: an import. Regions are asked at
     * most once per distinct code (a pemda has at most a few thousand villages). Load it inside a tenant
     * transaction; a question about a region code not asked before runs through {@code reading}, which
     * opens a read transaction of the tenant, so the lookups may be used outside any transaction and by
     * several threads.
     */
    Lookups cached(LocalDate today, Function<Supplier<Boolean>, Boolean> reading) {
        Set<String> occupations = reference.occupations(today).stream().map(Occupation::code).collect(Collectors.toSet());
        List<IncomeLevel> levels = List.copyOf(reference.incomeLevels(today));
        Map<String, Boolean> known = new ConcurrentHashMap<>();
        Map<String, Optional<RegionCode>> villages = new ConcurrentHashMap<>();
        return new Lookups() {
            public RegionCode village(String text) {
                // a file names a few thousand villages at most, so parsing each once is enough
                Optional<RegionCode> code = villages.get(text);
                if (code == null) {
                    code = Optional.ofNullable(villageCode(text));
                    if (villages.size() < 100_000) villages.put(text, code);
                }
                return code.orElse(null);
            }

            public LocalDate today() {
                return today;
            }

            public boolean provinceExists(String code) {
                Boolean exists = known.get(code);
                if (exists != null) return exists;
                return known.computeIfAbsent(code, c -> reading.apply(() -> regions.find(RegionCode.parse(c)).isPresent()));
            }

            public boolean regionExists(RegionCode code) {
                Boolean exists = known.get(code.value());
                if (exists != null) return exists;
                return known.computeIfAbsent(code.value(), c -> reading.apply(() -> regions.find(code).isPresent()));
            }

            public boolean occupationKnown(String code) {
                return occupations.contains(code);
            }

            public List<IncomeLevel> incomeLevels() {
                return levels;
            }
        };
    }

    /** A worker's application that passed every rule. */
    record Valid(Nik nik, String name, String address, RegionCode village, String phone, String occupation,
                         String incomeLevel, List<Heir> heirs) {
    }

    /**
     * Checks an application against every rule of registration, throwing {@link InvalidInput} with each
     * field's problem. Reference data comes from {@code lookups}: live for one registration, cached for
     * an import of a million rows.
     */
    Valid validate(Tenant pemda, Application a, Lookups lookups) {
        LocalDate today = lookups.today();
        var checks = InvalidInput.checks();
        Nik nik = nik(a.nik(), "nik", lookups, checks);

        LocalDate birthDate = null;
        if (blank(a.birthDate())) {
            checks.require(false, "birthDate", EnrollmentProblem.REQUIRED);
        } else {
            try {
                birthDate = isoDate(a.birthDate().strip());
            } catch (DateTimeParseException e) {
                checks.require(false, "birthDate", EnrollmentProblem.BIRTH_DATE_INVALID);
            }
        }
        if (nik != null && birthDate != null) {
            checks.require(birthDate.equals(nik.birthDate()), "birthDate", EnrollmentProblem.BIRTH_DATE_MISMATCH);
        }
        Sex sex = sex(a.sex());
        checks.require(sex != null, "sex", EnrollmentProblem.SEX_INVALID);
        if (nik != null && sex != null) checks.require(sex == nik.sex(), "sex", EnrollmentProblem.SEX_MISMATCH);

        String name = clean(a.name());
        checks.require(name.length() >= 2 && name.length() <= 150, "name", EnrollmentProblem.NAME_INVALID, 2, 150);
        String address = clean(a.address());
        checks.require(address.length() >= 3 && address.length() <= 300, "address", EnrollmentProblem.ADDRESS_INVALID, 3, 300);
        String phone = blank(a.phone()) ? null : phoneDigits(a.phone());
        checks.require(phone == null || isPhone(phone), "phone", EnrollmentProblem.PHONE_INVALID);

        RegionCode village = village(pemda, a.villageCode(), lookups, checks);

        String occupation = blank(a.occupationCode()) ? "" : a.occupationCode().strip().toUpperCase(Locale.ROOT);
        if (occupation.isEmpty()) {
            checks.require(false, "occupationCode", EnrollmentProblem.REQUIRED);
        } else {
            checks.require(lookups.occupationKnown(occupation),
                    "occupationCode", EnrollmentProblem.OCCUPATION_UNKNOWN, occupation);
        }
        List<IncomeLevel> levels = lookups.incomeLevels();
        String incomeLevel = blank(a.incomeLevelCode()) ? levels.getFirst().code() : a.incomeLevelCode().strip().toUpperCase(Locale.ROOT);
        boolean levelKnown = false;
        for (IncomeLevel level : levels) levelKnown |= level.code().equals(incomeLevel);
        checks.require(levelKnown, "incomeLevelCode",
                EnrollmentProblem.INCOME_LEVEL_UNKNOWN, incomeLevel);

        List<Heir> heirs = heirs(a.heirs(), nik, lookups, checks);
        checks.throwIfAny();
        return new Valid(nik, name, address, village, phone, occupation, incomeLevel, heirs);
    }

    private static Nik nik(String text, String field, Lookups lookups, InvalidInput.Checks checks) {
        String nik = Nik.normalize(text);
        if (nik.isEmpty()) {
            checks.require(false, field, EnrollmentProblem.REQUIRED);
            return null;
        }
        var problem = Nik.problemWith(nik, lookups.today(), lookups::provinceExists);
        problem.ifPresent(p -> checks.require(false, field, p));
        return problem.isPresent() ? null : Nik.ofChecked(nik, lookups.today());
    }

    private static RegionCode village(Tenant pemda, String text, Lookups lookups, InvalidInput.Checks checks) {
        if (blank(text)) {
            checks.require(false, "villageCode", EnrollmentProblem.REQUIRED);
            return null;
        }
        RegionCode code = lookups.village(text);
        if (code == null) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_CODE_MALFORMED);
            return null;
        }
        if (!lookups.regionExists(code)) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_UNKNOWN, code.value());
            return null;
        }
        if (!code.value().startsWith(pemda.regionCode().value() + ".")) {
            checks.require(false, "villageCode", EnrollmentProblem.VILLAGE_OUTSIDE_PEMDA, code.value(), pemda.name());
            return null;
        }
        return code;
    }

    private static List<Heir> heirs(List<HeirDetails> given, Nik workerNik, Lookups lookups, InvalidInput.Checks checks) {
        List<Heir> heirs = new ArrayList<>();
        int filled = 0;
        for (HeirDetails h : given) if (!h.isBlank()) filled++;
        if (filled == 0) {
            checks.require(false, "heirs", EnrollmentProblem.HEIR_REQUIRED);
            return heirs;
        }
        if (filled > WorkerRegistration.MAX_HEIRS) {
            checks.require(false, "heirs", EnrollmentProblem.HEIRS_TOO_MANY, WorkerRegistration.MAX_HEIRS);
            return heirs;
        }
        for (int i = 0; i < given.size(); i++) {
            HeirDetails h = given.get(i);
            if (h.isBlank()) continue;
            String prefix = "heirs[" + i + "].";
            String name = clean(h.name());
            checks.require(name.length() >= 2 && name.length() <= 150, prefix + "name", EnrollmentProblem.HEIR_NAME_INVALID, i + 1, 2, 150);
            HeirRelationship relationship = relationship(h.relationship());
            checks.require(relationship != null, prefix + "relationship", EnrollmentProblem.HEIR_RELATIONSHIP_INVALID, i + 1);
            Nik nik = nik(h.nik(), prefix + "nik", lookups, checks);
            if (nik != null && workerNik != null) {
                checks.require(!nik.equals(workerNik), prefix + "nik", EnrollmentProblem.HEIR_IS_WORKER, i + 1);
            }
            if (nik != null && relationship != null && !checks.hasProblemWith(prefix + "name")) {
                heirs.add(new Heir(heirs.size() + 1, name, relationship, nik.value()));
            }
        }
        return heirs;
    }

    /** yyyy-MM-dd as {@link LocalDate#parse} reads it; by hand for that common shape (an import reads a million). */
    static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4), month = digits(text, 5, 7), day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (java.time.DateTimeException impossible) {
                    throw new DateTimeParseException("impossible date", text, 0);
                }
            }
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Sex sex(String text) {
        if (blank(text)) return null;
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "MALE", "L", "LAKI-LAKI" -> Sex.MALE;
            case "FEMALE", "P", "PEREMPUAN" -> Sex.FEMALE;
            default -> null;
        };
    }

    private static HeirRelationship relationship(String text) {
        if (blank(text)) return null;
        try {
            return HeirRelationship.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Stripped, every run of white space made one space. By hand: an import cleans four texts per row. */
    static String clean(String text) {
        if (text == null) return "";
        String stripped = text.strip();
        boolean changes = false;
        boolean previousSpace = false;
        for (int i = 0; i < stripped.length() && !changes; i++) {
            char c = stripped.charAt(i);
            boolean space = isRegexSpace(c);
            changes = space && (c != ' ' || previousSpace);
            previousSpace = space;
        }
        if (!changes) return stripped;
        StringBuilder out = new StringBuilder(stripped.length());
        previousSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (isRegexSpace(c)) {
                if (!previousSpace) out.append(' ');
                previousSpace = true;
            } else {
                out.append(c);
                previousSpace = false;
            }
        }
        return out.toString();
    }

    /** What {@code \\s} matches in a Java regular expression. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The phone as typed without white space, dashes, brackets and dots. */
    private static String phoneDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRegexSpace(c) && c != '-' && c != '(' && c != ')' && c != '.') out.append(c);
        }
        return out.toString();
    }

    /** An optional + and 8 to 15 digits. */
    private static boolean isPhone(String phone) {
        int start = phone.startsWith("+") ? 1 : 0;
        int digits = phone.length() - start;
        if (digits < 8 || digits > 15) return false;
        for (int i = start; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
