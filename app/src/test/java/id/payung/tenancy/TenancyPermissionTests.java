package id.payung.tenancy;

import id.payung.PayungIntegrationTest;
import id.payung.TestTenants;
import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.SystemWork.ActorAuthentication;
import id.payung.platform.TenantId;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what to which pemda, decided in the service layer. Each refusal is paired with the same
 * action succeeding for someone entitled to it.
 */
@PayungIntegrationTest
class TenancyPermissionTests {

    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;

    TenantId lampungA;
    TenantId lampungB;

    @BeforeEach
    void twoPemdaOfDifferentOffices() {
        lampungA = TestTenants.ensureOnboarded(administration, "18.71", "KC-BANDARLAMPUNG");
        lampungB = TestTenants.ensureOnboarded(administration, "18.72", "KC-METRO");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void bpjsStaffSeeAndAdministerOnlyThePemdaOfTheirOffice() {
        signIn(bpjsStaff("KC-BANDARLAMPUNG"));
        assertThat(administration.list(null, null, PageRequest.of(0, 100)).items())
                .extracting(Tenant::id).containsExactly(lampungA);
        assertThat(administration.get(lampungA).name()).isEqualTo("Kota Bandar Lampung");
        assertDenied(() -> administration.get(lampungB), PlatformProblem.TENANT_ACCESS_DENIED);
        assertDenied(() -> administration.suspend(lampungB, "Tidak berwenang"), PlatformProblem.TENANT_ACCESS_DENIED);

        signIn(bpjsStaff("KC-METRO"));
        assertThat(administration.get(lampungB).name()).isEqualTo("Kota Metro");
    }

    @Test
    void aDisnakerOperatorKeepsTheOpdsOfHisOwnPemdaOnly() {
        signIn(member(lampungB, Role.DISNAKER_OPERATOR));
        assertDenied(() -> opds.register(lampungA, new OpdDetails("INTRUDER", "Dinas Penyusup")), PlatformProblem.TENANT_ACCESS_DENIED);
        assertDenied(() -> opds.list(lampungA, null, true, PageRequest.of(0, 10)), PlatformProblem.TENANT_ACCESS_DENIED);
        assertDenied(() -> administration.suspend(lampungB, "Bukan wewenang operator"), PlatformProblem.FORBIDDEN);
        assertDenied(() -> administration.onboard(new TenantAdministration.OnboardTenant("18.01", "KC-X", "Kantor X", null, null)),
                PlatformProblem.FORBIDDEN);

        Opd registered = opds.register(lampungB, new OpdDetails("DISNAKER-" + System.nanoTime() % 100000, "Dinas Tenaga Kerja " + System.nanoTime()));
        assertThat(opds.get(lampungB, registered.id()).tenantId()).isEqualTo(lampungB);
        signIn(member(lampungA, Role.DISNAKER_OPERATOR));
        assertDenied(() -> opds.get(lampungB, registered.id()), PlatformProblem.TENANT_ACCESS_DENIED);
    }

    @Test
    void theHeadOfRegionSetsHisOwnPemdasTargetButNoOtherAndCannotSuspend() {
        signIn(member(lampungA, Role.KEPALA_DAERAH));
        Tenant updated = administration.setTarget(lampungA, new BigDecimal("22.5"), 250_000L);
        assertThat(updated.coverageTargetPercent()).isEqualByComparingTo("22.5");
        assertDenied(() -> administration.setTarget(lampungB, BigDecimal.TEN, 1L), PlatformProblem.TENANT_ACCESS_DENIED);
        assertDenied(() -> administration.suspend(lampungA, "Bukan wewenang kepala daerah"), PlatformProblem.FORBIDDEN);
        assertThat(administration.list(null, null, PageRequest.of(0, 10)).items()).extracting(Tenant::id).containsExactly(lampungA);
    }

    @Test
    void anAsnSponsorCannotChangeTheRegistryOrOpds() {
        signIn(member(lampungA, Role.ASN_SPONSOR));
        assertThat(opds.list(lampungA, null, false, PageRequest.of(0, 10))).isNotNull();
        assertDenied(() -> opds.register(lampungA, new OpdDetails("ASN", "Dinas Buatan ASN")), PlatformProblem.FORBIDDEN);
        assertDenied(() -> administration.setTarget(lampungA, BigDecimal.ONE, 1L), PlatformProblem.FORBIDDEN);
    }

    static Actor bpjsStaff(String office) {
        return new Actor("bpjs-" + office, "Staf " + office, Set.of(Role.BPJS_STAFF), Optional.empty(), Optional.of(office), Actor.Kind.PERSON);
    }

    static Actor member(TenantId tenant, Role role) {
        return new Actor(role.realmRole() + "-" + tenant, role.realmRole(), Set.of(role), Optional.of(tenant), Optional.empty(), Actor.Kind.PERSON);
    }

    static void signIn(Actor actor) {
        SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
    }

    static void assertDenied(Executable action, PlatformProblem expected) {
        assertThatThrownBy(action::execute).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).type()).isEqualTo(expected);
    }
}
