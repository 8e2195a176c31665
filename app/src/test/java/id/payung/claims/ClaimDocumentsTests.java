package id.payung.claims;

import id.payung.PayungIntegrationTest;
import id.payung.claims.ClaimDetails.Document;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.AuditTrail.AuditEntry;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.PlatformProblem;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static id.payung.claims.ClaimsFixtures.JPEG;
import static id.payung.claims.ClaimsFixtures.PDF;
import static id.payung.claims.ClaimsFixtures.PNG;
import static id.payung.claims.ClaimsFixtures.file;
import static id.payung.claims.ClaimsFixtures.operator;
import static id.payung.claims.ClaimsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents: PDF, JPEG, PNG with the content matching the extension and a size limit; opened only by the
 * Disnaker operator and BPJS staff, every opening audited, refused attempts too.
 */
@PayungIntegrationTest
class ClaimDocumentsTests {

    @Autowired ClaimFiling filing;
    @Autowired ClaimViews views;
    @Autowired ClaimHandling handling;
    @Autowired ClaimsFixtures fixtures;
    @Autowired TenantTransactions transactions;
    @Autowired AuditTrail audit;

    TenantId pekalongan;
    Actor operator;
    Actor bpjs;
    Actor asn;
    Claim claim;

    @BeforeEach
    void aReportedDeath() {
        pekalongan = fixtures.pekalongan();
        operator = operator(pekalongan);
        bpjs = ClaimsFixtures.bpjs(ClaimsFixtures.PEKALONGAN_OFFICE);
        asn = ClaimsFixtures.sponsor(pekalongan, "asn-docs-" + UUID.randomUUID());
        UUID worker = fixtures.worker(pekalongan, asn, null);
        fixtures.paid(pekalongan, worker, YearMonth.from(today()).minusMonths(6), YearMonth.from(today()));
        claim = Acting.as(asn, () -> filing.report(pekalongan, ClaimsFixtures.jkm(worker, today().minusDays(1))));
    }

    private Document upload(Actor actor, String type, ClaimFiling.UploadedFile file) {
        return Acting.as(actor, () -> filing.upload(pekalongan, claim.id(), type, file));
    }

    private List<Document> documents() {
        return Acting.as(operator, () -> views.details(pekalongan, claim.id())).documents();
    }

    private List<AuditEntry> history() {
        return SystemWork.call("test read", () -> transactions.readInTenant(pekalongan, () -> audit.historyOf("claim", claim.id())));
    }

