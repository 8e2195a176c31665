package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A pemda's cycle settings (reactivation rule, deduction list export layout). */
@Repository
public class CycleSettingRows {

    private final DSLContext db;

    CycleSettingRows(DSLContext db) {
        this.db = db;
    }

    public record SettingRow(String reactivationRule, List<String> columns, List<String> headers, String csvSeparator,
                             String updatedBy, OffsetDateTime updatedAt) {
    }

    public Optional<SettingRow> find(TenantId tenant) {
        return db.fetch("""
                        SELECT reactivation_rule, export_columns, export_headers, csv_separator, updated_by, updated_at
                        FROM sponsorship.cycle_setting WHERE tenant_id = ?""", tenant.value())
                .stream().findFirst()
                .map(r -> new SettingRow(r.get(0, String.class), Arrays.asList(r.get(1, String[].class)),
                        Arrays.asList(r.get(2, String[].class)), r.get(3, String.class), r.get(4, String.class),
                        r.get(5, OffsetDateTime.class)));
    }

    public void save(TenantId tenant, String reactivationRule, List<String> columns, List<String> headers, String csvSeparator,
                     String by) {
        db.execute("""
                        INSERT INTO sponsorship.cycle_setting (tenant_id, reactivation_rule, export_columns, export_headers, csv_separator, updated_by)
                        VALUES (?, ?, ?::text[], ?::text[], ?, ?)
                        ON CONFLICT (tenant_id) DO UPDATE SET reactivation_rule = excluded.reactivation_rule,
                            export_columns = excluded.export_columns, export_headers = excluded.export_headers,
                            csv_separator = excluded.csv_separator, updated_by = excluded.updated_by, updated_at = now()""",
                tenant.value(), reactivationRule, columns.toArray(String[]::new), headers.toArray(String[]::new), csvSeparator, by);
    }
}
