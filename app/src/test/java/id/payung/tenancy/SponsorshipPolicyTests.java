package id.payung.tenancy;

import id.payung.PayungIntegrationTest;
import id.payung.TestTenants;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.SponsorshipPolicies.Policy;
import id.payung.tenancy.TenancyEvents.SponsorshipPolicySet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The head of region's dated sponsorship policy: set from a month, the earlier rows kept, the one in force per month. */
@PayungIntegrationTest
@RecordApplicationEvents
class SponsorshipPolicyTests {

    @Autowired TenantAdministration administration;
    @Autowired SponsorshipPolicies policies;
    @Autowired ApplicationEvents events;

    @Test
    void aNewPolicyAppliesFromItsMonthAndTheOldOneStaysAsHistory() {
        TenantId palu = TestTenants.ensureOnboarded(administration, "72.71", "KC-PALU");
        var kepala = Acting.person("kepala-palu", Optional.of(palu), Role.KEPALA_DAERAH);
        var now = SponsorshipPolicies.currentMonth();
        Policy one = Acting.as(kepala, () -> policies.set(palu, now.toString(), "1"));
        Policy two = Acting.as(kepala, () -> policies.set(palu, now.plusMonths(3).toString(), " 2 "));

        var operator = Acting.person("operator-palu", Optional.of(palu), Role.DISNAKER_OPERATOR);
        assertThat(Acting.as(operator, () -> policies.inForce(palu, now))).contains(one);
        assertThat(Acting.as(operator, () -> policies.inForce(palu, now.plusMonths(2)))).contains(one);
        assertThat(Acting.as(operator, () -> policies.inForce(palu, now.plusMonths(3)))).contains(two);
        assertThat(Acting.as(operator, () -> policies.inForce(palu, now.minusMonths(1)))).isEmpty();
        assertThat(Acting.as(operator, () -> policies.history(palu))).containsExactly(two, one);
        assertThat(two.minimumWorkers()).isEqualTo(2);
        assertThat(two.setByName()).isEqualTo("Orang kepala-palu");
        assertThat(events.stream(SponsorshipPolicySet.class)).contains(new SponsorshipPolicySet(palu, two.id(), now.plusMonths(3), 2));
    }

    @Test
    void onlyTheHeadOfRegionSetsItAndNeverForAPastMonthOrANonsenseNumber() {
        TenantId donggala = TestTenants.ensureOnboarded(administration, "72.03", "KC-DONGGALA");
        var kepala = Acting.person("kepala-donggala", Optional.of(donggala), Role.KEPALA_DAERAH);
        var now = SponsorshipPolicies.currentMonth();
        assertThat(problem(() -> Acting.run(Acting.person("op", Optional.of(donggala), Role.DISNAKER_OPERATOR),
                () -> policies.set(donggala, now.toString(), "1")))).isEqualTo(PlatformProblem.FORBIDDEN);
        TenantId palu = TestTenants.ensureOnboarded(administration, "72.71", "KC-PALU");
        assertThat(problem(() -> Acting.run(Acting.person("kepala-palu", Optional.of(palu), Role.KEPALA_DAERAH),
                () -> policies.set(donggala, now.toString(), "1")))).isEqualTo(PlatformProblem.TENANT_ACCESS_DENIED);
        assertThat(fields(() -> Acting.run(kepala, () -> policies.set(donggala, now.minusMonths(1).toString(), "21"))))
                .containsExactly("validFrom:policy-month-past", "minimumWorkers:policy-minimum-invalid");
        assertThat(fields(() -> Acting.run(kepala, () -> policies.set(donggala, "Januari", "satu"))))
                .containsExactly("validFrom:policy-month-invalid", "minimumWorkers:policy-minimum-invalid");
        assertThat(fields(() -> Acting.run(kepala, () -> policies.set(donggala, now.plusYears(3).toString(), "")))).
                containsExactly("validFrom:policy-month-too-far", "minimumWorkers:required");
        assertThat(Acting.as(kepala, () -> policies.history(donggala))).isEmpty();
    }

    private static Object problem(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(DomainProblem.class);
        try {
            call.run();
        } catch (DomainProblem p) {
            return p.type();
        }
        return null;
    }

    private static java.util.List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (InvalidInput invalid) {
            return invalid.fieldProblems().stream().map(p -> p.field() + ":" + p.type().slug()).toList();
        }
        throw new AssertionError("not refused");
    }
}
