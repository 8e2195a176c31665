package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.enrollment.EnrollmentEvents.WorkerRegistered;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.enrollment.persistence.NationalMembership;
import id.payung.enrollment.persistence.NationalMembership.Standing;
import id.payung.platform.AuditTrail;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.payung.enrollment.EnrollmentFixtures.BLITAR_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.KEDIRI_VILLAGE;
import static id.payung.enrollment.EnrollmentFixtures.man;
import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static id.payung.enrollment.EnrollmentFixtures.operator;
import static id.payung.enrollment.EnrollmentFixtures.sponsor;
import static id.payung.enrollment.EnrollmentFixtures.womanNik;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single registration: the rules, one membership nationally, permissions and bad input. */
@PayungIntegrationTest
@RecordApplicationEvents
class WorkerRegistrationTests {

    @Autowired WorkerRegistration registration;
    @Autowired TenantAdministration administration;
    @Autowired TenantTransactions transactions;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    @Autowired NationalMembership membership;
    @Autowired NikFingerprint fingerprint;

    @Test
    void anOperatorRegistersAWorkerWithHeirsAndTheModuleAnnouncesIdsOnly() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String nik = manNik();
        var outcome = Acting.as(operator(kediri), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE)));

        assertThat(outcome.created()).isTrue();
        Worker worker = outcome.worker();
        assertThat(worker.nik()).isEqualTo(nik);
        assertThat(worker.status()).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(worker.sex()).isEqualTo(Sex.MALE);
        assertThat(worker.phone()).isEqualTo("081234567890");
        assertThat(worker.incomeLevelCode()).as("the lowest level by default").isEqualTo("L01");
        assertThat(worker.toString()).doesNotContain(nik);

        var details = Acting.as(operator(kediri), () -> registration.get(kediri, worker.id()));
        assertThat(details.heirs()).extracting(Heir::name, Heir::relationship).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Siti Aminah", HeirRelationship.SPOUSE));
        assertThat(details.history()).extracting(WorkerHistoryEntry::action, WorkerHistoryEntry::actorName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REGISTERED", "Orang operator-" + kediri));
        assertThat(details.incomeLevel()).get().extracting(IncomeLevel::income, IncomeLevel::jkkPremium).containsExactly(1_000_000L, 10_000L);
        assertThat(details.occupation()).get().extracting(Occupation::transportSector).isEqualTo(true);

        assertThat(events.stream(WorkerRegistered.class)).containsExactly(new WorkerRegistered(kediri, worker.id()));
        var auditEntries = Acting.as(operator(kediri), () -> transactions.readInTenant(kediri, () -> audit.historyOf("worker", worker.id())));
        assertThat(auditEntries).extracting(AuditTrail.AuditEntry::action).containsExactly("worker.registered");
        assertThat(auditEntries.getFirst().details().toString()).doesNotContain(nik).doesNotContain("Budi");
    }

    @Test
    void registeringTheSameNikTwiceInOnePemdaGivesBackTheExistingWorker() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String nik = manNik();
        var first = Acting.as(operator(kediri), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE)));
        events.clear();
        var otherOperator = Acting.person("operator-2-" + kediri, Optional.of(kediri), Role.DISNAKER_OPERATOR);
        var second = Acting.as(otherOperator, () -> registration.register(kediri, man(" " + nik + " ", KEDIRI_VILLAGE)));
        assertThat(second.created()).isFalse();
        assertThat(second.worker().id()).isEqualTo(first.worker().id());
        assertThat(events.stream(WorkerRegistered.class)).isEmpty();

        // an ASN sponsor, who sees only his own workers, is told the person is registered here, not shown him
        assertThatThrownBy(() -> Acting.run(sponsor(kediri, "asn-twice"), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.REGISTERED_HERE_BY_ANOTHER));
        String hisNik = manNik();
        var his = Acting.as(sponsor(kediri, "asn-twice"), () -> registration.register(kediri, man(hisNik, KEDIRI_VILLAGE)));
        var again = Acting.as(sponsor(kediri, "asn-twice"), () -> registration.register(kediri, man(hisNik, KEDIRI_VILLAGE)));
        assertThat(again.created()).isFalse();
        assertThat(again.worker().id()).isEqualTo(his.worker().id());
    }

    @Test
    void aNikRegisteredInAnotherPemdaIsRefusedWithoutSayingWhereAndNothingLeaksEitherWay() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        String nik = manNik();
        var inKediri = Acting.as(operator(kediri), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE)));

        // positive control: a fresh NIK registers in Blitar
        var fresh = Acting.as(operator(blitar), () -> registration.register(blitar, man(manNik(), BLITAR_VILLAGE)));
        assertThat(fresh.created()).isTrue();

        events.clear();
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> registration.register(blitar, man(nik, BLITAR_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(EnrollmentProblem.REGISTERED_ELSEWHERE);
                    assertThat(p.arguments()).isEmpty();
                    assertThat(p.properties()).isEqualTo(Map.of("field", "nik"));
                });
        assertThat(events.stream(WorkerRegistered.class)).isEmpty();

        // Blitar sees nothing of Kediri's worker; Kediri still has him and sees none of Blitar's
        assertThat(Acting.as(operator(blitar), () -> registration.findByNik(blitar, nik))).isEmpty();
        assertThat(Acting.as(operator(blitar), () -> registration.list(blitar, WorkerQuery.all(), PageRequest.of(0, 100)).items()))
                .extracting(Worker::id).contains(fresh.worker().id()).doesNotContain(inKediri.worker().id());
        assertThat(Acting.as(operator(kediri), () -> registration.findByNik(kediri, nik))).get()
                .extracting(Worker::id).isEqualTo(inKediri.worker().id());
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> registration.get(blitar, inKediri.worker().id())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.WORKER_NOT_FOUND));

        // and the other way round: Kediri is refused Blitar's worker
        assertThatThrownBy(() -> Acting.run(operator(kediri), () -> registration.register(kediri,
                man(fresh.worker().nik(), KEDIRI_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.REGISTERED_ELSEWHERE));
    }

    @Test
    void theRegisterAnswersFreeMineOrElsewhereForTheTenantOfTheTransactionOnly() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        String nik = manNik();
        byte[] key = fingerprint.of(Nik.parse(nik, Nik.today(), code -> true));
        assertThat(Acting.as(operator(kediri), () -> transactions.readInTenant(kediri, () -> membership.of(key)))).isEqualTo(Standing.FREE);
        Acting.run(operator(kediri), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE)));
        assertThat(Acting.as(operator(kediri), () -> transactions.readInTenant(kediri, () -> membership.of(key)))).isEqualTo(Standing.MINE);
        assertThat(Acting.as(operator(blitar), () -> transactions.readInTenant(blitar, () -> membership.of(key)))).isEqualTo(Standing.ELSEWHERE);
        assertThat(key).hasSize(32);
        assertThat(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(nik);
        // without a tenant the functions fail loudly instead of answering for nobody
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT enrollment.membership_of(decode(repeat('00', 32), 'hex'))", String.class))
                .rootCause().hasMessageContaining("invalid input syntax for type uuid");
    }

    @Test
    void theAppRoleCannotReadTheNationalRegisterDirectlyAndItHoldsNoNik() {
        assertThatThrownBy(() -> jdbc.queryForList("SELECT owner_tenant FROM enrollment.national_membership"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO enrollment.national_membership (nik_hmac, owner_tenant) VALUES (decode(repeat('00', 32), 'hex'), gen_random_uuid())"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO enrollment.occupation VALUES ('X', current_date, NULL, 'x', 'x', false, 1)"))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void anAsnSponsorRegistersAndSeesOnlyHisOwnWorkersAnOperatorSeesAll() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        var sponsor = sponsor(kediri, "asn-own-" + System.nanoTime());
        var his = Acting.as(sponsor, () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE)));
        var other = Acting.as(operator(kediri), () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE)));

        assertThat(Acting.as(sponsor, () -> registration.list(kediri, WorkerQuery.all(), PageRequest.of(0, 100)).items()))
                .extracting(Worker::id).containsExactly(his.worker().id());
        assertThatThrownBy(() -> Acting.run(sponsor, () -> registration.get(kediri, other.worker().id())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(EnrollmentProblem.WORKER_NOT_FOUND));
        assertThat(Acting.as(operator(kediri), () -> registration.list(kediri, WorkerQuery.all(), PageRequest.of(0, 100)).items()))
                .extracting(Worker::id).contains(his.worker().id(), other.worker().id());
    }

    @Test
    void aKepalaDaerahMayNotRegisterNorAnOperatorOfAnotherPemda() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        TenantId blitar = EnrollmentFixtures.blitar(administration);
        var head = Acting.person("bupati-kediri", Optional.of(kediri), Role.KEPALA_DAERAH, Role.OPD_HEAD);
        assertThatThrownBy(() -> Acting.run(head, () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.FORBIDDEN));
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> registration.register(kediri, man(manNik(), KEDIRI_VILLAGE))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.TENANT_ACCESS_DENIED));
        assertThatThrownBy(() -> Acting.run(operator(blitar), () -> registration.list(kediri, WorkerQuery.all(), PageRequest.of(0, 20))))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.TENANT_ACCESS_DENIED));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        var bad = new Application("3571013102900001", "B", "1990-02-31", "X", "", "35.71.01.9999", "12ab",
                "ASTRONAUT", "L99", List.of(new HeirDetails("Siti", "", ""), new HeirDetails("", "", "")));
        assertThat(fieldProblems(kediri, bad)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("nik", EnrollmentProblem.NIK_DATE_INVALID),
                Map.entry("name", EnrollmentProblem.NAME_INVALID),
                Map.entry("birthDate", EnrollmentProblem.BIRTH_DATE_INVALID),
                Map.entry("sex", EnrollmentProblem.SEX_INVALID),
                Map.entry("address", EnrollmentProblem.ADDRESS_INVALID),
                Map.entry("phone", EnrollmentProblem.PHONE_INVALID),
                Map.entry("villageCode", EnrollmentProblem.VILLAGE_UNKNOWN),
                Map.entry("occupationCode", EnrollmentProblem.OCCUPATION_UNKNOWN),
                Map.entry("incomeLevelCode", EnrollmentProblem.INCOME_LEVEL_UNKNOWN),
                Map.entry("heirs[0].relationship", EnrollmentProblem.HEIR_RELATIONSHIP_INVALID),
                Map.entry("heirs[0].nik", EnrollmentProblem.REQUIRED)));

        String nik = manNik();
        var wrongPerson = new Application(nik, "Budi", "1990-05-18", "FEMALE", "Jl. Mawar", BLITAR_VILLAGE, null,
                "PETANI", "L02", List.of(new HeirDetails("Budi", "CHILD", nik)));
        assertThat(fieldProblems(kediri, wrongPerson)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "birthDate", EnrollmentProblem.BIRTH_DATE_MISMATCH,
                "sex", EnrollmentProblem.SEX_MISMATCH,
                "villageCode", EnrollmentProblem.VILLAGE_OUTSIDE_PEMDA,
                "heirs[0].nik", EnrollmentProblem.HEIR_IS_WORKER));

        var noHeirs = new Application(nik, "Budi", "1990-05-17", "L", "Jl. Mawar", "3571", null, "petani", null, List.of());
        assertThat(fieldProblems(kediri, noHeirs)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "villageCode", EnrollmentProblem.VILLAGE_CODE_MALFORMED,
                "heirs", EnrollmentProblem.HEIR_REQUIRED));
        var malformed = new Application("12345", "Budi", "1990-05-17", "L", "Jl. Mawar", KEDIRI_VILLAGE, null, "PETANI", null,
                List.of(new HeirDetails("Siti", "SPOUSE", "9971014503010001")));
        assertThat(fieldProblems(kediri, malformed)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "nik", EnrollmentProblem.NIK_FORMAT,
                "heirs[0].nik", EnrollmentProblem.NIK_PROVINCE_UNKNOWN));

        assertThat(Acting.as(operator(kediri), () -> registration.findByNik(kediri, nik))).isEmpty();
        // the refused NIK is still free for a correct registration
        assertThat(Acting.as(operator(kediri), () -> registration.register(kediri, man(nik, KEDIRI_VILLAGE))).created()).isTrue();
    }

    private Map<String, Object> fieldProblems(TenantId tenant, Application application) {
        try {
            Acting.run(operator(tenant), () -> registration.register(tenant, application));
        } catch (InvalidInput invalid) {
            var problems = new java.util.LinkedHashMap<String, Object>();
            invalid.fieldProblems().forEach(p -> problems.putIfAbsent(p.field(), p.type()));
            return problems;
        }
        throw new AssertionError("the application was accepted");
    }
}
