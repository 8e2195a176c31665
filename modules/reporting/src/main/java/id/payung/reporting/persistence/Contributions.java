package id.payung.reporting.persistence;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of workers adds to the counters: per (dimension, key, status) a number of workers, per
 * (dimension, key, month) covered spells starting and ending and registrations. A change of workers is
 * applied as (after - before), so the counters always equal the sum over every worker's contribution and
 * a repeated change adds nothing.
 */
public final class Contributions {

    public record StatusKey(String dimension, String key, String status) {
    }

    public record FlowKey(String dimension, String key, LocalDate period) {
    }

    /** Covered spells starting, ending, and workers registered in one month. */
    public record Flow(long started, long ended, long registered) {
        Flow plus(Flow other, int sign) {
            return new Flow(started + sign * other.started, ended + sign * other.ended, registered + sign * other.registered);
        }

        boolean isZero() {
            return started == 0 && ended == 0 && registered == 0;
        }
    }

    static final Comparator<StatusKey> STATUS_ORDER = Comparator.comparing(StatusKey::dimension)
            .thenComparing(StatusKey::key).thenComparing(StatusKey::status);
    static final Comparator<FlowKey> FLOW_ORDER = Comparator.comparing(FlowKey::dimension)
            .thenComparing(FlowKey::key).thenComparing(FlowKey::period);

    // Sorted, so that counters are always locked in the same order (no deadlock between two events).
    final Map<StatusKey, Long> statuses = new TreeMap<>(STATUS_ORDER);
    final Map<FlowKey, Flow> flows = new TreeMap<>(FLOW_ORDER);

    public static Contributions none() {
        return new Contributions();
    }

    void addStatus(StatusKey key, long workers) {
        statuses.merge(key, workers, Long::sum);
    }

    void addFlow(FlowKey key, Flow flow) {
        flows.merge(key, flow, (a, b) -> a.plus(b, 1));
    }

    /** this - before, without the entries that cancel out. */
    public Contributions minus(Contributions before) {
        Contributions delta = new Contributions();
        statuses.forEach(delta::addStatus);
        before.statuses.forEach((k, v) -> delta.addStatus(k, -v));
        delta.statuses.values().removeIf(v -> v == 0);
        flows.forEach(delta::addFlow);
        before.flows.forEach((k, v) -> delta.addFlow(k, new Flow(-v.started(), -v.ended(), -v.registered())));
        delta.flows.values().removeIf(Flow::isZero);
        return delta;
    }

    /** Whether the pemda-wide counters (dimension ALL, which the headline figures read) change. */
    public boolean touchesHeadline() {
        return statuses.keySet().stream().anyMatch(k -> k.dimension().equals("ALL"))
                || flows.keySet().stream().anyMatch(k -> k.dimension().equals("ALL"));
    }

    public boolean isEmpty() {
        return statuses.isEmpty() && flows.isEmpty();
    }

    public Map<StatusKey, Long> statuses() {
        return java.util.Collections.unmodifiableMap(statuses);
    }

    public Map<FlowKey, Flow> flows() {
        return java.util.Collections.unmodifiableMap(flows);
    }
}
