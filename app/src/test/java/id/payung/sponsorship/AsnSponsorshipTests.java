package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentProblem;
import id.payung.enrollment.WorkerDirectory;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.platform.AuditTrail;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PlatformProblem;
import id.payung.platform.ProblemType;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.AsnSponsorships.Proposal;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.support.Acting;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static id.payung.sponsorship.SponsorshipWorld.expectedPremium;
import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An ASN sponsor adds the workers he sponsors with his consent, sees his deductions and ends a sponsorship. */
@PayungIntegrationTest
@RecordApplicationEvents
class AsnSponsorshipTests {

    static final Locale ID = Locale.forLanguageTag("id");

    @Autowired ApplicationContext context;
    @Autowired AsnSponsorships sponsorships;
    @Autowired WorkerDirectory directory;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired AuditTrail audit;
    @Autowired TenantTransactions transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    SponsorshipWorld denpasar;
    SponsorshipWorld badung;
    FundingProgram program;

    @BeforeEach
    void pemdaWithAnAsnProgramNotCountedAsApbd() {
        denpasar = new SponsorshipWorld(context, "51.71", "KC-DENPASAR");
        badung = new SponsorshipWorld(context, "51.03", "KC-BADUNG");
        program = denpasar.asnProgram(false);
    }

    Proposal existing(String nik, String relationship, YearMonth first) {
        return new Proposal("EXISTING", nik, null, relationship, first.toString());
    }

    Funding sponsor(SponsorshipWorld.Asn asn, Proposal proposal) {
        return Acting.as(asn.actor(denpasar.tenant), () -> {
            var preview = sponsorships.preview(denpasar.tenant, proposal, ID);
            return sponsorships.start(denpasar.tenant, proposal, preview.sha256(), true, ID);
        });
    }

    @Test
    void anAsnSponsorsAWorkerRegisteredByTheOperatorAfterReadingTheConsentWithTheAmountsOfTheRateTables() {
        var asn = denpasar.asn("Made Wirawan", denpasar.dinkes);
        String nik = denpasar.manNik();
        UUID worker = denpasar.registerWorker(nik, "ART");
        YearMonth first = thisMonth();

        var preview = Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.preview(denpasar.tenant, existing(nik, "ART", first), ID));
        assertThat(preview.schedule()).hasSize(12);
        for (var month : preview.schedule()) {
            assertThat(month.premium()).as(month.month().toString()).isEqualTo(expectedPremium(month.month(), false, false));
            assertThat(month.base()).isEqualTo(16_800);
        }
        assertThat(preview.text()).contains("Made Wirawan", asn.nip(), "Dinas Kesehatan", "Budi Santoso", nik.substring(0, 6) + "********",
                "Asisten rumah tangga", "Rp" + String.format(ID, "%,d", expectedPremium(first, false, false)).replace(',', '.'))
                .doesNotContain(nik);
        assertThat(preview.sha256()).isEqualTo(sha256(preview.text()));

        Funding funding = Acting.as(asn.actor(denpasar.tenant), () ->
                sponsorships.start(denpasar.tenant, existing(nik, "ART", first), preview.sha256(), true, ID));

