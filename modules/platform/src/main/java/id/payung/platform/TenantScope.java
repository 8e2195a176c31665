package id.payung.platform;

/**
 * What a transaction may see: the rows of one tenant, or the tenant registry as a whole (read only,
 * for the BPJS overview of all pemda). The value is what the database policies compare against.
 */
public sealed interface TenantScope {

    /** The literal placed in {@code SET LOCAL app.tenant_id = '…'}; only ever a UUID or a fixed word. */
    String settingValue();

    static TenantScope of(TenantId tenant) {
        return new OfTenant(tenant);
    }

    static TenantScope registry() {
        return Registry.INSTANCE;
    }

    record OfTenant(TenantId tenant) implements TenantScope {
        @Override
        public String settingValue() {
            return tenant.value().toString();
        }
    }

    enum Registry implements TenantScope {
        INSTANCE;

        @Override
        public String settingValue() {
            return "registry";
        }
    }
}
