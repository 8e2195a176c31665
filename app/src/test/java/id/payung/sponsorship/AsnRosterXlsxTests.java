package id.payung.sponsorship;

import id.payung.PayungIntegrationTest;
import id.payung.platform.PageRequest;
import id.payung.platform.PlatformProblem;
import id.payung.sponsorship.AsnRoster.RowProblem;
import id.payung.support.Acting;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import static id.payung.sponsorship.AsnSponsorshipTests.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The ASN roster from the personnel agency's Excel file: same columns, rules and all-or-nothing report as the CSV. */
@PayungIntegrationTest
class AsnRosterXlsxTests {

    @Autowired ApplicationContext context;
    @Autowired AsnRoster roster;

    /** A real XLSX workbook: rows of cells, a BigDecimal written as a number cell, anything else as text. */
    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Payung test", "1.0");
        var sheet = workbook.newWorksheet("ASN");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof BigDecimal number) sheet.value(r, c, number);
                else sheet.value(r, c, (String) value);
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void pnsAndPppkNumbersAreImportedFromTheFirstSheet() throws IOException {
        var bitung = new SponsorshipWorld(context, "71.72", "KC-BITUNG");
        String pns = SponsorshipWorld.nip();
        String pppk = "19850615" + "2022" + "21" + "2" + String.format("%03d", SponsorshipWorld.serial() % 1000);
        byte[] file = xlsx(List.of(List.of("nip", "nama", "kode_opd"),
                List.of(pns, "Grace Tumbelaka", "DINKES"),
                List.of(pppk.substring(0, 8) + " " + pppk.substring(8), "Stevan Lumowa", "disnaker")));

        var result = Acting.as(bitung.operator(), () -> roster.importXlsx(bitung.tenant, new ByteArrayInputStream(file)));
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.stored()).isEqualTo(2);
        var entries = Acting.as(bitung.operator(), () -> roster.list(bitung.tenant, null, PageRequest.of(0, 50))).items();
        assertThat(entries).extracting(RosterEntry::nip, RosterEntry::name, RosterEntry::opdId).contains(
                tuple(pns, "Grace Tumbelaka", bitung.dinkes.id()), tuple(pppk, "Stevan Lumowa", bitung.disnaker.id()));
        assertThat(new Nip(pppk).isPppk()).isTrue();
    }

    @Test
    void aNumericNipCellAndOtherBadRowsRefuseTheWholeSheetWithEveryRowListed() throws IOException {
        var manado = new SponsorshipWorld(context, "71.71", "KC-MANADO");
        String good = SponsorshipWorld.nip();
        byte[] file = xlsx(List.of(List.of("NIP", "Nama", "Kode OPD"),
                List.of(good, "Marthen Rondonuwu", "DINKES"),
                List.of(new BigDecimal(SponsorshipWorld.nip()), "Angka Bukan Teks", "DINKES"),
                List.of(SponsorshipWorld.nip(), "X", "BAPPEDA"),
                List.of(good, "Dua Kali", "DINKES"),
                List.of("198506152010031", "Terlalu Pendek")));

        assertThatThrownBy(() -> Acting.run(manado.operator(), () -> roster.importXlsx(manado.tenant, new ByteArrayInputStream(file))))
                .isInstanceOfSatisfying(AsnRoster.ImportRefused.class, refused -> assertThat(refused.rows())
                        .extracting(RowProblem::line, RowProblem::column, RowProblem::type).containsExactly(
                                tuple(3, "nip", SponsorshipProblem.ROSTER_NIP_NOT_TEXT),
                                tuple(4, "nama", SponsorshipProblem.ASN_NAME_INVALID),
                                tuple(4, "kode_opd", SponsorshipProblem.ROSTER_OPD_CODE_UNKNOWN),
                                tuple(5, "nip", SponsorshipProblem.ROSTER_NIP_REPEATED),
                                tuple(6, "", SponsorshipProblem.ROSTER_ROW_COLUMNS)));
        assertThat(Acting.as(manado.operator(), () -> roster.list(manado.tenant, good, PageRequest.of(0, 5))).items()).isEmpty();
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedAndOnlyTheOperatorImports() throws IOException {
        var manado = new SponsorshipWorld(context, "71.71", "KC-MANADO");
        refused(() -> Acting.run(manado.operator(), () -> roster.importXlsx(manado.tenant, new ByteArrayInputStream("nip,nama\n".getBytes()))),
                SponsorshipProblem.ROSTER_FILE_UNREADABLE);
        byte[] file = xlsx(List.of(List.of(SponsorshipWorld.nip(), "Orang Baik", "DINKES")));
        refused(() -> Acting.run(manado.kepala(), () -> roster.importXlsx(manado.tenant, new ByteArrayInputStream(file))), PlatformProblem.FORBIDDEN);
    }
}
