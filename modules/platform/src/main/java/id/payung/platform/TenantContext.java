package id.payung.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant scope of the work on this thread. Set by {@link TenantTransactions}, read once per
 * transaction when the connection is prepared; application code asks {@link TenantTransactions} to run
 * work rather than touching this directly.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

    public static Optional<TenantScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static <T> T callAs(TenantScope scope, Supplier<T> work) {
        TenantScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    private TenantContext() {
    }
}