        assertThat(funding.workerId()).isEqualTo(worker);
        assertThat(funding.programId()).isEqualTo(program.id());
        assertThat(funding.firstPeriod()).isEqualTo(first);
        assertThat(funding.lastPeriod()).isNull();
        assertThat(funding.opdId()).isEqualTo(denpasar.dinkes.id());
        assertThat(funding.relationship()).isEqualTo(SponsoredRelationship.ART);
        assertThat(funding.declaredIncome()).isEqualTo(1_000_000);
        var consent = Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.consent(denpasar.tenant, funding.id()));
        assertThat(consent.text()).isEqualTo(preview.text());
        assertThat(consent.sha256()).isEqualTo(preview.sha256());
        assertThat(consent.language()).isEqualTo("id");
        assertThat(consent.subject()).isEqualTo(asn.subject());
        assertThat(consent.workerId()).isEqualTo(worker);
        assertThat(consent.firstAmount()).isEqualTo(expectedPremium(first, false, false));
        assertThat(consent.givenAt()).isNotNull();
        assertThat(events.stream(SponsorshipStarted.class).filter(e -> e.fundingId().equals(funding.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.workerId()).isEqualTo(worker);
                    assertThat(e.opdId()).isEqualTo(denpasar.dinkes.id().value());
                    assertThat(e.sponsorLinkId()).isEqualTo(funding.sponsorLinkId());
                    assertThat(e.firstPeriod()).isEqualTo(first);
                });
        assertThat(SystemWork.call("test", () -> transactions.readInTenant(denpasar.tenant, () -> audit.historyOf("funding", funding.id()))))
                .extracting(AuditTrail.AuditEntry::action).containsExactly("sponsorship.started");
    }

    @Test
    void aNewWorkerIsRegisteredThroughEnrollmentInTheSameStepAndAConsentInEnglishIsKeptInEnglish() {
        var asn = denpasar.asn("Ketut Sudarma", denpasar.disnaker);
        String nik = denpasar.manNik();
        var proposal = new Proposal("NEW", nik, denpasar.man(nik, "SOPIR"), "SOPIR", thisMonth().toString());

        var preview = Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.preview(denpasar.tenant, proposal, Locale.ENGLISH));
        assertThat(preview.text()).startsWith("I, Ketut Sudarma").contains("my Driver");
        assertThat(preview.schedule().getFirst().premium()).isEqualTo(expectedPremium(thisMonth(), true, false));
        // Previewing stored nothing: the worker is not registered yet.
        assertThat(Acting.as(denpasar.operator(), () -> directory.findByNik(denpasar.tenant, nik))).isEmpty();

        Funding funding = Acting.as(asn.actor(denpasar.tenant), () ->
                sponsorships.start(denpasar.tenant, proposal, preview.sha256(), true, Locale.ENGLISH));
        var card = Acting.as(denpasar.operator(), () -> directory.findByNik(denpasar.tenant, nik)).orElseThrow();
        assertThat(funding.workerId()).isEqualTo(card.workerId());
        assertThat(funding.transportSector()).isTrue();
        assertThat(Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.consent(denpasar.tenant, funding.id())).language()).isEqualTo("en");
        // The ASN registered him, so enrollment shows him the worker too.
        assertThat(Acting.as(asn.actor(denpasar.tenant), () -> context.getBean(id.payung.enrollment.WorkerRegistration.class)
                .get(denpasar.tenant, funding.workerId())).worker().name()).isEqualTo("Budi Santoso");
    }

    @Test
    void theSponsorSeesWhatWillBeDeductedEachMonthPerWorkerAndInTotalWithTheDiscount() {
        var asn = denpasar.asn("Nyoman Sukerta", denpasar.dinkes);
        String helper = denpasar.manNik();
        String driver = denpasar.manNik();
        denpasar.registerWorker(helper, "TUKANG_KEBUN");
        denpasar.registerWorker(driver, "OJEK");
        sponsor(asn, existing(helper, "TUKANG_KEBUN", thisMonth()));
        sponsor(asn, existing(driver, "OJEK_LANGGANAN", thisMonth().plusMonths(1)));

        var overview = Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.overview(denpasar.tenant));
        assertThat(overview.workers()).hasSize(2).allSatisfy(w -> assertThat(w.worker().name()).isEqualTo("Budi Santoso"));
        assertThat(overview.sponsorName()).isEqualTo("Nyoman Sukerta");
        assertThat(overview.deductions()).hasSize(12);
        var firstMonth = overview.deductions().getFirst();
        assertThat(firstMonth.month()).isEqualTo(thisMonth());
        assertThat(firstMonth.workers()).hasSize(1);
        assertThat(firstMonth.total()).isEqualTo(expectedPremium(thisMonth(), false, false));
        for (var month : overview.deductions().subList(1, 12)) {
            long expected = expectedPremium(month.month(), false, false) + expectedPremium(month.month(), true, false);
            assertThat(month.total()).as(month.month().toString()).isEqualTo(expected);
            assertThat(month.discount()).isEqualTo(2 * 16_800 - expected);
            assertThat(month.workers()).hasSize(2);
        }
    }

    @Test
    void aProgramCountedAsApbdDeductsThePremiumWithoutTheDiscount() {
        var tabanan = new SponsorshipWorld(context, "51.02", "KC-TABANAN");
        tabanan.asnProgram(true);
        var asn = tabanan.asn("Wayan Gede", tabanan.disnaker);
        String nik = tabanan.manNik();
        tabanan.registerWorker(nik, "OJEK");
        var preview = Acting.as(asn.actor(tabanan.tenant), () -> sponsorships.preview(tabanan.tenant,
                existing(nik, "OJEK_LANGGANAN", thisMonth()), ID));
        assertThat(preview.countsAsApbd()).isTrue();
        assertThat(preview.schedule()).allSatisfy(m -> assertThat(m.premium()).isEqualTo(16_800));
    }

    @Test
    void endingFromNextMonthKeepsThisMonthAndEndingBeforeTheFirstMonthCancelsSoTheMonthsCanBeSponsoredAgain() {
        var asn = denpasar.asn("Putu Ardana", denpasar.dinkes);
        var other = denpasar.asn("Kadek Dwi", denpasar.dinkes);
        String nik = denpasar.manNik();
        denpasar.registerWorker(nik, "ART");
        Funding running = sponsor(asn, existing(nik, "ART", thisMonth()));

        Funding ended = Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.end(denpasar.tenant, running.id(), thisMonth().plusMonths(1).toString()));
        assertThat(ended.lastPeriod()).isEqualTo(thisMonth());
        assertThat(events.stream(SponsorshipEnded.class).filter(e -> e.fundingId().equals(running.id())))
                .singleElement().extracting(SponsorshipEnded::lastPeriod).isEqualTo(thisMonth());
        refused(() -> Acting.run(asn.actor(denpasar.tenant), () -> sponsorships.end(denpasar.tenant, running.id(), thisMonth().plusMonths(3).toString())),
                SponsorshipProblem.FUNDING_ALREADY_ENDED);
        // Another ASN may not end it, nor see its consent.
        refused(() -> Acting.run(other.actor(denpasar.tenant), () -> sponsorships.end(denpasar.tenant, running.id(), thisMonth().toString())),
                SponsorshipProblem.FUNDING_NOT_FOUND);
        refused(() -> Acting.run(other.actor(denpasar.tenant), () -> sponsorships.consent(denpasar.tenant, running.id())),
                SponsorshipProblem.FUNDING_NOT_FOUND);

        // From next month on the worker is free again; the other ASN sponsors him from then, then changes his mind.
        Funding next = sponsor(other, existing(nik, "TETANGGA", thisMonth().plusMonths(1)));
        Funding cancelled = Acting.as(other.actor(denpasar.tenant), () -> sponsorships.end(denpasar.tenant, next.id(), thisMonth().toString()));
        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelled.lastPeriod()).isEqualTo(thisMonth());
        Funding again = sponsor(asn, existing(nik, "ART", thisMonth().plusMonths(1)));
        assertThat(again.firstPeriod()).isEqualTo(thisMonth().plusMonths(1));
    }

    @Test
    void everyRefusalSaysWhyAndStoresNothing() {
        var asn = denpasar.asn("Gusti Ayu", denpasar.dinkes);
        var sponsorOfTheWorker = denpasar.asn("Komang Adi", denpasar.dinkes);
        String nik = denpasar.manNik();
        UUID worker = denpasar.registerWorker(nik, "ART");
        sponsor(sponsorOfTheWorker, existing(nik, "ART", thisMonth()));
        int fundingsBefore = fundings();
        int consentsBefore = consents();

        // An ASN sponsor with no approved link: his NIP is not on the roster and nobody approved it.
        var unlinked = Acting.person("unlinked-" + UUID.randomUUID(), java.util.Optional.of(denpasar.tenant), id.payung.platform.Role.ASN_SPONSOR);
        refused(() -> Acting.run(unlinked, () -> sponsorships.preview(denpasar.tenant, existing(nik, "ART", thisMonth()), ID)),
                SponsorshipProblem.NO_APPROVED_LINK);
        var pendingSubject = "pending-" + UUID.randomUUID();
        Acting.run(Acting.newcomer(pendingSubject), () -> context.getBean(AsnRegistration.class).register(new AsnRegistration.Application(
                denpasar.tenant.toString(), denpasar.dinkes.id().toString(), SponsorshipWorld.nip(), "1985-06-15")));
        var pending = Acting.person(pendingSubject, java.util.Optional.of(denpasar.tenant), id.payung.platform.Role.ASN_SPONSOR);
        refused(() -> Acting.run(pending, () -> sponsorships.start(denpasar.tenant, existing(nik, "ART", thisMonth()), "00", true, ID)),
                SponsorshipProblem.NO_APPROVED_LINK);
        // A worker of another pemda is simply not found here.
        String nikOfBadung = badung.manNik();
        badung.registerWorker(nikOfBadung, "ART");
        refused(() -> preview(asn, existing(nikOfBadung, "ART", thisMonth())), SponsorshipProblem.WORKER_NOT_IN_PEMDA);
        // An ended worker.
        String endedNik = denpasar.manNik();
        UUID endedWorker = denpasar.registerWorker(endedNik, "ART");
        Acting.run(denpasar.operator(), () -> lifecycle.deactivate(denpasar.tenant, endedWorker,
                new WorkerLifecycle.Deactivation("ENDED", "PINDAH_DOMISILI", null, java.time.LocalDate.now().toString())));
        refused(() -> preview(asn, existing(endedNik, "ART", thisMonth())), SponsorshipProblem.WORKER_ENDED);
        // Already sponsored in this program for those months (by another ASN), from next month too.
        refused(() -> preview(asn, existing(nik, "ART", thisMonth().plusMonths(2))), SponsorshipProblem.FUNDING_OVERLAPS);
        refused(() -> start(asn, existing(nik, "ART", thisMonth().plusMonths(2))), SponsorshipProblem.FUNDING_OVERLAPS);
        // A month already past, a month too far, no month, a relationship not on the list, a malformed NIK.
        assertThat(fieldProblem(asn, existing(nik, "ART", thisMonth().minusMonths(1)), "firstPeriod")).isEqualTo(SponsorshipProblem.PERIOD_IN_PAST);
        assertThat(fieldProblem(asn, existing(nik, "ART", thisMonth().plusMonths(13)), "firstPeriod")).isEqualTo(SponsorshipProblem.PERIOD_TOO_FAR);
        assertThat(fieldProblem(asn, new Proposal("EXISTING", nik, null, "ART", "2027/01"), "firstPeriod")).isEqualTo(SponsorshipProblem.PERIOD_INVALID);
        assertThat(fieldProblem(asn, existing(nik, "BOSS", thisMonth()), "relationship")).isEqualTo(SponsorshipProblem.RELATIONSHIP_INVALID);
        assertThat(fieldProblem(asn, existing("12345", "ART", thisMonth()), "nik")).isEqualTo(EnrollmentProblem.NIK_FORMAT);
        // A NEW worker whose NIK is registered here already.
        assertThat(problemOf(() -> preview(asn, new Proposal("NEW", nik, denpasar.man(nik, "ART"), "ART", thisMonth().toString()))))
                .isEqualTo(SponsorshipProblem.WORKER_ALREADY_REGISTERED);
        // No consent ticked; a consent text that is not the one shown.
        String free = denpasar.manNik();
        denpasar.registerWorker(free, "ART");
        var proposal = existing(free, "ART", thisMonth());
        var shown = preview(asn, proposal);
        assertThat(problemOf(() -> Acting.run(asn.actor(denpasar.tenant), () -> sponsorships.start(denpasar.tenant, proposal, shown.sha256(), false, ID))))
                .isEqualTo(PlatformProblem.INVALID_INPUT);
        refused(() -> Acting.run(asn.actor(denpasar.tenant), () -> sponsorships.start(denpasar.tenant, proposal, sha256("another text"), true, ID)),
                SponsorshipProblem.CONSENT_TEXT_CHANGED);
        // The consent read in English does not stand for the Indonesian text.
        refused(() -> Acting.run(asn.actor(denpasar.tenant), () -> sponsorships.start(denpasar.tenant, proposal, shown.sha256(), true, Locale.ENGLISH)),
                SponsorshipProblem.CONSENT_TEXT_CHANGED);
        // A NEW worker with a bad heir: refused by enrollment, nothing registered, nothing funded.
        String newNik = denpasar.manNik();
        var bad = denpasar.man(newNik, "ART");
        var badHeir = new Proposal("NEW", newNik, new id.payung.enrollment.WorkerRegistration.Application(bad.nik(), bad.name(), bad.birthDate(),
                bad.sex(), bad.address(), bad.villageCode(), bad.phone(), bad.occupationCode(), bad.incomeLevelCode(),
                List.of(new id.payung.enrollment.WorkerRegistration.HeirDetails("Siti", "SPOUSE", "123"))), "ART", thisMonth().toString());
        var badHeirPreview = preview(asn, badHeir);
        assertThat(problemOf(() -> Acting.run(asn.actor(denpasar.tenant), () ->
                sponsorships.start(denpasar.tenant, badHeir, badHeirPreview.sha256(), true, ID)))).isEqualTo(PlatformProblem.INVALID_INPUT);
        assertThat(Acting.as(denpasar.operator(), () -> directory.findByNik(denpasar.tenant, newNik))).isEmpty();
        // Roles that are not a sponsor; a sponsor of another pemda.
        refused(() -> Acting.run(denpasar.operator(), () -> sponsorships.preview(denpasar.tenant, proposal, ID)), PlatformProblem.FORBIDDEN);
        var asnOfBadung = badung.asn("Nengah Badung", badung.dinkes);
        refused(() -> Acting.run(asnOfBadung.actor(badung.tenant), () -> sponsorships.preview(denpasar.tenant, proposal, ID)),
                PlatformProblem.TENANT_ACCESS_DENIED);

        assertThat(fundings()).isEqualTo(fundingsBefore);
        assertThat(consents()).isEqualTo(consentsBefore);
        assertThat(events.stream(SponsorshipStarted.class).filter(e -> e.workerId().equals(endedWorker) || e.workerId().equals(worker))).hasSize(1);
    }

    @Test
    void withoutAnAsnProgramNobodyCanBeSponsored() {
        var asn = badung.asn("Wayan Badung", badung.disnaker);
        String nik = badung.manNik();
        badung.registerWorker(nik, "ART");
        refused(() -> Acting.run(asn.actor(badung.tenant), () -> sponsorships.preview(badung.tenant, existing(nik, "ART", thisMonth()), ID)),
                SponsorshipProblem.NO_ASN_PROGRAM);
    }

    private AsnSponsorships.ConsentPreview preview(SponsorshipWorld.Asn asn, Proposal proposal) {
        return Acting.as(asn.actor(denpasar.tenant), () -> sponsorships.preview(denpasar.tenant, proposal, ID));
    }

    private void start(SponsorshipWorld.Asn asn, Proposal proposal) {
        Acting.run(asn.actor(denpasar.tenant), () -> sponsorships.start(denpasar.tenant, proposal, "x", true, ID));
    }

    private int fundings() {
        return SystemWork.call("test", () -> transactions.readInTenant(denpasar.tenant,
                () -> jdbc.queryForObject("SELECT count(*) FROM sponsorship.funding", Integer.class)));
    }

    private int consents() {
        return SystemWork.call("test", () -> transactions.readInTenant(denpasar.tenant,
                () -> jdbc.queryForObject("SELECT count(*) FROM sponsorship.deduction_consent", Integer.class)));
    }

    private ProblemType fieldProblem(SponsorshipWorld.Asn asn, Proposal proposal, String field) {
        try {
            preview(asn, proposal);
        } catch (InvalidInput invalid) {
            return invalid.fieldProblems().stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow().type();
        }
        throw new AssertionError("not refused");
    }

    static ProblemType problemOf(ThrowingCallable call) {
        try {
            call.call();
        } catch (DomainProblem problem) {
            return problem.type();
        } catch (Throwable other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("not refused");
    }

    static void refused(ThrowingCallable call, ProblemType type) {
        assertThatThrownBy(call).isInstanceOf(DomainProblem.class).extracting(e -> ((DomainProblem) e).type()).isEqualTo(type);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
