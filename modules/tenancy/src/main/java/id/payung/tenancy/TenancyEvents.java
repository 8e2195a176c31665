package id.payung.tenancy;

import id.payung.platform.TenantId;

import java.math.BigDecimal;

/** What the tenancy module announces. Ids and figures only; never personal data. */
public final class TenancyEvents {

    public record TenantOnboarded(TenantId tenantId) {
    }

    public record TenantSuspended(TenantId tenantId) {
    }

    public record TenantReactivated(TenantId tenantId) {
    }

    public record TargetSet(TenantId tenantId, BigDecimal coverageTargetPercent, Long potentialWorkers) {
    }

    public record OpdRegistered(TenantId tenantId, OpdId opdId) {
    }

    private TenancyEvents() {
    }
}
