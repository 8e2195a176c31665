package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.AuditTrail;
import id.payung.platform.DomainProblem;
import id.payung.platform.IdentityProvisioning;
import id.payung.platform.InvalidInput;
import id.payung.platform.PlatformProblem;
import id.payung.platform.ProblemType;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.AsnRegistration.Application;
import id.payung.sponsorship.AsnRoster.EntryDetails;
import id.payung.support.Acting;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.TenantAdministration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ASN self-registration rules on the embedded database, with identity provisioning switched off
 * (dev-no-auth); the Keycloak side is covered by {@link AsnSelfRegistrationKeycloakTests}.
 */
@PayungIntegrationTest
@RecordApplicationEvents
class AsnSelfRegistrationTests {

    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired AsnRoster roster;
    @Autowired AsnRegistration registration;
    @Autowired AuditTrail audit;
    @Autowired TenantTransactions transactions;
    @Autowired IdentityProvisioning provisioning;
    @Autowired ApplicationEvents events;

    SponsorshipFixtures semarang;
    SponsorshipFixtures surakarta;

    @BeforeEach
    void pemda() {
        semarang = SponsorshipFixtures.pemda(administration, opds, "33.74", "KC-SEMARANG");
        surakarta = SponsorshipFixtures.pemda(administration, opds, "33.72", "KC-SURAKARTA");
    }

    /** A unique valid NIP per call (birth 1980-01-01 .. , serial from a counter). */
    static int serial = 100;

    static String nip() {
        serial++;
        return "19800101200501" + "1" + String.format("%03d", serial % 1000);
    }

    @Test
    void provisioningIsExplicitlyDisabledInDevNoAuth() {
        assertThat(provisioning.isEnabled()).isFalse();
    }

    @Test
    void anAsnOnHisOpdsRosterIsApprovedAtOnceAndItIsAudited() {
        String nip = nip();
        Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Budi Santoso", semarang.disnaker().id().toString())));

        var outcome = Acting.as(Acting.newcomer("sub-" + UUID.randomUUID()), () -> registration.register(
                new Application(semarang.tenant().toString(), semarang.disnaker().id().toString(), nip, "1980-01-01")));

        assertThat(outcome.approved()).isTrue();
        assertThat(outcome.link().decidedBy()).isEqualTo("roster");
        assertThat(events.stream(SponsorshipEvents.AsnLinkApproved.class))
                .contains(new SponsorshipEvents.AsnLinkApproved(semarang.tenant(), outcome.link().id()));
        assertThat(SystemWork.call("test", () -> transactions.readInTenant(semarang.tenant(),
                () -> audit.historyOf("asn-link", outcome.link().id()))))
                .extracting(AuditTrail.AuditEntry::action).containsExactly("asn-link.approved-from-roster");
    }

