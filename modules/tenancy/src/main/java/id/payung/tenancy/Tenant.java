package id.payung.tenancy;

import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A pemda using Payung, as the registry knows it. */
public record Tenant(TenantId id, RegionCode regionCode, TenantKind kind, String name, String provinceName,
                     String bpjsOfficeCode, String bpjsOfficeName, BigDecimal coverageTargetPercent,
                     Long potentialWorkers, TenantStatus status, String suspensionReason,
                     OffsetDateTime onboardedAt) {

    public boolean isSuspended() {
        return status == TenantStatus.SUSPENDED;
    }
}
