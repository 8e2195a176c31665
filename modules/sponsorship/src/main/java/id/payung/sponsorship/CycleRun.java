package id.payung.sponsorship;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One run of the monthly cycle and its progress: the stage it is in and what it found so far (dues
 * removed, added, left as they were because approved or invoiced; lists; workers whose cover lapsed).
 */
public record CycleRun(UUID id, YearMonth period, Status status, Stage stage, String startedByName, OffsetDateTime startedAt,
                       OffsetDateTime finishedAt, int duesRemoved, int duesAdded, int duesLocked, int duesTotal, long amountTotal,
                       int deductionLists, int lapsedWorkers, String problem) {

    public enum Status { RUNNING, COMPLETED, FAILED }

    /** STARTED → DUES (premiums due) → DEDUCTION_LISTS → LAPSE (three unpaid months) → DONE. */
    public enum Stage { STARTED, DUES, DEDUCTION_LISTS, LAPSE, DONE }

    public boolean finished() {
        return status != Status.RUNNING;
    }
}
