package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentEvents.WorkerDeactivated;
import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.WorkerLifecycle.Deactivation;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.TenantAdministration;
import id.payung.support.Acting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static id.payung.enrollment.EnrollmentFixtures.BLITAR_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static id.payung.enrollment.EnrollmentFixtures.sponsor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verification with a KPJ and deactivation / end: who may, bad input, events, history, national membership. */
@PayungIntegrationTest
@RecordApplicationEvents
class WorkerLifecycleTests {

    private static final AtomicLong KPJ = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000_000L, 90_000_000_000L));

    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired TenantAdministration administration;
    @Autowired TenantTransactions transactions;
    @Autowired AuditTrail audit;
    @Autowired ApplicationEvents events;

    static String newKpj() {
        return Long.toString(KPJ.incrementAndGet());
    }

    static Actor bpjs(String office) {
        return new Actor("bpjs-" + office, "Petugas " + office, Set.of(Role.BPJS_STAFF), Optional.empty(),
                Optional.of(office), Actor.Kind.PERSON);
    }

    private Worker registered(TenantId tenant, String village) {
        return Acting.as(operator(tenant), () -> registration.register(tenant, man(manNik(), village))).worker();
    }

    private static void refused(Runnable work, Object problem) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(problem));
    }

    private static void invalid(Runnable work, String field, Object problem) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.fieldProblems())
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.type()).isEqualTo(problem);
                }));
    }

    @Test
    void bpjsStaffOfTheAdministeringOfficeVerifyWithAKpjAndTheModuleAnnouncesIt() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = registered(kediri, KEDIRI_VILLAGE);
        String kpj = newKpj();
        events.clear();

        Worker verified = Acting.as(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, worker.id(),
                " " + kpj.substring(0, 5) + " " + kpj.substring(5) + " "));

        assertThat(verified.status()).isEqualTo(WorkerStatus.VERIFIED);
        assertThat(verified.kpj()).isEqualTo(kpj);
        assertThat(events.stream(WorkerVerified.class)).containsExactly(new WorkerVerified(kediri, worker.id()));
        var details = Acting.as(operator(kediri), () -> registration.get(kediri, worker.id()));
        assertThat(details.history().getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("VERIFIED");
            assertThat(e.status()).isEqualTo(WorkerStatus.VERIFIED);
            assertThat(e.actorName()).isEqualTo("Petugas KC-KEDIRI");
            assertThat(e.detail()).contains(kpj);
        });
        var auditEntries = Acting.as(operator(kediri), () -> transactions.readInTenant(kediri, () -> audit.historyOf("worker", worker.id())));
        assertThat(auditEntries).extracting(AuditTrail.AuditEntry::action).contains("worker.verified");
        assertThat(auditEntries.toString()).doesNotContain(worker.nik());

        // a second verification is refused: the worker is no longer REGISTERED
        refused(() -> Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, worker.id(), newKpj())),
                EnrollmentProblem.STATUS_CHANGE_REFUSED);
    }

    @Test
    void onlyBpjsStaffOfTheAdministeringOfficeMayVerify() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        EnrollmentFixtures.blitar(administration);
        Worker worker = registered(kediri, KEDIRI_VILLAGE);
        events.clear();

        refused(() -> Acting.run(operator(kediri), () -> lifecycle.verify(kediri, worker.id(), newKpj())), PlatformProblem.FORBIDDEN);
        refused(() -> Acting.run(sponsor(kediri, "asn-verify"), () -> lifecycle.verify(kediri, worker.id(), newKpj())), PlatformProblem.FORBIDDEN);
        assertThatThrownBy(() -> Acting.run(bpjs("KC-BLITAR"), () -> lifecycle.verify(kediri, worker.id(), newKpj())))
                .isInstanceOf(DomainProblem.class);
        assertThat(events.stream(WorkerVerified.class)).isEmpty();
        assertThat(Acting.as(operator(kediri), () -> registration.get(kediri, worker.id())).worker().status())
                .isEqualTo(WorkerStatus.REGISTERED);

        // positive control: the office that administers Kediri may
        assertThat(Acting.as(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, worker.id(), newKpj())).status())
                .isEqualTo(WorkerStatus.VERIFIED);
    }

    @Test
    void aMalformedOrTakenKpjIsRefusedAndAnUnknownWorkerIsNotFound() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        Worker first = registered(kediri, KEDIRI_VILLAGE);
        Worker second = registered(kediri, KEDIRI_VILLAGE);
        String kpj = newKpj();
        Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, first.id(), kpj));

        invalid(() -> Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, second.id(), "1234567890")), "kpj", EnrollmentProblem.KPJ_FORMAT);
        invalid(() -> Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, second.id(), "1234567890A")), "kpj", EnrollmentProblem.KPJ_FORMAT);
        invalid(() -> Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, second.id(), " ")), "kpj", EnrollmentProblem.REQUIRED);
        refused(() -> Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, second.id(), kpj)), EnrollmentProblem.KPJ_TAKEN);
        refused(() -> Acting.run(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, UUID.randomUUID(), newKpj())), EnrollmentProblem.WORKER_NOT_FOUND);

        // the same KPJ in another pemda is not this pemda's business (unique per pemda, see V3)
        Worker inBlitar = registered(blitar, BLITAR_VILLAGE);
        assertThat(Acting.as(bpjs("KC-BLITAR"), () -> lifecycle.verify(blitar, inBlitar.id(), kpj)).kpj()).isEqualTo(kpj);
        // positive control: a fresh KPJ verifies the second worker
        assertThat(Acting.as(bpjs("KC-KEDIRI"), () -> lifecycle.verify(kediri, second.id(), newKpj())).status())
                .isEqualTo(WorkerStatus.VERIFIED);
    }

    @Test
    void endingAWorkerRecordsTheReasonAndGivesHisMembershipBackForAnotherPemda() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        Worker worker = registered(kediri, KEDIRI_VILLAGE);
        String nik = worker.nik();
        refused(() -> Acting.run(operator(blitar), () -> registration.register(blitar, man(nik, BLITAR_VILLAGE))),
                EnrollmentProblem.REGISTERED_ELSEWHERE);
        events.clear();

        String today = Nik.today().toString();
        Worker inactive = Acting.as(operator(kediri), () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("inactive", "berhenti_bekerja", null, today)));
        assertThat(inactive.status()).isEqualTo(WorkerStatus.INACTIVE);
        // still held by Kediri while only inactive
        refused(() -> Acting.run(operator(blitar), () -> registration.register(blitar, man(nik, BLITAR_VILLAGE))),
                EnrollmentProblem.REGISTERED_ELSEWHERE);

        Worker ended = Acting.as(bpjs("KC-KEDIRI"), () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("ENDED", "PINDAH_DOMISILI", "pindah ke Blitar", today)));
        assertThat(ended.status()).isEqualTo(WorkerStatus.ENDED);
        assertThat(events.stream(WorkerDeactivated.class)).containsExactly(
                new WorkerDeactivated(kediri, worker.id()), new WorkerDeactivated(kediri, worker.id()));
        var history = Acting.as(operator(kediri), () -> registration.get(kediri, worker.id())).history();
        assertThat(history).extracting(WorkerHistoryEntry::action).containsExactly("ENDED", "INACTIVE", "REGISTERED");
        assertThat(history.getFirst().detail()).contains("PINDAH_DOMISILI").contains(today).contains("pindah ke Blitar");
        assertThat(history.getFirst().actorName()).isEqualTo("Petugas KC-KEDIRI");
        var auditEntries = Acting.as(operator(kediri), () -> transactions.readInTenant(kediri, () -> audit.historyOf("worker", worker.id())));
        assertThat(auditEntries).extracting(AuditTrail.AuditEntry::action).contains("worker.deactivated");
        assertThat(auditEntries.toString()).doesNotContain(nik);

        // ENDED is final
        refused(() -> Acting.run(operator(kediri), () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("INACTIVE", "LAINNYA", "x", today))), EnrollmentProblem.STATUS_CHANGE_REFUSED);
        // and the person may now be registered by another pemda
        var inBlitar = Acting.as(operator(blitar), () -> registration.register(blitar, man(nik, BLITAR_VILLAGE)));
        assertThat(inBlitar.created()).isTrue();
    }

    @Test
    void deactivationNeedsAStatusAReasonANoteForOtherAndADateNotInTheFuture() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        Worker worker = registered(kediri, KEDIRI_VILLAGE);
        String today = Nik.today().toString();
        String tomorrow = Nik.today().plusDays(1).toString();
        Actor op = operator(kediri);

        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ACTIVE", "MENINGGAL", null, today))),
                "status", EnrollmentProblem.DEACTIVATION_STATUS_INVALID);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "BOSAN", null, today))),
                "reason", EnrollmentProblem.DEACTIVATION_REASON_INVALID);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "LAINNYA", " ", today))),
                "note", EnrollmentProblem.REQUIRED);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "LAINNYA", "x".repeat(301), today))),
                "note", EnrollmentProblem.DEACTIVATION_NOTE_INVALID);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "MENINGGAL", null, tomorrow))),
                "date", EnrollmentProblem.DEACTIVATION_DATE_FUTURE);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "MENINGGAL", null, "31-12-2025"))),
                "date", EnrollmentProblem.DEACTIVATION_DATE_INVALID);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "MENINGGAL", null, "2000-01-01"))),
                "date", EnrollmentProblem.DEACTIVATION_DATE_BEFORE_REGISTRATION);
        invalid(() -> Acting.run(op, () -> lifecycle.deactivate(kediri, worker.id(), new Deactivation("ENDED", "MENINGGAL", null, null))),
                "date", EnrollmentProblem.REQUIRED);

        // who may not: an ASN sponsor, a person of another pemda, BPJS staff of another office
        refused(() -> Acting.run(sponsor(kediri, "asn-end"), () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("ENDED", "MENINGGAL", null, today))), PlatformProblem.FORBIDDEN);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("ENDED", "MENINGGAL", null, today)))).isInstanceOf(DomainProblem.class);
        assertThatThrownBy(() -> Acting.run(bpjs("KC-BLITAR"), () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("ENDED", "MENINGGAL", null, today)))).isInstanceOf(DomainProblem.class);
        assertThat(Acting.as(op, () -> registration.get(kediri, worker.id())).worker().status()).isEqualTo(WorkerStatus.REGISTERED);

        // positive control: the operator of Kediri ends him, with "other" and a note
        assertThat(Acting.as(op, () -> lifecycle.deactivate(kediri, worker.id(),
                new Deactivation("ENDED", "LAINNYA", "data ganda", today))).status()).isEqualTo(WorkerStatus.ENDED);
    }
}