    @Test
    void onTheRosterOfAnotherOpdOrNotAtAllTheRequestWaitsForTheHeadOfTheChosenOpdWhoAloneMayDecide() {
        // The head of DINKES: an ASN of DINKES himself (linked from the roster).
        String headNip = nip();
        String head = "head-" + UUID.randomUUID();
        Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(headNip, "Kepala Dinkes", semarang.dinkes().id().toString())));
        Acting.run(Acting.newcomer(head), () -> registration.register(
                new Application(semarang.tenant().toString(), semarang.dinkes().id().toString(), headNip, "1980-01-01")));
        // The head of DISNAKER likewise.
        String otherHeadNip = nip();
        String otherHead = "head-" + UUID.randomUUID();
        Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(otherHeadNip, "Kepala Disnaker", semarang.disnaker().id().toString())));
        Acting.run(Acting.newcomer(otherHead), () -> registration.register(
                new Application(semarang.tenant().toString(), semarang.disnaker().id().toString(), otherHeadNip, "1980-01-01")));

        // On the roster of DISNAKER, but registering for DINKES; and one not on the roster at all.
        String rosteredElsewhere = nip();
        Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(rosteredElsewhere, "Siti Aminah", semarang.disnaker().id().toString())));
        var first = Acting.as(Acting.newcomer("sub-" + UUID.randomUUID()), () -> registration.register(
                new Application(semarang.tenant().toString(), semarang.dinkes().id().toString(), rosteredElsewhere, "1980-01-01")));
        var second = Acting.as(Acting.newcomer("sub-" + UUID.randomUUID()), () -> registration.register(
                new Application(semarang.tenant().toString(), semarang.dinkes().id().toString(), nip(), "1980-01-01")));
        assertThat(first.approved()).isFalse();
        assertThat(second.link().status()).isEqualTo(AsnLink.Status.PENDING);

        // The head of DINKES sees both; the head of DISNAKER sees neither and may not decide them.
        assertThat(Acting.as(semarang.opdHead(head), () -> registration.pending(semarang.tenant())))
                .extracting(r -> r.link().id()).contains(first.link().id(), second.link().id());
        assertThat(Acting.as(semarang.opdHead(otherHead), () -> registration.pending(semarang.tenant())))
                .extracting(r -> r.link().id()).doesNotContain(first.link().id(), second.link().id());
        refused(() -> Acting.run(semarang.opdHead(otherHead), () -> registration.approve(semarang.tenant(), first.link().id())),
                SponsorshipProblem.NOT_HEAD_OF_THIS_OPD);
        // An OPD head of another pemda cannot even reach this one.
        refused(() -> Acting.run(surakarta.opdHead(head), () -> registration.approve(semarang.tenant(), first.link().id())),
                PlatformProblem.TENANT_ACCESS_DENIED);

        var approved = Acting.as(semarang.opdHead(head), () -> registration.approve(semarang.tenant(), first.link().id()));
        assertThat(approved.status()).isEqualTo(AsnLink.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(head);
        refused(() -> Acting.run(semarang.opdHead(head), () -> registration.refuse(semarang.tenant(), second.link().id(), "no")),
                PlatformProblem.INVALID_INPUT);
        var refusedLink = Acting.as(semarang.opdHead(head), () -> registration.refuse(semarang.tenant(), second.link().id(), "Bukan pegawai Dinkes"));
        assertThat(refusedLink.status()).isEqualTo(AsnLink.Status.REFUSED);
        refused(() -> Acting.run(semarang.opdHead(head), () -> registration.approve(semarang.tenant(), second.link().id())),
                SponsorshipProblem.REQUEST_ALREADY_DECIDED);
        assertThat(Acting.as(semarang.opdHead(head), () -> registration.pending(semarang.tenant()))).isEmpty();
    }

    @Test
    void badInputIsRefusedWithItsReasonAndChangesNothing() {
        String nip = nip();
        Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Rina Wati", semarang.disnaker().id().toString())));
        String tenant = semarang.tenant().toString();
        String disnaker = semarang.disnaker().id().toString();
        var newcomer = Acting.newcomer("sub-" + UUID.randomUUID());

        assertThat(fieldProblem(newcomer, new Application(tenant, disnaker, "1980010120050110", "1980-01-01"), "nip"))
                .isEqualTo(SponsorshipProblem.NIP_LENGTH);
        assertThat(fieldProblem(newcomer, new Application(tenant, disnaker, "198002302005011001", "1980-02-30"), "nip"))
                .isEqualTo(SponsorshipProblem.NIP_BIRTH_DATE_INVALID);
        assertThat(fieldProblem(newcomer, new Application(tenant, disnaker, nip, "1981-01-01"), "birthDate"))
                .isEqualTo(SponsorshipProblem.BIRTH_DATE_MISMATCH);
        // An OPD of another pemda.
        refused(() -> Acting.run(newcomer, () -> registration.register(new Application(tenant, surakarta.disnaker().id().toString(), nip, "1980-01-01"))),
                SponsorshipProblem.OPD_NOT_OF_PEMDA);
        // Someone with a role or a pemda does not register again.
        refused(() -> Acting.run(semarang.operator(), () -> registration.register(new Application(tenant, disnaker, nip, "1980-01-01"))),
                SponsorshipProblem.ALREADY_MEMBER);
        // Positive control: the same newcomer with correct input gets through...
        assertThat(Acting.as(newcomer, () -> registration.register(new Application(tenant, disnaker, nip, "1980-01-01"))).approved()).isTrue();
        // ...and then nobody else can take that NIP, not even by asking the OPD head.
        refused(() -> Acting.run(Acting.newcomer("sub-" + UUID.randomUUID()), () -> registration.register(new Application(tenant, disnaker, nip, "1980-01-01"))),
                SponsorshipProblem.NIP_ALREADY_LINKED);
        assertThat(Acting.as(semarang.opdHead("someone"), () -> {
            try {
                return registration.pending(semarang.tenant());
            } catch (DomainProblem notHead) {
                return java.util.List.<AsnRegistration.PendingRequest>of();
            }
        })).noneMatch(r -> r.link().nip().equals(nip));
    }

    @Test
    void theRosterIsKeptByTheDisnakerOperatorOnly() {
        String nip = nip();
        refused(() -> Acting.run(semarang.opdHead("x"), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Budi", semarang.disnaker().id().toString()))),
                PlatformProblem.FORBIDDEN);
        refused(() -> Acting.run(surakarta.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Budi Santoso", semarang.disnaker().id().toString()))),
                PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Budi Santoso", surakarta.disnaker().id().toString()))),
                SponsorshipProblem.OPD_NOT_OF_PEMDA);
        var entry = Acting.as(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Budi Santoso", semarang.disnaker().id().toString())));
        refused(() -> Acting.run(semarang.operator(), () -> roster.add(semarang.tenant(), new EntryDetails(nip, "Budi Lain", semarang.dinkes().id().toString()))),
                SponsorshipProblem.ROSTER_NIP_TAKEN);
        Acting.run(semarang.operator(), () -> roster.remove(semarang.tenant(), entry.id()));
        assertThat(Acting.as(semarang.operator(), () -> roster.list(semarang.tenant(), nip, id.payung.platform.PageRequest.of(0, 10))).items()).isEmpty();
    }

    @Test
    void aCsvImportIsAllOrNothingAndListsEveryBadRow() {
        String good1 = nip(), good2 = nip(), good3 = nip();
        String bad = """
                nip,nama,kode_opd
                %s,Andi Wijaya,DISNAKER
                12345,Nama Pendek,DISNAKER
                %s,Bu,DINKES
                %s,Citra Lestari,TIDAKADA
                %s,Andi Lagi,DINKES
                satu;dua
                """.formatted(good1, good2, good3, good1);
        var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(AsnRoster.ImportRefused.class,
                () -> Acting.run(semarang.operator(), () -> roster.importCsv(semarang.tenant(), bad)));
        assertThat(refusal.rows()).extracting(AsnRoster.RowProblem::line, AsnRoster.RowProblem::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, SponsorshipProblem.NIP_LENGTH),
                org.assertj.core.groups.Tuple.tuple(4, SponsorshipProblem.ASN_NAME_INVALID),
                org.assertj.core.groups.Tuple.tuple(5, SponsorshipProblem.ROSTER_OPD_CODE_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple(6, SponsorshipProblem.ROSTER_NIP_REPEATED),
                org.assertj.core.groups.Tuple.tuple(7, SponsorshipProblem.ROSTER_ROW_COLUMNS));
        assertThat(Acting.as(semarang.operator(), () -> roster.list(semarang.tenant(), good1, id.payung.platform.PageRequest.of(0, 10))).items())
                .as("nothing of a refused file is stored").isEmpty();

        String good = "%s;Andi Wijaya;DISNAKER\n\"%s\";\"Citra Lestari, S.Kom\";dinkes\n".formatted(good1, good3);
        var result = Acting.as(semarang.operator(), () -> roster.importCsv(semarang.tenant(), good));
        assertThat(result).isEqualTo(new AsnRoster.ImportResult(2, 2));
        assertThat(Acting.as(semarang.operator(), () -> roster.importCsv(semarang.tenant(), good))).as("idempotent").isEqualTo(new AsnRoster.ImportResult(2, 2));
        assertThat(Acting.as(semarang.operator(), () -> roster.list(semarang.tenant(), good3, id.payung.platform.PageRequest.of(0, 10))).items())
                .extracting(RosterEntry::name, RosterEntry::opdId).containsExactly(org.assertj.core.groups.Tuple.tuple("Citra Lestari, S.Kom", semarang.dinkes().id()));
    }

    private ProblemType fieldProblem(id.payung.platform.Actor actor, Application application, String field) {
        var problem = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class,
                () -> Acting.run(actor, () -> registration.register(application)));
        assertThat(problem).as("refused").isNotNull();
        return problem.fieldProblems().stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow().type();
    }

    private static void refused(ThrowingCallable call, ProblemType type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(type));
    }
}
