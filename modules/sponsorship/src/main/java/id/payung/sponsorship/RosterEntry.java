package id.payung.sponsorship;

import id.payung.platform.TenantId;
import id.payung.tenancy.OpdId;

import java.util.UUID;

/** One ASN on a pemda's roster: his NIP, name and OPD. */
public record RosterEntry(TenantId tenantId, UUID id, String nip, String name, OpdId opdId) {
}
