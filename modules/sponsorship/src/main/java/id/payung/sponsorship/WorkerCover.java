package id.payung.sponsorship;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** The months a worker's cover was paid for, whoever paid them. Covered in a month iff it was paid. */
public record WorkerCover(UUID workerId, NavigableSet<YearMonth> paidMonths) {

    public WorkerCover {
        paidMonths = Collections.unmodifiableNavigableSet(new TreeSet<>(paidMonths));
    }

    public boolean isPaid(YearMonth month) {
        return paidMonths.contains(month);
    }

    public boolean coversDate(LocalDate date) {
        return isPaid(YearMonth.from(date));
    }

    public Optional<YearMonth> firstPaid() {
        return paidMonths.isEmpty() ? Optional.empty() : Optional.of(paidMonths.first());
    }

    /** How many months were paid up to and including {@code month} (contribution length for the waiting rules). */
    public int paidMonthsThrough(YearMonth month) {
        return paidMonths.headSet(month, true).size();
    }
}
