package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.AsnLinkRows;
import id.payung.sponsorship.persistence.ParticipationRows;
import id.payung.sponsorship.persistence.ParticipationRows.OpdRow;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.SponsorshipPolicies;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the OPDs of a pemda take part in ASN sponsorship in a month: per OPD its ASN (on the roster, or
 * linked to it by an approved account link), those sponsoring at least one worker that month, the
 * share, the workers they sponsor and, under the head of region's policy in force that month, how many
 * ASN sponsor at least the minimum. Ranked by share, then by sponsored workers. The head of region,
 * the Disnaker operator and BPJS staff see the ranking; each OPD head sees his own OPD and the ASN of it
 * not yet taking part. Reporting reads the figures through {@link #ranking}.
 */
@Service
public class OpdParticipation {

    private final ParticipationRows rows;
    private final AsnLinkRows links;
    private final OpdRegistry opds;
    private final SponsorshipPolicies policies;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;

    OpdParticipation(ParticipationRows rows, AsnLinkRows links, OpdRegistry opds, SponsorshipPolicies policies,
                     TenantTransactions transactions, CurrentActor currentActor) {
        this.rows = rows;
        this.links = links;
        this.opds = opds;
        this.policies = policies;
        this.transactions = transactions;
        this.currentActor = currentActor;
    }

    /**
     * One OPD's figures in a month. {@code participationPercent} = ASN taking part / ASN, rounded to two
     * decimals (0 when the OPD has no ASN). {@code minimumWorkers} is the policy's minimum in force that
     * month and {@code asnMeetingMinimum} how many of its ASN sponsor at least that many; both null when no
     * policy is in force or it asks for 0. {@code rank} is 1 for the best OPD.
     */
    public record OpdStanding(int rank, OpdId opdId, String opdCode, String opdName, int asn, int asnTakingPart,
                              BigDecimal participationPercent, int sponsoredWorkers, Integer minimumWorkers,
                              Integer asnMeetingMinimum) {

        /** The share of the OPD's ASN meeting the policy's minimum, or null without a policy. */
        public BigDecimal compliancePercent() {
            return asnMeetingMinimum == null ? null : percent(asnMeetingMinimum, asn);
        }
    }

    /** One ASN of the OPD head's OPD: NIP, name (null when not on the roster), whether he linked an account, what he sponsors. */
    public record AsnParticipation(String nip, String name, boolean registered, int sponsoredWorkers) {
    }

    /** The OPD head's view: his OPD's standing among the pemda's OPDs, and his ASN not yet taking part. */
    public record OwnOpd(OpdStanding standing, int opdCount, List<AsnParticipation> notTakingPart) {
    }

    /** Every active OPD of the pemda, ranked; figures only, no NIP or name. */
    public List<OpdStanding> ranking(TenantId tenant, YearMonth month) {
        currentActor.get().requireAnyOf(Role.KEPALA_DAERAH, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        return transactions.readInTenant(tenant, () -> rank(tenant, month));
    }

    /** The figures of one OPD, with its place in the ranking. */
    public OpdStanding ofOpd(TenantId tenant, OpdId opd, YearMonth month) {
        currentActor.get().requireAnyOf(Role.KEPALA_DAERAH, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        return transactions.readInTenant(tenant, () -> rank(tenant, month).stream().filter(s -> s.opdId().equals(opd)).findFirst()
                .orElseThrow(() -> new DomainProblem(SponsorshipProblem.OPD_NOT_OF_PEMDA, Map.of("field", "opdId"), "")));
    }

    /** For an OPD head: his own OPD (the OPD of his approved ASN link) and its ASN not yet taking part. */
    public OwnOpd ownOpd(TenantId tenant, YearMonth month) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.OPD_HEAD);
        return transactions.readInTenant(tenant, () -> {
            OpdId own = links.liveBySubject(tenant, actor.subject()).filter(l -> l.status() == AsnLink.Status.APPROVED)
                    .map(AsnLink::opdId)
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.NOT_AN_OPD_HEAD));
            List<OpdStanding> ranking = rank(tenant, month);
            OpdStanding standing = ranking.stream().filter(s -> s.opdId().equals(own)).findFirst()
                    .orElseThrow(() -> new DomainProblem(SponsorshipProblem.NOT_AN_OPD_HEAD));
            List<AsnParticipation> idle = rows.asnOf(tenant, own, month).stream().filter(a -> a.sponsoredWorkers() == 0)
                    .map(a -> new AsnParticipation(a.nip(), a.name(), a.linked(), a.sponsoredWorkers())).toList();
            return new OwnOpd(standing, ranking.size(), idle);
        });
    }

    private List<OpdStanding> rank(TenantId tenant, YearMonth month) {
        Integer minimum = policies.inForce(tenant, month).map(SponsorshipPolicies.Policy::minimumWorkers)
                .filter(m -> m > 0).orElse(null);
        Map<OpdId, OpdRow> figures = rows.perOpd(tenant, month, minimum == null ? 1 : minimum).stream()
                .collect(Collectors.toMap(OpdRow::opdId, Function.identity()));
        record Unranked(Opd opd, OpdRow row) {
        }
        List<Unranked> unranked = new ArrayList<>();
        for (Opd opd : opds.active(tenant)) {
            unranked.add(new Unranked(opd, figures.getOrDefault(opd.id(), new OpdRow(opd.id(), 0, 0, 0, 0))));
        }
        unranked.sort(Comparator.comparing((Unranked u) -> percent(u.row().takingPart(), u.row().asn())).reversed()
                .thenComparing(u -> u.row().sponsoredWorkers(), Comparator.reverseOrder())
                .thenComparing(u -> u.opd().name()));
        List<OpdStanding> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Unranked u = unranked.get(i);
            OpdRow r = u.row();
            ranked.add(new OpdStanding(i + 1, u.opd().id(), u.opd().code(), u.opd().name(), r.asn(), r.takingPart(),
                    percent(r.takingPart(), r.asn()), r.sponsoredWorkers(), minimum, minimum == null ? null : r.meetingMinimum()));
        }
        return ranked;
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) return BigDecimal.ZERO.setScale(2);
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
