package id.payung.sponsorship;

import id.payung.platform.TenantId;

import java.util.UUID;

/** What the sponsorship module announces. Ids only; never a NIP or a name. */
public final class SponsorshipEvents {

    /** An ASN asked to be linked to his NIP; the head of his OPD decides. */
    public record AsnLinkRequested(TenantId tenantId, UUID linkId) {
    }

    /** An ASN's account is linked to his NIP (from the roster, or by his OPD head): he is a sponsor of the pemda. */
    public record AsnLinkApproved(TenantId tenantId, UUID linkId) {
    }

    public record AsnLinkRefused(TenantId tenantId, UUID linkId) {
    }

    private SponsorshipEvents() {
    }
}
