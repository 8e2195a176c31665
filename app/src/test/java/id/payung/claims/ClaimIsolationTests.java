package id.payung.claims;

import id.payung.PayungIntegrationTest;
import id.payung.claims.ClaimDetails.Document;
import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static id.payung.claims.ClaimsFixtures.PDF;
import static id.payung.claims.ClaimsFixtures.file;
import static id.payung.claims.ClaimsFixtures.operator;
import static id.payung.claims.ClaimsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pemda A (Pekalongan) and B (Tegal): B's people cannot read or change A's claims and documents through
 * the services, and B's tenant scope sees none of A's rows in any claims table by plain SQL; A can (the
 * positive control, by the same calls and statements).
 */
@PayungIntegrationTest
class ClaimIsolationTests {

    private static final List<String> TENANT_TABLES = List.of("claim", "claim_beneficiary", "claim_child", "benefit_line",
            "claim_document", "scholarship_year", "payout");

    @Autowired ClaimFiling filing;
    @Autowired ClaimViews views;
    @Autowired ClaimHandling handling;
    @Autowired ClaimFacts facts;
    @Autowired ClaimsFixtures fixtures;
    @Autowired TenantTransactions transactions;
    @Autowired JdbcTemplate jdbc;

    TenantId a;
    TenantId b;
    Claim claimOfA;
    Document documentOfA;

    @BeforeEach
    void aPaidClaimOfA() {
        a = fixtures.pekalongan();
        b = fixtures.tegal();
        UUID worker = fixtures.worker(a);
        fixtures.paid(a, worker, YearMonth.from(today()).minusMonths(40), YearMonth.from(today()));
        Actor operatorA = operator(a);
        Actor bpjsA = ClaimsFixtures.bpjs(ClaimsFixtures.PEKALONGAN_OFFICE);
        claimOfA = Acting.as(operatorA, () -> filing.report(a, ClaimsFixtures.death(ClaimKind.JKM_DEATH, worker, today().minusDays(2),
                List.of(ClaimsFixtures.child("SD")))));
        for (String type : List.of("KPJ_CARD", "KTP_WORKER", "KTP_HEIRS", "DEATH_CERTIFICATE", "FAMILY_CARD", "HEIR_STATEMENT",
                "BANK_BOOK", "SCHOOL_CERTIFICATE")) {
            documentOfA = Acting.as(operatorA, () -> filing.upload(a, claimOfA.id(), type, file("d.pdf", PDF)));
        }
        Acting.as(bpjsA, () -> handling.checkDocuments(a, claimOfA.id(), List.of(), null));
        Acting.as(bpjsA, () -> handling.decide(a, claimOfA.id(), new ClaimHandling.DecisionInput("APPROVE", null)));
        Acting.as(bpjsA, () -> handling.pay(a, claimOfA.id(), new ClaimHandling.PaymentInput("ISO-" + claimOfA.id().toString().substring(0, 8), null)));
    }

