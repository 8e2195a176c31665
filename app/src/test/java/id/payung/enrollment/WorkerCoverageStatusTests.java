package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentEvents.WorkersActivated;
import id.payung.enrollment.EnrollmentEvents.WorkersLapsed;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

/** Status follows the money (ADR 0007): activation on a paid month, lapse after three unpaid ones; facts for other modules. */
@PayungIntegrationTest
@RecordApplicationEvents
class WorkerCoverageStatusTests {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired WorkerCoverageStatus coverageStatus;
    @Autowired WorkerFacts facts;
    @Autowired TenantAdministration administration;
    @Autowired ApplicationEvents events;

    private Worker registered(TenantId tenant) {
        return Acting.as(operator(tenant), () -> registration.register(tenant, man(manNik(), KEDIRI_VILLAGE))).worker();
    }

    private Worker verified(TenantId tenant) {
        Worker worker = registered(tenant);
        return Acting.as(WorkerLifecycleTests.bpjs("KC-KEDIRI"),
                () -> lifecycle.verify(tenant, worker.id(), WorkerLifecycleTests.newKpj()));
    }

    private WorkerStatus statusOf(TenantId tenant, UUID worker) {
        return profile(tenant, worker).status();
    }

    private WorkerProfile profile(TenantId tenant, UUID worker) {
        return SystemWork.call("test read", () -> facts.profile(tenant, worker)).orElseThrow();
    }

    @Test
    void aPaidMonthActivatesVerifiedWorkersOnceAndAnnouncesThemInOneEvent() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker first = verified(kediri);
        Worker second = verified(kediri);
        Worker notVerified = registered(kediri);

        int changed = SystemWork.call("test payment", () ->
                coverageStatus.activate(kediri, List.of(first.id(), second.id(), notVerified.id()), MARCH));

        assertThat(changed).isEqualTo(2);
        assertThat(statusOf(kediri, first.id())).isEqualTo(WorkerStatus.ACTIVE);
        assertThat(statusOf(kediri, notVerified.id())).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(profile(kediri, first.id()).coveredSince()).contains(MARCH);
        assertThat(events.stream(WorkersActivated.class).filter(e -> e.workerIds().contains(first.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.workerIds()).containsExactlyInAnyOrder(first.id(), second.id());
                    assertThat(e.period()).isEqualTo(MARCH);
                });
        // a retried call changes nothing and announces nothing
        assertThat(SystemWork.call("test payment", () ->
                coverageStatus.activate(kediri, List.of(first.id(), second.id()), MARCH))).isZero();
        assertThat(events.stream(WorkersActivated.class).filter(e -> e.workerIds().contains(first.id()))).hasSize(1);
        assertThat(Acting.as(operator(kediri), () -> registration.get(kediri, first.id())).history())
                .anySatisfy(h -> assertThat(h.status()).isEqualTo(WorkerStatus.ACTIVE));
    }

    @Test
    void threeUnpaidMonthsLapseAnActiveWorkerAndPayingAgainReactivatesHimFromTheFirstCoveredMonthKept() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = verified(kediri);
        SystemWork.call("test payment", () -> coverageStatus.activate(kediri, List.of(worker.id()), MARCH));

        assertThat(SystemWork.call("test cycle", () -> coverageStatus.lapse(kediri, List.of(worker.id()), MARCH.plusMonths(3))))
                .isEqualTo(1);
        assertThat(statusOf(kediri, worker.id())).isEqualTo(WorkerStatus.INACTIVE);
        assertThat(events.stream(WorkersLapsed.class).filter(e -> e.workerIds().contains(worker.id()))).hasSize(1);

        SystemWork.call("test payment", () -> coverageStatus.activate(kediri, List.of(worker.id()), MARCH.plusMonths(4)));
        assertThat(statusOf(kediri, worker.id())).isEqualTo(WorkerStatus.ACTIVE);
        assertThat(profile(kediri, worker.id()).coveredSince()).contains(MARCH);
    }

    @Test
    void aPaymentNeverRevivesAWorkerAPersonMadeInactiveOrEnded() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = verified(kediri);
        Acting.run(operator(kediri), () -> lifecycle.deactivate(kediri, worker.id(),
                new WorkerLifecycle.Deactivation("ENDED", "MENINGGAL", null, java.time.LocalDate.now().toString())));

        assertThat(SystemWork.call("test payment", () -> coverageStatus.activate(kediri, List.of(worker.id()), MARCH))).isZero();
        assertThat(statusOf(kediri, worker.id())).isEqualTo(WorkerStatus.ENDED);
    }

    @Test
    void factsCarryClassificationAndCoverButStayInsideTheirPemda() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        Worker worker = registered(kediri);

        WorkerProfile profile = profile(kediri, worker.id());
        assertThat(profile.villageCode().value()).isEqualTo(KEDIRI_VILLAGE);
        assertThat(profile.occupationCode()).isEqualTo(worker.occupationCode());
        assertThat(profile.declaredIncome()).isEqualTo(1_000_000L);
        assertThat(profile.transportSector()).isTrue();
        assertThat(profile.status()).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(profile.coveredSince()).isEmpty();
        assertThat(SystemWork.call("test read", () -> facts.profilesAfter(kediri, null, 10_000))).extracting(WorkerProfile::workerId).contains(worker.id());

        // another pemda's scope finds nothing, and its activation touches nothing
        assertThat(SystemWork.call("test read", () -> facts.profiles(blitar, List.of(worker.id())))).isEmpty();
        assertThat(SystemWork.call("test read", () -> facts.profilesAfter(blitar, null, 10_000))).extracting(WorkerProfile::workerId).doesNotContain(worker.id());
        assertThat(SystemWork.call("test payment", () -> coverageStatus.activate(blitar, List.of(worker.id()), MARCH))).isZero();
    }
}
