package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.sponsorship.AsnSponsorships.Proposal;
import id.payung.sponsorship.OpdParticipation.AsnParticipation;
import id.payung.sponsorship.OpdParticipation.OpdStanding;
import id.payung.support.Acting;
import id.payung.tenancy.SponsorshipPolicies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import static id.payung.sponsorship.AsnSponsorshipTests.refused;
import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;

/** Per OPD: ASN, ASN taking part, share, sponsored workers, compliance with the policy; ranked; the OPD head's own view. */
@PayungIntegrationTest
class OpdParticipationTests {

    @Autowired ApplicationContext context;
    @Autowired OpdParticipation participation;
    @Autowired AsnSponsorships sponsorships;
    @Autowired SponsorshipPolicies policies;
    @Autowired AsnRoster roster;

    void sponsor(SponsorshipWorld world, SponsorshipWorld.Asn asn, String relationship) {
        String nik = world.manNik();
        world.registerWorker(nik, "ART");
        var proposal = new Proposal("EXISTING", nik, null, relationship, thisMonth().toString());
        Acting.run(asn.actor(world.tenant), () -> {
            var preview = sponsorships.preview(world.tenant, proposal, Locale.ENGLISH);
            sponsorships.start(world.tenant, proposal, preview.sha256(), true, Locale.ENGLISH);
        });
    }

    @Test
    void theOpdsAreRankedByTheShareOfTheirAsnTakingPartAndComplianceFollowsThePolicyInForce() {
        // A pemda of its own so that every figure below is known.
        var makassar = new SponsorshipWorld(context, "73.71", "KC-MAKASSAR");
        makassar.asnProgram(false);
        // DINKES: 2 ASN, both sponsor (one 2 workers, one 1). DISNAKER: 3 ASN on the roster, one sponsors 1 worker,
        // one is linked but sponsors nobody, one never registered.
        var dinkesA = makassar.asn("Andi Dinkes", makassar.dinkes);
        var dinkesB = makassar.asn("Besse Dinkes", makassar.dinkes);
        var disnakerA = makassar.asn("Daeng Disnaker", makassar.disnaker);
        var disnakerIdle = makassar.asn("Idle Disnaker", makassar.disnaker);
        String neverRegistered = SponsorshipWorld.nip();
        Acting.run(makassar.operator(), () -> roster.add(makassar.tenant, new AsnRoster.EntryDetails(neverRegistered, "Belum Daftar",
                makassar.disnaker.id().toString())));
        sponsor(makassar, dinkesA, "ART");
        sponsor(makassar, dinkesA, "SOPIR");
        sponsor(makassar, dinkesB, "TUKANG_KEBUN");
        sponsor(makassar, disnakerA, "ART");

        var ranking = Acting.as(makassar.kepala(), () -> participation.ranking(makassar.tenant, thisMonth()));
        assertThat(ranking).extracting(OpdStanding::rank, OpdStanding::opdName).startsWith(
                org.assertj.core.groups.Tuple.tuple(1, "Dinas Kesehatan"), org.assertj.core.groups.Tuple.tuple(2, "Dinas Tenaga Kerja"));
        OpdStanding dinkes = ranking.get(0);
        assertThat(dinkes.asn()).isEqualTo(2);
        assertThat(dinkes.asnTakingPart()).isEqualTo(2);
        assertThat(dinkes.participationPercent()).isEqualByComparingTo(new BigDecimal("100"));
        assertThat(dinkes.sponsoredWorkers()).isEqualTo(3);
        assertThat(dinkes.minimumWorkers()).isNull();
        assertThat(dinkes.asnMeetingMinimum()).isNull();
        OpdStanding disnaker = ranking.get(1);
        assertThat(disnaker.asn()).isEqualTo(3);
        assertThat(disnaker.asnTakingPart()).isEqualTo(1);
        assertThat(disnaker.participationPercent()).isEqualByComparingTo(new BigDecimal("33.33"));
        assertThat(disnaker.sponsoredWorkers()).isEqualTo(1);
        // Next month the head of region asks two workers of every ASN; this month's figures stay as they were.
        Acting.run(makassar.kepala(), () -> policies.set(makassar.tenant, thisMonth().plusMonths(1).toString(), "2"));
        assertThat(Acting.as(makassar.kepala(), () -> participation.ranking(makassar.tenant, thisMonth())).getFirst().asnMeetingMinimum()).isNull();
        var next = Acting.as(makassar.kepala(), () -> participation.ranking(makassar.tenant, thisMonth().plusMonths(1)));
        assertThat(next.get(0).minimumWorkers()).isEqualTo(2);
        assertThat(next.get(0).asnMeetingMinimum()).isEqualTo(1);
        assertThat(next.get(0).compliancePercent()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(next.get(1).asnMeetingMinimum()).isZero();

        // The head of DISNAKER (an ASN of it, linked) sees his OPD and the two ASN not taking part.
        var head = Acting.person(disnakerIdle.subject(), Optional.of(makassar.tenant), Role.OPD_HEAD, Role.ASN_SPONSOR);
        var own = Acting.as(head, () -> participation.ownOpd(makassar.tenant, thisMonth()));
        assertThat(own.standing().opdId()).isEqualTo(makassar.disnaker.id());
        assertThat(own.standing().rank()).isEqualTo(2);
        assertThat(own.opdCount()).isEqualTo(ranking.size());
        assertThat(own.notTakingPart()).extracting(AsnParticipation::nip, AsnParticipation::registered).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(disnakerIdle.nip(), true), org.assertj.core.groups.Tuple.tuple(neverRegistered, false));

        // Who may not: an ASN sponsor asking for the ranking, an OPD head with no link, another pemda's head of region.
        refused(() -> Acting.run(dinkesA.actor(makassar.tenant), () -> participation.ranking(makassar.tenant, thisMonth())), PlatformProblem.FORBIDDEN);
        refused(() -> Acting.run(Acting.person("head-without-link", Optional.of(makassar.tenant), Role.OPD_HEAD),
                () -> participation.ownOpd(makassar.tenant, thisMonth())), SponsorshipProblem.NOT_AN_OPD_HEAD);
        var kendari = new SponsorshipWorld(context, "74.71", "KC-KENDARI");
        refused(() -> Acting.run(kendari.kepala(), () -> participation.ranking(makassar.tenant, thisMonth())), PlatformProblem.TENANT_ACCESS_DENIED);
        // Kendari's own ranking lists its OPDs with nothing yet.
        assertThat(Acting.as(kendari.kepala(), () -> participation.ranking(kendari.tenant, thisMonth())))
                .allSatisfy(s -> assertThat(s.asn()).isZero());
    }
}
