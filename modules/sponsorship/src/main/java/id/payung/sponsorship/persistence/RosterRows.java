package id.payung.sponsorship.persistence;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.sponsorship.RosterEntry;
import id.payung.sponsorship.persistence.jooq.tables.records.AsnRosterEntryRecord;
import id.payung.tenancy.OpdId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.payung.sponsorship.persistence.jooq.Tables.ASN_ROSTER_ENTRY;

@Repository
public class RosterRows {

    private static final int CHUNK = 1000;

    private final DSLContext db;

    RosterRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, UUID id, String nip, String name, OpdId opd) {
        db.insertInto(ASN_ROSTER_ENTRY)
                .set(ASN_ROSTER_ENTRY.TENANT_ID, tenant.value())
                .set(ASN_ROSTER_ENTRY.ENTRY_ID, id)
                .set(ASN_ROSTER_ENTRY.NIP, nip)
                .set(ASN_ROSTER_ENTRY.NAME, name)
                .set(ASN_ROSTER_ENTRY.OPD_ID, opd.value())
                .execute();
    }

    public record NewEntry(String nip, String name, OpdId opd) {
    }

    /** Adds the entries, or updates name and OPD of a NIP already on the roster; returns how many rows changed. */
    public int upsert(TenantId tenant, List<NewEntry> entries) {
        int changed = 0;
        for (int from = 0; from < entries.size(); from += CHUNK) {
            var insert = db.insertInto(ASN_ROSTER_ENTRY, ASN_ROSTER_ENTRY.TENANT_ID, ASN_ROSTER_ENTRY.ENTRY_ID,
                    ASN_ROSTER_ENTRY.NIP, ASN_ROSTER_ENTRY.NAME, ASN_ROSTER_ENTRY.OPD_ID);
            for (NewEntry e : entries.subList(from, Math.min(entries.size(), from + CHUNK))) {
                insert = insert.values(tenant.value(), UUID.randomUUID(), e.nip(), e.name(), e.opd().value());
            }
            changed += insert.onConflict(ASN_ROSTER_ENTRY.TENANT_ID, ASN_ROSTER_ENTRY.NIP).doUpdate()
                    .set(ASN_ROSTER_ENTRY.NAME, DSL.excluded(ASN_ROSTER_ENTRY.NAME))
                    .set(ASN_ROSTER_ENTRY.OPD_ID, DSL.excluded(ASN_ROSTER_ENTRY.OPD_ID))
                    .set(ASN_ROSTER_ENTRY.UPDATED_AT, DSL.currentOffsetDateTime())
                    .execute();
        }
        return changed;
    }

    public Optional<RosterEntry> find(TenantId tenant, UUID id) {
        return db.selectFrom(ASN_ROSTER_ENTRY)
                .where(ASN_ROSTER_ENTRY.TENANT_ID.eq(tenant.value()), ASN_ROSTER_ENTRY.ENTRY_ID.eq(id))
                .fetchOptional(RosterRows::toEntry);
    }

    public Optional<RosterEntry> findByNip(TenantId tenant, String nip) {
        return db.selectFrom(ASN_ROSTER_ENTRY)
                .where(ASN_ROSTER_ENTRY.TENANT_ID.eq(tenant.value()), ASN_ROSTER_ENTRY.NIP.eq(nip))
                .fetchOptional(RosterRows::toEntry);
    }

    public Page<RosterEntry> page(TenantId tenant, String text, PageRequest page) {
        Condition where = ASN_ROSTER_ENTRY.TENANT_ID.eq(tenant.value());
        if (text != null && !text.isBlank()) {
            where = where.and(ASN_ROSTER_ENTRY.NAME.containsIgnoreCase(text.strip()).or(ASN_ROSTER_ENTRY.NIP.startsWith(text.strip())));
        }
        long total = db.fetchCount(ASN_ROSTER_ENTRY, where);
        List<RosterEntry> items = db.selectFrom(ASN_ROSTER_ENTRY).where(where).orderBy(ASN_ROSTER_ENTRY.NAME, ASN_ROSTER_ENTRY.NIP)
                .limit(page.size()).offset(page.offset()).fetch(RosterRows::toEntry);
        return new Page<>(items, page.page(), page.size(), total);
    }

    public void delete(TenantId tenant, UUID id) {
        db.deleteFrom(ASN_ROSTER_ENTRY)
                .where(ASN_ROSTER_ENTRY.TENANT_ID.eq(tenant.value()), ASN_ROSTER_ENTRY.ENTRY_ID.eq(id))
                .execute();
    }

    private static RosterEntry toEntry(AsnRosterEntryRecord r) {
        return new RosterEntry(new TenantId(r.getTenantId()), r.getEntryId(), r.getNip(), r.getName(), new OpdId(r.getOpdId()));
    }
}
