package id.payung.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** In the browser, BPJS staff see the pemda of their office and nothing of the others; a pemda member sees only his own. */
@PayungEndToEndTest
@ExtendWith(RequiresChromium.class)
class TenantBoundariesEndToEndTests {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void bpjsStaffOfKcSukabumiSeeBothSukabumiButNotDharmasraya() {
        browser.signInAt("/tenants", "bpjs.sukabumi");
        assertThat(browser.path()).isEqualTo("/tenants");
        browser.visible("table");

        List<String> regionCodes = browser.all("table tbody tr td:first-child").stream().map(WebElement::getText).toList();
        assertThat(regionCodes).contains(E2e.KOTA_SUKABUMI.regionCode(), E2e.KAB_SUKABUMI.regionCode())
                .doesNotContain(E2e.KAB_DHARMASRAYA.regionCode(), E2e.PROV_SUMSEL.regionCode());
        assertThat(browser.text()).contains("Sukabumi").doesNotContain("Dharmasraya");
    }

    @Test
    void bpjsStaffOfAnotherOfficeAreRefusedThePemdaPageAndLearnNothing() {
        browser.signInAt("/tenants", "bpjs.sukabumi");
        String dharmasraya = "/tenants/" + E2e.KAB_DHARMASRAYA.tenantId();

        assertThat(browser.status(dharmasraya)).isEqualTo(403);
        browser.open(dharmasraya);
        assertThat(browser.text()).doesNotContain("Dharmasraya").doesNotContain(E2e.KAB_DHARMASRAYA.regionCode())
                .doesNotContain(E2e.KAB_DHARMASRAYA.bpjsOffice());
        assertThat(browser.status("/tenants/" + E2e.KOTA_SUKABUMI.tenantId())).as("his own office's pemda").isEqualTo(200);
    }

    @Test
    void aMemberOfOnePemdaIsRefusedAnotherPemdasPage() {
        browser.signInAt("/tenants/" + E2e.KOTA_SUKABUMI.tenantId(), "kepala.kotasukabumi");
        assertThat(browser.status("/tenants/" + E2e.KOTA_SUKABUMI.tenantId())).as("his own pemda").isEqualTo(200);

        String other = "/tenants/" + E2e.KAB_SUKABUMI.tenantId();
        assertThat(browser.status(other)).isEqualTo(403);
        browser.open(other);
        assertThat(browser.text()).doesNotContain("Kabupaten Sukabumi").doesNotContain(E2e.KAB_SUKABUMI.regionCode());
    }
}
