package id.payung.tenancy.web;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import id.payung.tenancy.TenantAdministration.OnboardTenant;
import id.payung.tenancy.TenantStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Pemda (tenants)", description = "Onboarding and administration of the pemda using Payung")
class TenantApiController {

    private final TenantAdministration administration;

    TenantApiController(TenantAdministration administration) {
        this.administration = administration;
    }

    record TenantView(String id, String regionCode, String kind, String name, String provinceName,
                      BpjsOffice bpjsOffice, BigDecimal coverageTargetPercent, Long potentialWorkers,
                      String status, String suspensionReason, OffsetDateTime onboardedAt) {

        static TenantView of(Tenant t) {
            return new TenantView(t.id().toString(), t.regionCode().value(), t.kind().name(), t.name(), t.provinceName(),
                    new BpjsOffice(t.bpjsOfficeCode(), t.bpjsOfficeName()), t.coverageTargetPercent(),
                    t.potentialWorkers(), t.status().name(), t.suspensionReason(), t.onboardedAt());
        }
    }

    record BpjsOffice(String code, String name) {
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
        }
    }

    record OnboardTenantRequest(String regionCode, String bpjsOfficeCode, String bpjsOfficeName,
                                BigDecimal coverageTargetPercent, Long potentialWorkers) {
    }

    record ChangeBpjsOfficeRequest(String code, String name) {
    }

    record SetTargetRequest(BigDecimal coverageTargetPercent, Long potentialWorkers) {
    }

    record SuspendRequest(String reason) {
    }

    record HistoryEntryView(OffsetDateTime occurredAt, String actor, String action, String subjectType, String subjectId,
                            java.util.Map<String, String> details) {
    }

    @GetMapping
    @Operation(summary = "Pemda the caller oversees, searchable by name, region code or BPJS office")
    PageView<TenantView> list(@RequestParam(required = false) String q, @RequestParam(required = false) TenantStatus status,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(administration.list(q, status, PageRequest.of(page, size)).map(TenantView::of));
    }

    @PostMapping
    @Operation(summary = "Onboard a pemda from its Kemendagri region code (BPJS staff)")
    ResponseEntity<TenantView> onboard(@RequestBody OnboardTenantRequest request) {
        Tenant tenant = administration.onboard(new OnboardTenant(request.regionCode(), request.bpjsOfficeCode(),
                request.bpjsOfficeName(), request.coverageTargetPercent(), request.potentialWorkers()));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id())).body(TenantView.of(tenant));
    }

    @GetMapping("/{tenantId}")
    TenantView get(@PathVariable String tenantId) {
        return TenantView.of(administration.get(TenantId.parse(tenantId)));
    }

    @PutMapping("/{tenantId}/bpjs-office")
    @Operation(summary = "Change the administering BPJS office (BPJS staff)")
    TenantView changeOffice(@PathVariable String tenantId, @RequestBody ChangeBpjsOfficeRequest request) {
        return TenantView.of(administration.changeBpjsOffice(TenantId.parse(tenantId), request.code(), request.name()));
    }

    @PutMapping("/{tenantId}/target")
    @Operation(summary = "Set the coverage target and potential worker count (BPJS staff, head of region)")
    TenantView setTarget(@PathVariable String tenantId, @RequestBody SetTargetRequest request) {
        return TenantView.of(administration.setTarget(TenantId.parse(tenantId), request.coverageTargetPercent(),
                request.potentialWorkers()));
    }

    @PostMapping("/{tenantId}/suspension")
    @Operation(summary = "Suspend a pemda: its data stays readable, writes are refused (BPJS staff)")
    TenantView suspend(@PathVariable String tenantId, @RequestBody SuspendRequest request) {
        return TenantView.of(administration.suspend(TenantId.parse(tenantId), request.reason()));
    }

    @DeleteMapping("/{tenantId}/suspension")
    @Operation(summary = "Lift a suspension (BPJS staff)")
    TenantView reactivate(@PathVariable String tenantId) {
        return TenantView.of(administration.reactivate(TenantId.parse(tenantId)));
    }

    @GetMapping("/{tenantId}/history")
    @Operation(summary = "Audited changes of the pemda's registry entry, newest first")
    List<HistoryEntryView> history(@PathVariable String tenantId) {
        return administration.history(TenantId.parse(tenantId)).stream()
                .map(e -> new HistoryEntryView(e.occurredAt(), e.actorName(), e.action(), e.subjectType(), e.subjectId(), e.details())).toList();
    }
}
