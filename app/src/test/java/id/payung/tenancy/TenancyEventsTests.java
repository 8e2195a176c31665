package id.payung.tenancy;

import id.payung.PayungIntegrationTest;
import id.payung.TestTenants;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.TenancyEvents.OpdRegistered;
import id.payung.tenancy.TenancyEvents.TargetSet;
import id.payung.tenancy.TenancyEvents.TenantOnboarded;
import id.payung.tenancy.TenancyEvents.TenantReactivated;
import id.payung.tenancy.TenancyEvents.TenantSuspended;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenancy module announces its facts with ids only, and only when the write happened. */
@PayungIntegrationTest
@RecordApplicationEvents
class TenancyEventsTests {

    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired ApplicationEvents events;

    @Test
    void onboardingAndChangesPublishTheirEventsWithTheTenantId() {
        TenantId id = TestTenants.ensureOnboarded(administration, "74.71", "KC-KENDARI");
        assertThat(events.stream(TenantOnboarded.class)).containsExactly(new TenantOnboarded(id));

        SystemWork.run("test", () -> {
            administration.setTarget(id, new BigDecimal("17"), 90_000L);
            var opd = opds.register(id, new OpdDetails("DISNAKER", "Dinas Tenaga Kerja"));
            administration.suspend(id, "Uji coba penangguhan");
            administration.reactivate(id);
            assertThat(events.stream(OpdRegistered.class)).containsExactly(new OpdRegistered(id, opd.id()));
        });
        assertThat(events.stream(TargetSet.class)).containsExactly(new TargetSet(id, new BigDecimal("17"), 90_000L));
        assertThat(events.stream(TenantSuspended.class)).containsExactly(new TenantSuspended(id));
        assertThat(events.stream(TenantReactivated.class)).containsExactly(new TenantReactivated(id));
    }

    @Test
    void aRefusedWritePublishesNothing() {
        TenantId id = TestTenants.ensureOnboarded(administration, "74.72", "KC-BAUBAU");
        events.clear();
        SystemWork.run("test", () -> {
            opds.register(id, new OpdDetails("DINKES", "Dinas Kesehatan"));
            events.clear();
            assertThatThrownBy(() -> opds.register(id, new OpdDetails("DINKES", "Dinas Kesehatan Lain")));
        });
        assertThat(events.stream(OpdRegistered.class)).isEmpty();
    }
}
