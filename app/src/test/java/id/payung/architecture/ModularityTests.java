package id.payung.architecture;

import id.payung.PayungApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PayungApplication.class);

    @Test
    void modulesDependOnlyOnPublishedApisAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyDomainModuleOfTheDesignExists() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "tenancy", "enrollment", "sponsorship", "claims", "reporting");
    }

    /** Writes the module diagram and canvases into docs/modules, where the architecture page links them. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
