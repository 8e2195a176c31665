package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.AsnSponsorships.Proposal;
import id.payung.sponsorship.FundingPrograms.ProgramDetails;
import id.payung.support.Acting;
import id.payung.tenancy.SponsorshipPolicies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import static id.payung.sponsorship.AsnSponsorshipTests.refused;
import static id.payung.sponsorship.SponsorshipWorld.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Funding programs, fundings, consents and the sponsorship policy of pemda A: B reaches none of them, by
 * plain SQL as the application role or through the services, and A reaches them all by the same means.
 */
@PayungIntegrationTest
class SponsorshipIsolationTests {

    @Autowired ApplicationContext context;
    @Autowired FundingPrograms programs;
    @Autowired ProgramEnrolment enrolment;
    @Autowired AsnSponsorships sponsorships;
    @Autowired SponsorshipPolicies policies;
    @Autowired TenantTransactions transactions;
    @Autowired JdbcTemplate jdbc;

    SponsorshipWorld a;
    SponsorshipWorld b;
    FundingProgram cohortOfA;
    Funding fundingOfA;
    Funding sponsorshipOfA;

    @BeforeEach
    void aPemdaWithEverything() {
        a = new SponsorshipWorld(context, "63.71", "KC-BANJARMASIN");
        b = new SponsorshipWorld(context, "63.72", "KC-BANJARBARU");
        cohortOfA = Acting.as(a.operator(), () -> programs.create(a.tenant, new ProgramDetails("APBD_COHORT",
                "Kohort " + UUID.randomUUID().toString().substring(0, 8), null, "100000000", "100", null, thisMonth().toString(),
                thisMonth().plusMonths(5).toString(), null)));
        UUID worker = a.registerWorker("PETANI");
        Acting.run(a.operator(), () -> enrolment.addWorkers(a.tenant, cohortOfA.id(), List.of(worker), thisMonth().toString()));
        fundingOfA = Acting.as(a.operator(), () -> enrolment.fundings(a.tenant, cohortOfA.id(), false, PageRequest.of(0, 5))).items().getFirst().funding();
        a.asnProgram(false);
        var asn = a.asn("Banjar Sponsor", a.dinkes);
        String nik = a.manNik();
        a.registerWorker(nik, "ART");
        var proposal = new Proposal("EXISTING", nik, null, "ART", thisMonth().toString());
        sponsorshipOfA = Acting.as(asn.actor(a.tenant), () -> {
            var preview = sponsorships.preview(a.tenant, proposal, Locale.ENGLISH);
            return sponsorships.start(a.tenant, proposal, preview.sha256(), true, Locale.ENGLISH);
        });
        Acting.run(a.kepala(), () -> policies.set(a.tenant, thisMonth().toString(), "1"));
    }

    @Test
    void anotherPemdaSeesNoneOfTheRowsEvenAskingByTenantAndIdWhileTheOwnerSeesThem() {
        for (String table : List.of("sponsorship.funding_program", "sponsorship.funding", "sponsorship.deduction_consent", "tenancy.sponsorship_policy")) {
            assertThat(count(b.tenant, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", a.tenant.value())).as(table).isZero();
            assertThat(count(a.tenant, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", a.tenant.value())).as(table).isPositive();
        }
    }

    @Test
    void anotherPemdaChangesNoneOfTheRowsWhileTheOwnerCan() {
        String end = "UPDATE sponsorship.funding SET last_period = first_period WHERE funding_id = ?";
        assertThat(inTenant(b.tenant, () -> jdbc.update(end, fundingOfA.id()))).isZero();
        assertThat(inTenant(b.tenant, () -> jdbc.update("UPDATE sponsorship.funding_program SET name = 'taken over' WHERE program_id = ?",
                cohortOfA.id()))).isZero();
        assertThat(inTenant(a.tenant, () -> jdbc.update(end, fundingOfA.id()))).isOne();
        assertThatThrownBy(() -> inTenant(b.tenant, () -> jdbc.update("""
                INSERT INTO sponsorship.funding_program (tenant_id, program_id, kind, name, counts_as_apbd, first_period, created_by)
                VALUES (?, ?, 'SELF', 'Forged', false, date_trunc('month', now())::date, 'forger')""", a.tenant.value(), UUID.randomUUID())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void theServicesRefuseAnotherPemdasPeopleAndFindNothingOfAUnderBsName() {
        refused(() -> Acting.run(b.operator(), () -> programs.get(a.tenant, cohortOfA.id())), PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.run(b.operator(), () -> programs.get(b.tenant, cohortOfA.id())), SponsorshipProblem.PROGRAM_NOT_FOUND);
        refused(() -> Acting.run(b.operator(), () -> programs.close(b.tenant, cohortOfA.id(), thisMonth().toString())),
                SponsorshipProblem.PROGRAM_NOT_FOUND);
        refused(() -> Acting.run(b.operator(), () -> enrolment.end(b.tenant, fundingOfA.id(), thisMonth().toString(), "Bukan milik B")),
                SponsorshipProblem.FUNDING_NOT_FOUND);
        refused(() -> Acting.run(b.operator(), () -> enrolment.fundings(b.tenant, cohortOfA.id(), false, PageRequest.of(0, 5))),
                SponsorshipProblem.PROGRAM_NOT_FOUND);
        refused(() -> Acting.run(b.kepala(), () -> policies.history(a.tenant)), PlatformProblem.TENANT_ACCESS_DENIED);
        assertThat(Acting.as(b.kepala(), () -> policies.history(b.tenant))).isEmpty();

        // Positive controls: A's own people reach all of it.
        assertThat(Acting.as(a.operator(), () -> programs.get(a.tenant, cohortOfA.id())).id()).isEqualTo(cohortOfA.id());
        assertThat(Acting.as(a.kepala(), () -> policies.history(a.tenant))).isNotEmpty();
        assertThat(Acting.as(a.operator(), () -> enrolment.end(a.tenant, fundingOfA.id(), thisMonth().plusMonths(1).toString(), "Milik A sendiri"))
                .lastPeriod()).isEqualTo(thisMonth());
        assertThat(Acting.as(a.operator(), () -> enrolment.end(a.tenant, sponsorshipOfA.id(), thisMonth().plusMonths(1).toString(), "ASN pindah tugas"))
                .lastPeriod()).isEqualTo(thisMonth());
    }

    private int count(TenantId tenant, String sql, Object... args) {
        return inTenant(tenant, () -> jdbc.queryForObject(sql, Integer.class, args));
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return SystemWork.call("isolation test", () -> transactions.inTenant(tenant, work));
    }
}
