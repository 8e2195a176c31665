package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import id.payung.sponsorship.AsnLink;
import id.payung.sponsorship.persistence.jooq.tables.records.AsnAccountLinkRecord;
import id.payung.tenancy.OpdId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.payung.sponsorship.persistence.jooq.Tables.ASN_ACCOUNT_LINK;

@Repository
public class AsnLinkRows {

    private static final List<String> LIVE = List.of(AsnLink.Status.PENDING.name(), AsnLink.Status.APPROVED.name());

    private final DSLContext db;

    AsnLinkRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, UUID id, String subject, String nip, OpdId opd, AsnLink.Status status, String decidedBy) {
        db.insertInto(ASN_ACCOUNT_LINK)
                .set(ASN_ACCOUNT_LINK.TENANT_ID, tenant.value())
                .set(ASN_ACCOUNT_LINK.LINK_ID, id)
                .set(ASN_ACCOUNT_LINK.SUBJECT, subject)
                .set(ASN_ACCOUNT_LINK.NIP, nip)
                .set(ASN_ACCOUNT_LINK.OPD_ID, opd.value())
                .set(ASN_ACCOUNT_LINK.STATUS, status.name())
                .set(ASN_ACCOUNT_LINK.DECIDED_BY, decidedBy)
                .set(ASN_ACCOUNT_LINK.DECIDED_AT, status == AsnLink.Status.PENDING ? null : DSL.currentOffsetDateTime())
                .execute();
    }

    public Optional<AsnLink> find(TenantId tenant, UUID id) {
        return db.selectFrom(ASN_ACCOUNT_LINK)
                .where(ASN_ACCOUNT_LINK.TENANT_ID.eq(tenant.value()), ASN_ACCOUNT_LINK.LINK_ID.eq(id))
                .fetchOptional(AsnLinkRows::toLink);
    }

    /** The pending or approved link of a NIP, if any. */
    public Optional<AsnLink> liveByNip(TenantId tenant, String nip) {
        return db.selectFrom(ASN_ACCOUNT_LINK)
                .where(ASN_ACCOUNT_LINK.TENANT_ID.eq(tenant.value()), ASN_ACCOUNT_LINK.NIP.eq(nip), ASN_ACCOUNT_LINK.STATUS.in(LIVE))
                .fetchOptional(AsnLinkRows::toLink);
    }

    /** The pending or approved link of an account, if any. */
    public Optional<AsnLink> liveBySubject(TenantId tenant, String subject) {
        return db.selectFrom(ASN_ACCOUNT_LINK)
                .where(ASN_ACCOUNT_LINK.TENANT_ID.eq(tenant.value()), ASN_ACCOUNT_LINK.SUBJECT.eq(subject), ASN_ACCOUNT_LINK.STATUS.in(LIVE))
                .fetchOptional(AsnLinkRows::toLink);
    }

    /** Pending requests, oldest first; of one OPD, or of all when opd is null. */
    public List<AsnLink> pending(TenantId tenant, OpdId opd) {
        var where = ASN_ACCOUNT_LINK.TENANT_ID.eq(tenant.value()).and(ASN_ACCOUNT_LINK.STATUS.eq(AsnLink.Status.PENDING.name()));
        if (opd != null) where = where.and(ASN_ACCOUNT_LINK.OPD_ID.eq(opd.value()));
        return db.selectFrom(ASN_ACCOUNT_LINK).where(where).orderBy(ASN_ACCOUNT_LINK.REQUESTED_AT).fetch(AsnLinkRows::toLink);
    }

    /** Decides a pending link; false when it was no longer pending (decided meanwhile). */
    public boolean decide(TenantId tenant, UUID id, AsnLink.Status status, String decidedBy, String reason) {
        return db.update(ASN_ACCOUNT_LINK)
                .set(ASN_ACCOUNT_LINK.STATUS, status.name())
                .set(ASN_ACCOUNT_LINK.DECIDED_BY, decidedBy)
                .set(ASN_ACCOUNT_LINK.DECIDED_AT, DSL.currentOffsetDateTime())
                .set(ASN_ACCOUNT_LINK.REASON, reason)
                .where(ASN_ACCOUNT_LINK.TENANT_ID.eq(tenant.value()), ASN_ACCOUNT_LINK.LINK_ID.eq(id),
                        ASN_ACCOUNT_LINK.STATUS.eq(AsnLink.Status.PENDING.name()))
                .execute() == 1;
    }

    private static AsnLink toLink(AsnAccountLinkRecord r) {
        return new AsnLink(new TenantId(r.getTenantId()), r.getLinkId(), r.getSubject(), r.getNip(), new OpdId(r.getOpdId()),
                AsnLink.Status.valueOf(r.getStatus()), r.getRequestedAt(), r.getDecidedBy(), r.getDecidedAt(), r.getReason());
    }
}
