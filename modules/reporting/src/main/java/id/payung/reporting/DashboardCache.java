package id.payung.reporting;

import id.payung.platform.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Assembled pemda dashboards kept in memory under the revision of the pemda's summary row they were read
 * after. Every write to a pemda's read models counts that revision up in its own transaction
 * ({@code SummaryLock}), so a request that reads the summary (as it must, for the period check) and finds
 * the same revision gets the same figures without reading them again; after any event it assembles them
 * anew. The revision lives in the database, so instances side by side never serve each other's stale copy.
 * Least recently used entries are dropped beyond {@code payung.reporting.dashboard-cache.entries} (0: off).
 */
@Component
class DashboardCache {

    /** What an assembled dashboard depends on besides the pemda's data: the month shown, today's month, the language. */
    record Key(TenantId tenant, String view, YearMonth period, YearMonth currentPeriod, String language) {
    }

    private record Kept(Object revision, Object value) {
    }

    private final int capacity;
    private final Map<Key, Kept> entries;

    DashboardCache(@Value("${payung.reporting.dashboard-cache.entries:2000}") int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > DashboardCache.this.capacity;
            }
        };
    }

    /**
     * The dashboard kept under this key and revision, or the one {@code assemble} reads now (then kept). A
     * revision is anything compared with {@code equals}: a pemda's revision, or what the national overview
     * reads of all of them.
     */
    <T> T get(Key key, Object revision, Class<T> type, Supplier<T> assemble) {
        if (capacity <= 0) return assemble.get();
        Kept kept;
        synchronized (entries) {
            kept = entries.get(key);
        }
        if (kept != null && kept.revision().equals(revision)) return type.cast(kept.value());
        T value = assemble.get();
        // a slower request may put back an older revision: the next request then only assembles again
        synchronized (entries) {
            entries.put(key, new Kept(revision, value));
        }
        return value;
    }
}