    private static void refused(Supplier<?> work, Object problem) {
        assertThatThrownBy(work::get).isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(problem));
    }

    @Test
    void peopleOfAnotherPemdaCannotReadOrChangeTheClaimOrItsDocumentsButThoseOfThePemdaCan() {
        Actor operatorB = operator(b);
        Actor bpjsB = ClaimsFixtures.bpjs(ClaimsFixtures.TEGAL_OFFICE);
        // B's people asking for A's pemda: refused before anything runs
        refused(() -> Acting.as(operatorB, () -> views.details(a, claimOfA.id())), PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.as(operatorB, () -> views.list(a, ClaimQuery.all(), PageRequest.of(0, 10))), PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.as(operatorB, () -> views.openDocument(a, claimOfA.id(), documentOfA.id())), PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.as(operatorB, () -> filing.upload(a, claimOfA.id(), "BANK_BOOK", file("x.pdf", PDF))), PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.as(bpjsB, () -> handling.decide(a, claimOfA.id(), new ClaimHandling.DecisionInput("REJECT", "Bukan wewenang kantor ini"))),
                PlatformProblem.TENANT_ACCESS_DENIED);
        refused(() -> Acting.as(bpjsB, () -> handling.pay(a, claimOfA.id(), new ClaimHandling.PaymentInput("ISO-OTHER-1", null))),
                PlatformProblem.TENANT_ACCESS_DENIED);
        // ... and A's claim id inside their own pemda: not there
        refused(() -> Acting.as(operatorB, () -> views.details(b, claimOfA.id())), ClaimsProblem.CLAIM_NOT_FOUND);
        refused(() -> Acting.as(operatorB, () -> views.openDocument(b, claimOfA.id(), documentOfA.id())), ClaimsProblem.CLAIM_NOT_FOUND);
        refused(() -> Acting.as(operatorB, () -> filing.upload(b, claimOfA.id(), "BANK_BOOK", file("x.pdf", PDF))), ClaimsProblem.CLAIM_NOT_FOUND);
        refused(() -> Acting.as(bpjsB, () -> handling.pay(b, claimOfA.id(), new ClaimHandling.PaymentInput("ISO-OTHER-2", null))),
                ClaimsProblem.CLAIM_NOT_FOUND);
        assertThat(Acting.as(operatorB, () -> views.list(b, ClaimQuery.all(), PageRequest.of(0, 100))).items())
                .noneMatch(c -> c.claimId().equals(claimOfA.id()));
        assertThat(SystemWork.call("read", () -> facts.summariesAfter(b, null, 10_000))).noneMatch(c -> c.claimId().equals(claimOfA.id()));

        // positive control: A's people reach all of it
        Actor operatorA = operator(a);
        assertThat(Acting.as(operatorA, () -> views.details(a, claimOfA.id())).claim().status()).isEqualTo(ClaimStatus.PAID);
        assertThat(Acting.as(operatorA, () -> views.openDocument(a, claimOfA.id(), documentOfA.id())).content()).isEqualTo(PDF);
        assertThat(Acting.as(operatorA, () -> views.list(a, ClaimQuery.all(), PageRequest.of(0, 100))).items())
                .anyMatch(c -> c.claimId().equals(claimOfA.id()));
        assertThat(SystemWork.call("read", () -> facts.summariesAfter(a, null, 10_000))).anyMatch(c -> c.claimId().equals(claimOfA.id()));
        assertThat(Acting.as(ClaimsFixtures.bpjs(ClaimsFixtures.PEKALONGAN_OFFICE),
                () -> handling.pay(a, claimOfA.id(), new ClaimHandling.PaymentInput("ISO-" + claimOfA.id().toString().substring(0, 8), null)))
                .recorded()).as("A's staff repeating A's payment: answered, not repeated").isFalse();
    }

    @Test
    void everyClaimsTableShowsAndChangesNothingOfAInBsScopeByPlainSql() {
        for (String table : TENANT_TABLES) {
            String count = "SELECT count(*) FROM claims." + table + " WHERE claim_id = ?";
            assertThat(inScope(a, () -> jdbc.queryForObject(count, Integer.class, claimOfA.id()))).as("A sees its %s", table).isPositive();
            assertThat(inScope(b, () -> jdbc.queryForObject(count, Integer.class, claimOfA.id()))).as("B sees A's %s", table).isZero();
        }
        assertThat(inScope(b, () -> jdbc.update("UPDATE claims.claim SET status = 'REJECTED' WHERE claim_id = ?", claimOfA.id()))).isZero();
        assertThat(inScope(b, () -> jdbc.update("UPDATE claims.claim_document SET rejected_reason = 'taken over' WHERE claim_id = ?",
                claimOfA.id()))).isZero();
        assertThat(inScope(b, () -> jdbc.update("DELETE FROM claims.benefit_line WHERE claim_id = ?", claimOfA.id()))).isZero();
        assertThatThrownBy(() -> inScope(b, () -> jdbc.update("""
                INSERT INTO claims.payout (tenant_id, payout_id, claim_id, reference, amount, paid_on, recorded_by)
                VALUES (?, ?, ?, 'FORGED-1', 1, current_date, 'b')""", a.value(), UUID.randomUUID(), claimOfA.id())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
        // positive control: A changes its own rows by the same statement
        assertThat(inScope(a, () -> jdbc.update("UPDATE claims.claim SET request_note = request_note WHERE claim_id = ?", claimOfA.id()))).isOne();
        assertThat(inScope(a, () -> jdbc.queryForObject("SELECT status FROM claims.claim WHERE claim_id = ?", String.class, claimOfA.id())))
                .isEqualTo("PAID");
    }

    @Test
    void theApplicationRoleCannotDeleteClaimsOrRewriteAPayout() {
        assertThatThrownBy(() -> inScope(a, () -> jdbc.update("DELETE FROM claims.claim WHERE claim_id = ?", claimOfA.id())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> inScope(a, () -> jdbc.update("UPDATE claims.payout SET amount = amount + 1 WHERE claim_id = ?", claimOfA.id())))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    private <T> T inScope(TenantId tenant, Supplier<T> work) {
        return SystemWork.call("isolation test", () -> transactions.inTenant(tenant, work));
    }
}
