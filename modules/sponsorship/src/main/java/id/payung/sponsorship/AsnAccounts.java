package id.payung.sponsorship;

import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.AsnLinkRows;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Which approved ASN link a signed-in account has in a pemda, for other modules: the reporting module
 * shows an ASN sponsor his own workers and deductions (fundings carry his link id) and an OPD head his
 * OPD (the OPD of his own approved link, as {@link AsnRegistration} decides who heads which OPD).
 * Read-only; another pemda's links are simply not found.
 */
@Service
public class AsnAccounts {

    private final AsnLinkRows links;
    private final TenantTransactions transactions;

    AsnAccounts(AsnLinkRows links, TenantTransactions transactions) {
        this.links = links;
        this.transactions = transactions;
    }

    /** The account's approved link in the pemda (its id, NIP's OPD), if the account is a linked ASN there. */
    public Optional<AsnLink> approvedLinkOf(TenantId tenant, String subject) {
        return transactions.readInTenant(tenant, () -> links.liveBySubject(tenant, subject))
                .filter(link -> link.status() == AsnLink.Status.APPROVED);
    }
}
