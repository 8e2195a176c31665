package id.payung.tenancy;

import id.payung.platform.TenantId;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

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

    /** The head of region set the sponsorship policy: from {@code validFrom} every ASN sponsors at least {@code minimumWorkers}. */
    public record SponsorshipPolicySet(TenantId tenantId, UUID policyId, YearMonth validFrom, int minimumWorkers) {
    }

    private TenancyEvents() {
    }
}
