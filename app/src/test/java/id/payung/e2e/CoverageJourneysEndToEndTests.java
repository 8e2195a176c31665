package id.payung.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser, signed in through Keycloak, on the demo data of Kota Sukabumi: what the ASN sponsor, BPJS
 * staff and the head of region see and do with sponsorship, claims and the coverage dashboard.
 */
@PayungEndToEndTest
@ExtendWith(RequiresChromium.class)
class CoverageJourneysEndToEndTests {

    private static final String KOTA_SUKABUMI = "/tenants/" + E2e.KOTA_SUKABUMI.tenantId();

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void theAsnSponsorSeesTheWorkersHeSponsorsAndWhatIsDeductedFromHisTppEachMonth() {
        browser.signInAt("/sponsorship/mine", "asn.kotasukabumi");
        assertThat(browser.path()).isEqualTo(KOTA_SUKABUMI + "/my-sponsorships");

        List<WebElement> workers = browser.visible("#my-workers").findElements(By.cssSelector("tbody tr"));
        assertThat(workers).as("the two demo workers he sponsors under his consent").hasSize(2);
        List<WebElement> months = browser.all("#deductions tbody tr");
        assertThat(months).isNotEmpty();
        List<WebElement> firstMonth = months.getFirst().findElements(By.tagName("td"));
        assertThat(firstMonth.get(1).getText()).isEqualTo("2");
        assertThat(firstMonth.get(4).getText()).startsWith("Rp").isNotEqualTo("Rp0");

        // his consent is kept as evidence he can read again
        workers.getFirst().findElement(By.cssSelector("a[href$='/consent']")).click();
        assertThat(browser.path()).endsWith("/consent");
        assertThat(browser.visible("blockquote.consent").getText()).contains("TPP");
    }

    @Test
    void theOperatorRunsTheMonthsCycleAgainFromItsPageAndNothingIsCountedTwice() {
        browser.signInAt(KOTA_SUKABUMI + "/contribution-cycle", "operator.kotasukabumi");
        String totalBefore = browser.visible("#programs tfoot").getText();

        browser.visible("#start-cycle").click();
        browser.waitForPayung();
        assertThat(browser.path()).startsWith(KOTA_SUKABUMI + "/contribution-cycle/runs/");
        // the run page refreshes itself every 3 s until the background run has finished
        browser.until(d -> {
            try {
                return d.findElement(By.id("run-status")).getText().equals("Selesai");
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        });
        assertThat(Integer.parseInt(browser.visible("#run-dues").getText().replace(".", ""))).isPositive();

        browser.open(KOTA_SUKABUMI + "/contribution-cycle");
        assertThat(browser.visible("#programs tfoot").getText()).as("the same dues and amount as before").isEqualTo(totalBefore);
    }

    @Test
    void bpjsStaffPayAnApprovedClaimFromTheirQueueAndCannotPayItTwice() {
        browser.signInAt("/claims/queue", "bpjs.sukabumi");
        WebElement approved = browser.visible("#claims-queue").findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains("Disetujui")).findFirst()
                .orElseThrow(() -> new AssertionError("the demo's approved accident claim is in the queue"));
        assertThat(approved.getText()).contains("Kota Sukabumi");
        approved.findElement(By.cssSelector("a")).click();
        browser.visible("#claim-status");
        String claimPath = browser.path();
        assertThat(browser.all("#calculation tbody tr")).as("the benefit shown line by line").isNotEmpty();

        browser.visible("#payment-form #reference").sendKeys("SP2D-E2E-0001");
        browser.visible("#payment-form button[type=submit]").click();
        browser.waitForPayung();
        assertThat(browser.visible("#claim-status").getText()).isEqualTo("Dibayar");
        assertThat(browser.all("#payment-form")).as("no second payment can be recorded").isEmpty();

        browser.open(claimPath);
        assertThat(browser.visible("#claim-status").getText()).isEqualTo("Dibayar");
        assertThat(browser.text()).contains("SP2D-E2E-0001");
    }

    @Test
    void theHeadOfRegionSeesCoverageAgainstTargetDrillsIntoADistrictAndExportsIt() {
        browser.signInAt("/dashboard", "kepala.kotasukabumi");
        assertThat(browser.path()).isEqualTo(KOTA_SUKABUMI + "/dashboard");

        assertThat(browser.visible("#headline [data-figure=covered]").getText()).matches("[0-9.]+");
        assertThat(browser.visible("#headline [data-figure=target]").getText()).contains("%");
        assertThat(browser.all("#trend svg")).as("the monthly trend is a chart").isNotEmpty();

        WebElement district = browser.visible("#districts table tbody tr a");
        String districtName = district.getText();
        district.click();
        browser.waitForPayung();
        assertThat(browser.path()).startsWith(KOTA_SUKABUMI + "/dashboard");
        assertThat(browser.text()).contains(districtName);

        assertThat(browser.status(KOTA_SUKABUMI + "/dashboard/export/districts.csv")).isEqualTo(200);
        assertThat(browser.status(KOTA_SUKABUMI + "/dashboard/export/districts.xlsx")).isEqualTo(200);
        assertThat(browser.status(KOTA_SUKABUMI + "/dashboard/summary.pdf")).isEqualTo(200);
        assertThat(browser.status("/tenants/" + E2e.KAB_DHARMASRAYA.tenantId() + "/dashboard"))
                .as("another pemda's dashboard").isEqualTo(403);
    }
}
