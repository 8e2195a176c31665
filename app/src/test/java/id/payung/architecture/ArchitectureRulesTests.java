package id.payung.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureRulesTests {

    static final List<String> MODULES = List.of("platform", "tenancy", "enrollment", "sponsorship", "claims", "reporting");

    static final JavaClasses PAYUNG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.payung", "db.migration");

    // A module's generated jOOQ classes describe its own tables: nobody else may query them.
    @Test
    void onlyTheOwningModuleTouchesItsGeneratedJooqClasses() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("id.payung." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("id.payung." + module + ".persistence.jooq..")
                    .allowEmptyShould(true)
                    .check(PAYUNG);
        }
    }

    // SQL lives in persistence packages; services and controllers speak the domain.
    @Test
    void onlyPersistencePackagesUseTheDslContext() {
        noClasses().that().resideOutsideOfPackage("..persistence..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext")
                .check(PAYUNG);
    }

    // Controllers stay thin: they call a module's services, never its repositories.
    @Test
    void webPackagesDoNotReachIntoPersistence() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .check(PAYUNG);
    }

    // The tenant is set in one place (SET LOCAL from a validated id): raw JDBC statements appear only
    // there, in the embedded database's bootstrap and in data-loading migrations.
    @Test
    void rawJdbcStatementsOnlyWhereTheTenantScopeIsSetOrTheDatabaseIsBootstrapped() {
        noClasses().that().doNotHaveFullyQualifiedName("id.payung.platform.TenantScopeStatement")
                .and().doNotHaveFullyQualifiedName("id.payung.EmbeddedPostgresEnvironment")
                .and().resideOutsideOfPackage("db.migration..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .check(PAYUNG);
    }

    // Events carry ids and figures, never personal data: an event record may hold no free text.
    @Test
    void eventRecordsCarryNoStringComponents() {
        var events = PAYUNG.stream()
                .filter(c -> c.isRecord() && c.getEnclosingClass().map(e -> e.getSimpleName().endsWith("Events")).orElse(false))
                .toList();
        org.assertj.core.api.Assertions.assertThat(events).isNotEmpty();
        for (var event : events) {
            org.assertj.core.api.Assertions.assertThat(event.getFields())
                    .as("components of %s", event.getName())
                    .noneMatch(f -> !f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                            && f.getRawType().isEquivalentTo(String.class));
        }
    }
}
