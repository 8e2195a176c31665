package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import id.payung.tenancy.OpdId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * ASN participation per OPD in one month, in one query over the roster, the account links and the
 * fundings. The ASN of an OPD are those on its roster plus those linked to it by an approved link whose
 * NIP is on no roster (approved by the OPD head); an ASN takes part when a sponsorship of his funds at
 * least one worker that month.
 */
@Repository
public class ParticipationRows {

    private static final String PER_ASN = """
            WITH asn AS (
                SELECT r.nip, r.name, r.opd_id
                FROM sponsorship.asn_roster_entry r
                WHERE r.tenant_id = ?
                UNION ALL
                SELECT l.nip, NULL, l.opd_id
                FROM sponsorship.asn_account_link l
                WHERE l.tenant_id = ? AND l.status = 'APPROVED'
                  AND NOT EXISTS (SELECT 1 FROM sponsorship.asn_roster_entry r WHERE r.tenant_id = l.tenant_id AND r.nip = l.nip)),
            linked AS (
                SELECT l.nip, l.link_id
                FROM sponsorship.asn_account_link l
                WHERE l.tenant_id = ? AND l.status = 'APPROVED'),
            sponsored AS (
                SELECT f.sponsor_link_id AS link_id, count(DISTINCT f.worker_id) AS workers
                FROM sponsorship.funding f
                WHERE f.tenant_id = ? AND f.sponsor_link_id IS NOT NULL
                  AND f.first_period <= ?::date AND (f.last_period IS NULL OR f.last_period >= ?::date)
                GROUP BY f.sponsor_link_id),
            per_asn AS (
                SELECT a.opd_id, a.nip, a.name, k.link_id IS NOT NULL AS linked, coalesce(s.workers, 0)::integer AS workers
                FROM asn a
                LEFT JOIN linked k ON k.nip = a.nip
                LEFT JOIN sponsored s ON s.link_id = k.link_id)
            """;

    private final DSLContext db;

    ParticipationRows(DSLContext db) {
        this.db = db;
    }

    public record OpdRow(OpdId opdId, int asn, int takingPart, int sponsoredWorkers, int meetingMinimum) {
    }

    public record AsnRow(String nip, String name, boolean linked, int sponsoredWorkers) {
    }

    /** Per OPD that has ASN: how many, how many take part, the workers they sponsor, how many sponsor at least {@code minimum}. */
    public List<OpdRow> perOpd(TenantId tenant, YearMonth month, int minimum) {
        return db.fetch(PER_ASN + """
                        SELECT opd_id, count(*)::integer, (count(*) FILTER (WHERE workers > 0))::integer,
                               coalesce(sum(workers), 0)::integer, (count(*) FILTER (WHERE workers >= ?))::integer
                        FROM per_asn
                        GROUP BY opd_id""",
                        tenantBinds(tenant, month, minimum))
                .map(r -> new OpdRow(new OpdId(r.get(0, UUID.class)), r.get(1, Integer.class), r.get(2, Integer.class),
                        r.get(3, Integer.class), r.get(4, Integer.class)));
    }

    /** The ASN of one OPD with what they sponsor in the month, those taking no part first, by name. */
    public List<AsnRow> asnOf(TenantId tenant, OpdId opd, YearMonth month) {
        return db.fetch(PER_ASN + """
                        SELECT nip, name, linked, workers
                        FROM per_asn
                        WHERE opd_id = ?
                        ORDER BY workers > 0, name NULLS LAST, nip""",
                        tenantBinds(tenant, month, opd.value()))
                .map(r -> new AsnRow(r.get(0, String.class), r.get(1, String.class), r.get(2, Boolean.class), r.get(3, Integer.class)));
    }

    private static Object[] tenantBinds(TenantId tenant, YearMonth month, Object last) {
        return new Object[]{tenant.value(), tenant.value(), tenant.value(), tenant.value(), month.atDay(1), month.atDay(1), last};
    }
}
