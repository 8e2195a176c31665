package id.payung.sponsorship;

import id.payung.platform.TenantId;
import id.payung.tenancy.OpdId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A sign-in account (Keycloak subject) linked, or asking to be linked, to an ASN's NIP in one pemda. */
public record AsnLink(TenantId tenantId, UUID id, String subject, String nip, OpdId opdId, Status status,
                      OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String reason) {

    public enum Status { PENDING, APPROVED, REFUSED }
}
