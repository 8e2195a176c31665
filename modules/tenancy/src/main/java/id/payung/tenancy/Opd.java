package id.payung.tenancy;

import id.payung.platform.TenantId;

/** An Organisasi Perangkat Daerah of a pemda. */
public record Opd(TenantId tenantId, OpdId id, String code, String name, boolean active) {
}
