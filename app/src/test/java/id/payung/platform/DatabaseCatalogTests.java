package id.payung.platform;

import id.payung.PayungIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads PostgreSQL's own catalogue to prove the isolation rules hold for every table, including the
 * ones future migrations add: a new tenant table without forced row-level security fails here.
 */
@PayungIntegrationTest
class DatabaseCatalogTests {

    /** The only tables shared by all tenants: reference data, the event log and migration history. */
    static final List<String> SHARED_TABLES = List.of("tenancy.region", "events.event_publication",
            // reference data: Lampiran II PP 44/2015 income levels, dated; read-only for the app
            "enrollment.income_level",
            // reference data: the occupation list, dated; read-only for the app
            "enrollment.occupation",
            // national one-membership register (ADR 0006): HMAC of a NIK -> owning tenant; the app role has
            // no privilege on it and reaches it only through SECURITY DEFINER functions answering free/mine/elsewhere
            "enrollment.national_membership",
            // reference data: BPU contribution rates and the PP 50/2025 discounts, dated; read-only for the app
            "sponsorship.contribution_rate", "sponsorship.contribution_discount",
            // national register of paid person-months (double funding across pemda): keyed person -> paying tenant;
            // the app role has no privilege on it, only SECURITY DEFINER functions answering "also funded elsewhere"
            "sponsorship.national_funded_month",
            // reference data of claims, dated: benefit rules, scholarship rates, document checklists, public holidays
            // (the 7-working-day deadline); read-only for the app
            "claims.benefit_rule", "claims.scholarship_rate", "claims.document_requirement", "claims.holiday");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationConnectsAsARoleThatIsNoSuperuserCannotBypassRowSecurityAndOwnsNothing() {
        Map<String, Object> role = jdbc.queryForMap("""
                SELECT current_user AS name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb
                FROM pg_roles WHERE rolname = current_user""");
        assertThat(role.get("name")).isEqualTo("payung_app");
        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false)
                .containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false);

        Integer ownedObjects = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)
                     + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
                     + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
                     + (SELECT count(*) FROM pg_database WHERE datdba = r.oid)
                FROM pg_roles r WHERE r.rolname = current_user""", Integer.class);
        assertThat(ownedObjects).isZero();
        assertThat(jdbc.queryForObject("SELECT pg_has_role(current_user, 'payung_owner', 'MEMBER')", Boolean.class)).isFalse();
    }

    @Test
    void everyTableOfTheApplicationSchemasHoldsTenantIdOrIsADeclaredSharedTable() {
        List<String> withoutTenant = jdbc.queryForList("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                ORDER BY 1""", String.class);
        assertThat(withoutTenant).containsExactlyInAnyOrderElementsOf(SHARED_TABLES);
    }

    @Test
    void everyTenantTableHasRowLevelSecurityEnabledAndForcedWithUsingAndWithCheck() {
        List<Map<String, Object>> tenantTables = tenantTables();
        assertThat(tenantTables).extracting(t -> t.get("name"))
                .contains("tenancy.tenant", "tenancy.opd", "platform.audit_event");
        for (Map<String, Object> table : tenantTables) {
            assertThat(table).as("%s", table.get("name"))
                    .containsEntry("rls_enabled", true).containsEntry("rls_forced", true);
            List<Map<String, Object>> writePolicies = jdbc.queryForList("""
                    SELECT policyname, qual, with_check FROM pg_policies
                    WHERE schemaname || '.' || tablename = ? AND cmd = 'ALL'""", table.get("name"));
            assertThat(writePolicies).as("%s needs a policy for all commands", table.get("name")).isNotEmpty();
            for (Map<String, Object> policy : writePolicies) {
                assertThat(policy.get("qual")).as("USING of %s", table.get("name")).asString().contains("current_setting('app.tenant_id'::text)");
                assertThat(policy.get("with_check")).as("WITH CHECK of %s", table.get("name")).asString().contains("current_setting('app.tenant_id'::text)");
            }
        }
    }

    @Test
    void noPolicyReadsTheTenantSettingLeniently() {
        // current_setting(name, true) returns NULL when unset, which would quietly match nothing
        // instead of failing the query; every policy must fail loudly without a tenant.
        List<String> lenient = jdbc.queryForList("""
                SELECT schemaname || '.' || tablename || ' ' || policyname FROM pg_policies
                WHERE coalesce(qual, '') || coalesce(with_check, '') ~ 'current_setting\\(''app\\.tenant_id''::text, true\\)'""",
                String.class);
        assertThat(lenient).isEmpty();
    }

    @Test
    void tenantIdLeadsEveryPrimaryUniqueAndForeignKeyOfTenantTables() {
        List<String> offenders = jdbc.queryForList("""
                SELECT con.conrelid::regclass || ' ' || con.conname
                FROM pg_constraint con
                JOIN pg_attribute first_column ON first_column.attrelid = con.conrelid AND first_column.attnum = con.conkey[1]
                WHERE con.contype IN ('p', 'u', 'f')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attname = 'tenant_id')
                  AND NOT (con.contype = 'f' AND con.confrelid = 'tenancy.region'::regclass)
                  AND first_column.attname <> 'tenant_id'""", String.class);
        assertThat(offenders).isEmpty();
        List<String> uniqueIndexes = jdbc.queryForList("""
                SELECT i.indexrelid::regclass::text FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indisunique
                  AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = i.indrelid AND t.attname = 'tenant_id')
                  AND a.attname <> 'tenant_id'""", String.class);
        assertThat(uniqueIndexes).isEmpty();
    }

    private List<Map<String, Object>> tenantTables() {
        return jdbc.queryForList("""
                SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p')
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                ORDER BY 1""");
    }
}
