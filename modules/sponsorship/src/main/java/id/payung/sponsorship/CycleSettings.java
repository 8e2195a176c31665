package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.InvalidInput;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.CycleSettingRows;
import id.payung.tenancy.TenantAdministration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pemda's settings of the monthly cycle, kept by its Disnaker operator: the reactivation rule after a
 * lapse and the column layout of the deduction list export (which columns, in which order, under which
 * header, comma or semicolon). Without saved settings: the application's default rule
 * ({@code payung.sponsorship.reactivation-rule}, NEW_PAID_MONTH) and every column in {@link DeductionColumn} order.
 */
@Service
public class CycleSettings {

    static final int MAX_HEADER = 60;

    private final CycleSettingRows rows;
    private final TenantTransactions transactions;
    private final TenantAdministration tenants;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ReactivationRule defaultRule;

    CycleSettings(CycleSettingRows rows, TenantTransactions transactions, TenantAdministration tenants, CurrentActor currentActor,
                  AuditTrail audit, @Value("${payung.sponsorship.reactivation-rule:NEW_PAID_MONTH}") ReactivationRule defaultRule) {
        this.rows = rows;
        this.transactions = transactions;
        this.tenants = tenants;
        this.currentActor = currentActor;
        this.audit = audit;
        this.defaultRule = defaultRule;
    }

    public record Column(DeductionColumn column, String header) {
    }

    public record Settings(ReactivationRule reactivationRule, List<Column> layout, char csvSeparator, boolean saved,
                           String updatedBy, OffsetDateTime updatedAt) {
    }

    /** What the settings form posts: per column its position (empty = left out) and header; text, so nothing typed is lost. */
    public record Form(String reactivationRule, String csvSeparator, Map<String, String> positions, Map<String, String> headers) {
    }

    public Settings get(TenantId tenant) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF, Role.OPD_HEAD);
        return transactions.readInTenant(tenant, () -> current(tenant));
    }

    /** The settings in force, inside the caller's tenant transaction (no role check: used by the cycle itself). */
    Settings current(TenantId tenant) {
        return rows.find(tenant).map(r -> new Settings(ReactivationRule.valueOf(r.reactivationRule()),
                        layout(r.columns(), r.headers()), r.csvSeparator().charAt(0), true, r.updatedBy(), r.updatedAt()))
                .orElseGet(() -> new Settings(defaultRule, defaultLayout(), ',', false, null, null));
    }

    static List<Column> defaultLayout() {
        return Arrays.stream(DeductionColumn.values()).map(c -> new Column(c, c.defaultHeader())).toList();
    }

    public Settings save(TenantId tenant, Form form) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.DISNAKER_OPERATOR);
        var checks = InvalidInput.checks();
        ReactivationRule rule = null;
        try {
            rule = ReactivationRule.valueOf(form.reactivationRule() == null ? "" : form.reactivationRule().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.require(false, "reactivationRule", CycleProblem.REACTIVATION_RULE_INVALID);
        }
        String separator = form.csvSeparator() == null ? "" : form.csvSeparator().strip();
        checks.require(separator.equals(",") || separator.equals(";"), "csvSeparator", CycleProblem.CSV_SEPARATOR_INVALID);
        record Chosen(int position, DeductionColumn column, String header) {
        }
        List<Chosen> chosen = new ArrayList<>();
        Map<Integer, DeductionColumn> byPosition = new HashMap<>();
        Map<String, String> positions = form.positions() == null ? Map.of() : form.positions();
        Map<String, String> headers = form.headers() == null ? Map.of() : form.headers();
        for (String name : positions.keySet()) {
            if (Arrays.stream(DeductionColumn.values()).noneMatch(c -> c.name().equals(name))) {
                checks.require(false, "position." + name, CycleProblem.LAYOUT_COLUMN_UNKNOWN, Exports.neutralised(name));
            }
        }
        boolean positionProblems = false;
        for (DeductionColumn column : DeductionColumn.values()) {
            String positionText = positions.getOrDefault(column.name(), "");
            if (positionText == null || positionText.isBlank()) continue;
            String field = "position." + column.name();
            int position;
            try {
                position = Integer.parseInt(positionText.strip());
            } catch (NumberFormatException e) {
                position = -1;
            }
            if (position < 1 || position > DeductionColumn.values().length) {
                checks.require(false, field, CycleProblem.LAYOUT_POSITION_INVALID, column.name(), DeductionColumn.values().length);
                positionProblems = true;
                continue;
            }
            DeductionColumn other = byPosition.putIfAbsent(position, column);
            if (other != null) {
                checks.require(false, field, CycleProblem.LAYOUT_POSITION_REPEATED, position, other.name(), column.name());
                positionProblems = true;
                continue;
            }
            String header = headers.getOrDefault(column.name(), "");
            header = header == null || header.isBlank() ? column.defaultHeader() : header.strip().replaceAll("\\s+", " ");
            if (header.length() > MAX_HEADER || header.chars().anyMatch(Character::isISOControl)) {
                checks.require(false, "header." + column.name(), CycleProblem.LAYOUT_HEADER_INVALID, column.name(), MAX_HEADER);
                continue;
            }
            chosen.add(new Chosen(position, column, header));
        }
        checks.require(!chosen.isEmpty() || positionProblems, "layout", CycleProblem.LAYOUT_EMPTY);
        checks.throwIfAny();
        chosen.sort(Comparator.comparingInt(Chosen::position));
        ReactivationRule savedRule = rule;
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            rows.save(tenant, savedRule.name(), chosen.stream().map(c -> c.column().name()).toList(),
                    chosen.stream().map(Chosen::header).toList(), separator, actor.subject());
            audit.record("cycle-settings.saved", "cycle-settings", tenant, Map.of("reactivationRule", savedRule.name(),
                    "columns", String.join(",", chosen.stream().map(c -> c.column().name()).toList()), "csvSeparator", separator));
            return current(tenant);
        });
    }

    private static List<Column> layout(List<String> columns, List<String> headers) {
        List<Column> layout = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            try {
                layout.add(new Column(DeductionColumn.valueOf(columns.get(i)), headers.get(i)));
            } catch (IllegalArgumentException retired) {
                // a column this version no longer offers is left out rather than failing the export
            }
        }
        return layout.isEmpty() ? defaultLayout() : layout;
    }
}
