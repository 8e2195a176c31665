package id.payung.claims.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days: Monday to Friday, except the public holidays of {@code claims.holiday}. */
public final class WorkingDays {

    public static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}-th working day after {@code from} (documents complete on a Friday, 7 days: the Tuesday after next). */
    public static LocalDate add(LocalDate from, int n, Set<LocalDate> holidays) {
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day, holidays)) counted++;
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}: 0 when paid the day documents were complete. */
    public static int between(LocalDate from, LocalDate to, Set<LocalDate> holidays) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day, holidays)) count++;
        }
        return count;
    }

    private WorkingDays() {
    }
}
