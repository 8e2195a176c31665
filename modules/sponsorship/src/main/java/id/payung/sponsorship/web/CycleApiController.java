package id.payung.sponsorship.web;

import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.sponsorship.CycleRun;
import id.payung.sponsorship.CycleSettings;
import id.payung.sponsorship.DoubleFunding;
import id.payung.sponsorship.MonthlyCycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The monthly contribution cycle: runs, periods, double funding and the pemda's cycle settings. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}")
@Tag(name = "Contribution cycle", description = "The monthly cycle: premiums due, deduction lists, lapse; periods; settings")
class CycleApiController {

    private final MonthlyCycle cycle;
    private final DoubleFunding doubleFunding;
    private final CycleSettings settings;

    CycleApiController(MonthlyCycle cycle, DoubleFunding doubleFunding, CycleSettings settings) {
        this.cycle = cycle;
        this.doubleFunding = doubleFunding;
        this.settings = settings;
    }

    record StartRequest(String period) {
    }

    @PostMapping("/contribution-cycles")
    @Operation(summary = "Disnaker operator: start the cycle for a period (YYYY-MM); 202 with the run, which goes on in the "
            + "background (poll its Location). 422 period after the current month or no valid rate, 409 period closed or "
            + "another run of the pemda in progress. Safe to repeat: only what is neither approved nor invoiced is recomputed")
    ResponseEntity<CycleRun> start(@PathVariable String tenantId, @RequestBody(required = false) StartRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        CycleRun run = cycle.start(tenant, request == null ? null : request.period());
        return ResponseEntity.accepted().location(URI.create("/api/v1/tenants/" + tenant + "/contribution-cycles/" + run.id())).body(run);
    }

    @GetMapping("/contribution-cycles")
    @Operation(summary = "The latest runs (of one period with ?period=YYYY-MM), newest first")
    List<CycleRun> runs(@PathVariable String tenantId, @RequestParam(required = false) String period) {
        return cycle.runs(TenantId.parse(tenantId), period);
    }

    @GetMapping("/contribution-cycles/{runId}")
    @Operation(summary = "A run's status, stage and counts (dues added, removed, kept; lists; workers lapsed)")
    CycleRun run(@PathVariable String tenantId, @PathVariable UUID runId) {
        return cycle.run(TenantId.parse(tenantId), runId);
    }

    @GetMapping("/contribution-periods/{period}")
    @Operation(summary = "Where a period stands: closed or not, latest run, dues and invoice per program, deduction lists")
    MonthlyCycle.PeriodOverview period(@PathVariable String tenantId, @PathVariable String period) {
        return cycle.overview(TenantId.parse(tenantId), period);
    }

    @PostMapping("/contribution-periods/{period}/closure")
    @Operation(summary = "Disnaker operator: close a past period (no more runs, approvals, invoices); workers due and unpaid "
            + "in the three months ending with it lapse. 422 period not over, 409 closed already or a run in progress")
    MonthlyCycle.PeriodOverview close(@PathVariable String tenantId, @PathVariable String period) {
        return cycle.close(TenantId.parse(tenantId), period);
    }

    @GetMapping("/double-funding")
    @Operation(summary = "Disnaker operator, BPJS staff: workers funded by more than one program of the pemda in the month "
            + "(paged), and those paid by another pemda too (ids only; the other pemda is never named)")
    DoubleFunding.Report doubleFunding(@PathVariable String tenantId, @RequestParam(required = false) String period,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return doubleFunding.report(TenantId.parse(tenantId), period, PageRequest.of(page, size));
    }

    @GetMapping("/contribution-settings")
    @Operation(summary = "The pemda's reactivation rule and deduction list export layout (defaults when never saved)")
    CycleSettings.Settings settings(@PathVariable String tenantId) {
        return settings.get(TenantId.parse(tenantId));
    }

    record ColumnRequest(String column, String header) {
    }

    record SettingsRequest(String reactivationRule, String csvSeparator, List<ColumnRequest> columns) {
    }

    @PutMapping("/contribution-settings")
    @Operation(summary = "Disnaker operator: set the reactivation rule (NEW_PAID_MONTH, ARREARS_CLEARED), the CSV separator "
            + "(, or ;) and the export columns in order (NOMOR, NIP, NAMA, KODE_OPD, NAMA_OPD, PERIODE, JUMLAH_PEKERJA, "
            + "JUMLAH_POTONGAN, KETERANGAN), each with its header")
    CycleSettings.Settings saveSettings(@PathVariable String tenantId, @RequestBody(required = false) SettingsRequest request) {
        SettingsRequest r = request == null ? new SettingsRequest(null, null, List.of()) : request;
        Map<String, String> positions = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<ColumnRequest> columns = r.columns() == null ? List.of() : r.columns();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).column() == null ? "" : columns.get(i).column().strip();
            // a column named twice: the later position is kept and reported as repeated by the service
            positions.merge(name, String.valueOf(i + 1), (a, b) -> "0");
            headers.put(name, columns.get(i).header());
        }
        return settings.save(TenantId.parse(tenantId), new CycleSettings.Form(r.reactivationRule(), r.csvSeparator(), positions, headers));
    }
}
