package id.payung.claims;

import id.payung.claims.ClaimDetails.ChecklistItem;
import id.payung.claims.ClaimDetails.Document;
import id.payung.claims.ClaimDetails.Permissions;
import id.payung.claims.persistence.ClaimRows;
import id.payung.claims.persistence.DocumentRows;
import id.payung.claims.persistence.RuleRows;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What people see of claims: the pemda's list and figures (no personal data; the head of region sees
 * these only), a claim with its calculation and documents (reporter, Disnaker operator, BPJS staff), and
 * a document's content (Disnaker operator and BPJS staff only; every opening, and every refused attempt
 * of a member of the pemda, is audited).
 */
@Service
public class ClaimViews {

    private final ClaimRows claims;
    private final DocumentRows documents;
    private final RuleRows rules;
    private final ClaimSupport support;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    ClaimViews(ClaimRows claims, DocumentRows documents, RuleRows rules, ClaimSupport support,
               TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit) {
        this.claims = claims;
        this.documents = documents;
        this.rules = rules;
        this.support = support;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** A document's content to show or download. */
    public record DocumentContent(String fileName, String contentType, byte[] content) {
    }

    /** The pemda's claims, newest first; an ASN sponsor sees the claims he reported. */
    public Page<ClaimSummary> list(TenantId tenant, ClaimQuery query, PageRequest page) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_LIST);
        return transactions.readInTenant(tenant, () -> claims.page(tenant, query == null ? ClaimQuery.all() : query,
                ClaimSupport.onlyOwn(actor), ClaimSupport.today(), page));
    }

    /** The pemda's figures: counts, amounts, time to pay. */
    public ClaimsOverview overview(TenantId tenant) {
        currentActor.get().requireAnyOf(ClaimSupport.MAY_SEE_FIGURES);
        return transactions.readInTenant(tenant, () -> claims.overview(tenant, ClaimSupport.today()));
    }

    public ClaimDetails details(TenantId tenant, UUID claimId) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(ClaimSupport.MAY_REPORT);
        return transactions.readInTenant(tenant, () -> {
            Claim claim = support.visibleClaim(actor, tenant, claimId);
            boolean handles = ClaimSupport.mayAny(actor, ClaimSupport.MAY_HANDLE);
            Permissions permissions = new Permissions(
                    claim.status().isUndecided() || (claim.status() == ClaimStatus.PAID && claim.eligibility().scholarshipEligible()),
                    ClaimSupport.mayAny(actor, ClaimSupport.MAY_OPEN_DOCUMENTS), handles,
                    claim.status() == ClaimStatus.PAID && claim.eligibility().scholarshipEligible());
            return new ClaimDetails(claim, claims.beneficiaries(tenant, claimId), claims.children(tenant, claimId),
                    claims.lines(tenant, claimId), checklist(tenant, claim), documents.list(tenant, claimId),
                    claims.scholarshipYears(tenant, claimId), claims.payouts(tenant, claimId),
                    audit.historyOf("claim", claimId), permissions);
        });
    }

    /** Opens a document: Disnaker operator and BPJS staff only, audited with who, which document, when. */
    public DocumentContent openDocument(TenantId tenant, UUID claimId, UUID documentId) {
        Actor actor = currentActor.get();
        if (!ClaimSupport.mayAny(actor, ClaimSupport.MAY_OPEN_DOCUMENTS)) {
            if (transactions.mayAccess(tenant)) {
                // A member of the pemda tried: that attempt is worth knowing about, in its own transaction.
                transactions.inTenant(tenant, () -> audit.record("claim.document-open-refused", "claim", claimId,
                        Map.of("document", documentId.toString())));
            }
            throw new DomainProblem(PlatformProblem.FORBIDDEN);
        }
        return transactions.inTenant(tenant, () -> {
            support.visibleClaim(actor, tenant, claimId);
            Document document = documents.list(tenant, claimId).stream().filter(d -> d.id().equals(documentId)).findFirst()
                    .orElseThrow(() -> new DomainProblem(ClaimsProblem.DOCUMENT_NOT_FOUND));
            byte[] content = documents.content(tenant, claimId, documentId).orElseThrow();
            audit.record("claim.document-opened", "claim", claimId, Map.of("document", documentId.toString(),
                    "type", document.type().name()));
            return new DocumentContent(document.fileName(), document.contentType(), content);
        });
    }

    /** The checklist of a claim with what has been uploaded (inside a tenant transaction). */
    List<ChecklistItem> checklist(TenantId tenant, Claim claim) {
        List<Document> uploaded = documents.list(tenant, claim.id());
        boolean children = !claims.children(tenant, claim.id()).isEmpty();
        return rules.checklist(claim.kind(), claim.reportedAt().toLocalDate()).entrySet().stream().map(e -> {
            boolean required = switch (e.getValue()) {
                case ALWAYS -> true;
                case TRAFFIC -> claim.trafficAccident();
                case CHILDREN -> children && claim.eligibility().scholarshipEligible();
                case OPTIONAL -> false;
            };
            int acceptable = (int) uploaded.stream().filter(d -> d.type() == e.getKey() && d.acceptable()).count();
            return new ChecklistItem(e.getKey(), e.getValue(), required, acceptable, claim.requestedDocuments().contains(e.getKey()));
        }).toList();
    }
}
