package id.payung.claims.persistence;

import id.payung.claims.ClaimDetails.Document;
import id.payung.claims.DocumentType;
import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.payung.claims.persistence.jooq.Tables.CLAIM_DOCUMENT;

/** Uploaded claim documents; the content is read only by {@link #content}, one document at a time. */
@Repository
public class DocumentRows {

    private final DSLContext db;

    DocumentRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, UUID claimId, Document d, byte[] content) {
        db.insertInto(CLAIM_DOCUMENT).set(CLAIM_DOCUMENT.TENANT_ID, tenant.value()).set(CLAIM_DOCUMENT.DOCUMENT_ID, d.id())
                .set(CLAIM_DOCUMENT.CLAIM_ID, claimId).set(CLAIM_DOCUMENT.DOCUMENT_TYPE, d.type().name())
                .set(CLAIM_DOCUMENT.FILE_NAME, d.fileName()).set(CLAIM_DOCUMENT.CONTENT_TYPE, d.contentType())
                .set(CLAIM_DOCUMENT.SIZE_BYTES, d.sizeBytes()).set(CLAIM_DOCUMENT.SHA256, d.sha256())
                .set(CLAIM_DOCUMENT.CONTENT, content).set(CLAIM_DOCUMENT.UPLOADED_BY, d.uploadedBy())
                .execute();
    }

    /** The claim's documents without their content, oldest first. */
    public List<Document> list(TenantId tenant, UUID claimId) {
        return db.select(CLAIM_DOCUMENT.DOCUMENT_ID, CLAIM_DOCUMENT.DOCUMENT_TYPE, CLAIM_DOCUMENT.FILE_NAME,
                        CLAIM_DOCUMENT.CONTENT_TYPE, CLAIM_DOCUMENT.SIZE_BYTES, CLAIM_DOCUMENT.SHA256, CLAIM_DOCUMENT.UPLOADED_BY,
                        CLAIM_DOCUMENT.UPLOADED_AT, CLAIM_DOCUMENT.REJECTED_REASON)
                .from(CLAIM_DOCUMENT)
                .where(CLAIM_DOCUMENT.TENANT_ID.eq(tenant.value()), CLAIM_DOCUMENT.CLAIM_ID.eq(claimId))
                .orderBy(CLAIM_DOCUMENT.UPLOADED_AT, CLAIM_DOCUMENT.DOCUMENT_ID)
                .fetch(r -> new Document(r.value1(), DocumentType.valueOf(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), Optional.ofNullable(r.value9())));
    }

    public int count(TenantId tenant, UUID claimId) {
        return db.fetchCount(CLAIM_DOCUMENT, CLAIM_DOCUMENT.TENANT_ID.eq(tenant.value()), CLAIM_DOCUMENT.CLAIM_ID.eq(claimId));
    }

    public Optional<byte[]> content(TenantId tenant, UUID claimId, UUID documentId) {
        return db.select(CLAIM_DOCUMENT.CONTENT).from(CLAIM_DOCUMENT)
                .where(CLAIM_DOCUMENT.TENANT_ID.eq(tenant.value()), CLAIM_DOCUMENT.CLAIM_ID.eq(claimId),
                        CLAIM_DOCUMENT.DOCUMENT_ID.eq(documentId))
                .fetchOptional(CLAIM_DOCUMENT.CONTENT);
    }

    public int reject(TenantId tenant, UUID claimId, UUID documentId, String reason) {
        return db.update(CLAIM_DOCUMENT).set(CLAIM_DOCUMENT.REJECTED_REASON, reason)
                .where(CLAIM_DOCUMENT.TENANT_ID.eq(tenant.value()), CLAIM_DOCUMENT.CLAIM_ID.eq(claimId),
                        CLAIM_DOCUMENT.DOCUMENT_ID.eq(documentId))
                .execute();
    }
}
