package id.payung.platform;

import java.util.function.Supplier;

/** Lets tests bind a scope without TenantTransactions, to prove what the database alone allows. */
final class TenantContextAccess {

    static <T> T callAs(TenantScope scope, Supplier<T> work) {
        return TenantContext.callAs(scope, work);
    }

    private TenantContextAccess() {
    }
}