    private void refusedFile(String name, byte[] content, long size, Object problem) {
        int before = documents().size();
        assertThatThrownBy(() -> upload(asn, "DEATH_CERTIFICATE", file(name, content, size)))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.fieldProblems()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("file");
                    assertThat(f.type()).isEqualTo(problem);
                }));
        assertThat(documents()).hasSize(before);
    }

    @Test
    void theReporterUploadsPdfJpegAndPngWhoseContentMatchesTheirExtension() {
        Document pdf = upload(asn, "DEATH_CERTIFICATE", file("C:\\scan\\akta kematian.pdf", PDF));
        upload(asn, "KTP_WORKER", file("ktp.JPG", JPEG));
        upload(operator, "FAMILY_CARD", file("kk.png", PNG));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.fileName()).isEqualTo("akta kematian.pdf");
        assertThat(pdf.sha256()).hasSize(64);
        assertThat(documents()).extracting(Document::type)
                .containsExactly(DocumentType.DEATH_CERTIFICATE, DocumentType.KTP_WORKER, DocumentType.FAMILY_CARD);
        assertThat(history()).filteredOn(e -> e.action().equals("claim.document-uploaded")).hasSize(3);
        ClaimDetails details = Acting.as(asn, () -> views.details(pekalongan, claim.id()));
        assertThat(details.checklist()).filteredOn(i -> i.type() == DocumentType.DEATH_CERTIFICATE)
                .singleElement().satisfies(i -> assertThat(i.acceptable()).isEqualTo(1));
        assertThat(details.permissions().mayOpenDocuments()).as("the ASN uploads but does not open").isFalse();
    }

    @Test
    void wrongTypeTooLargeEmptyOrContentNotMatchingTheExtensionIsRefusedAndNothingStored() {
        long limit = filing.maxDocumentBytes();
        assertThat(limit).isEqualTo(5L * 1024 * 1024);
        refusedFile("akta.gif", PDF, PDF.length, ClaimsProblem.FILE_TYPE_NOT_ALLOWED);
        refusedFile("akta.exe", PDF, PDF.length, ClaimsProblem.FILE_TYPE_NOT_ALLOWED);
        refusedFile("akta.pdf", PNG, PNG.length, ClaimsProblem.FILE_CONTENT_MISMATCH);
        refusedFile("foto.png", JPEG, JPEG.length, ClaimsProblem.FILE_CONTENT_MISMATCH);
        refusedFile("foto.jpg", "<script>alert(1)</script>".getBytes(), 25, ClaimsProblem.FILE_CONTENT_MISMATCH);
        refusedFile("akta.pdf", new byte[0], 0, ClaimsProblem.FILE_REQUIRED);
        // said too large before reading, and a stream longer than it said
        refusedFile("akta.pdf", PDF, limit + 1, ClaimsProblem.FILE_TOO_LARGE);
        byte[] big = Arrays.copyOf(PDF, (int) limit + 1);
        refusedFile("akta.pdf", big, PDF.length, ClaimsProblem.FILE_TOO_LARGE);
        // exactly the limit is accepted
        upload(asn, "DEATH_CERTIFICATE", file("besar.pdf", Arrays.copyOf(PDF, (int) limit)));

        assertThatThrownBy(() -> upload(asn, "PASPOR", file("a.pdf", PDF)))
                .isInstanceOfSatisfying(InvalidInput.class, p -> assertThat(p.fieldProblems())
                        .extracting(InvalidInput.FieldProblem::type).containsExactly(ClaimsProblem.DOCUMENT_TYPE_INVALID));
        assertThatThrownBy(() -> upload(asn, "POLICE_REPORT", file("a.pdf", PDF)))
                .as("a JKM claim's checklist has no police report")
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ClaimsProblem.DOCUMENT_TYPE_NOT_IN_CHECKLIST));
        assertThat(documents()).hasSize(1);
    }

    @Test
    void theOperatorAndBpjsStaffOpenDocumentsAndEveryOpeningIsAudited() {
        Document pdf = upload(asn, "DEATH_CERTIFICATE", file("akta.pdf", PDF));
        var opened = Acting.as(bpjs, () -> views.openDocument(pekalongan, claim.id(), pdf.id()));
        assertThat(opened.content()).isEqualTo(PDF);
        assertThat(opened.contentType()).isEqualTo("application/pdf");
        Acting.as(operator, () -> views.openDocument(pekalongan, claim.id(), pdf.id()));
        assertThat(history()).filteredOn(e -> e.action().equals("claim.document-opened"))
                .extracting(AuditEntry::actorName).containsExactlyInAnyOrder(bpjs.displayName(), operator.displayName());
        assertThat(history()).filteredOn(e -> e.action().equals("claim.document-opened"))
                .allSatisfy(e -> assertThat(e.details()).containsEntry("document", pdf.id().toString()).containsEntry("type", "DEATH_CERTIFICATE"));
    }

    @Test
    void otherRolesCannotOpenDocumentsAndTheirAttemptIsAudited() {
        Document pdf = upload(asn, "DEATH_CERTIFICATE", file("akta.pdf", PDF));
        for (Actor actor : List.of(asn, ClaimsFixtures.kepala(pekalongan), ClaimsFixtures.opdHead(pekalongan))) {
            assertThatThrownBy(() -> Acting.as(actor, () -> views.openDocument(pekalongan, claim.id(), pdf.id())))
                    .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.FORBIDDEN));
        }
        assertThat(history()).filteredOn(e -> e.action().equals("claim.document-open-refused")).hasSize(3);
        assertThat(history()).noneMatch(e -> e.action().equals("claim.document-opened"));
        // BPJS staff of another office cannot reach the pemda at all
        assertThatThrownBy(() -> Acting.as(ClaimsFixtures.bpjs(ClaimsFixtures.TEGAL_OFFICE),
                () -> views.openDocument(pekalongan, claim.id(), pdf.id())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(PlatformProblem.TENANT_ACCESS_DENIED));
        assertThatThrownBy(() -> Acting.as(bpjs, () -> views.openDocument(pekalongan, claim.id(), UUID.randomUUID())))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ClaimsProblem.DOCUMENT_NOT_FOUND));
    }

    @Test
    void noDocumentIsAddedOnceTheClaimIsDecided() {
        Acting.as(bpjs, () -> handling.decide(pekalongan, claim.id(),
                new ClaimHandling.DecisionInput("REJECT", "Bukan pekerja yang sama dengan akta kematian.")));
        assertThatThrownBy(() -> upload(asn, "DEATH_CERTIFICATE", file("akta.pdf", PDF)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.type()).isEqualTo(ClaimsProblem.DOCUMENTS_CLOSED));
        assertThat(documents()).isEmpty();
    }
}
