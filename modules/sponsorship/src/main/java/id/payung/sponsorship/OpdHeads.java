package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.TenantId;
import id.payung.sponsorship.persistence.AsnLinkRows;
import id.payung.tenancy.OpdId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which OPD an OPD head heads: the OPD of his own approved ASN link in the pemda, as for ASN registration
 * requests ({@link AsnRegistration}). Read inside the caller's tenant transaction.
 */
@Component
class OpdHeads {

    private final AsnLinkRows links;

    OpdHeads(AsnLinkRows links) {
        this.links = links;
    }

    Optional<OpdId> opdOf(TenantId tenant, Actor actor) {
        return links.liveBySubject(tenant, actor.subject()).filter(l -> l.status() == AsnLink.Status.APPROVED).map(AsnLink::opdId);
    }
}
