package id.payung.tenancy.web;

import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
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

import java.net.URI;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/opds")
@Tag(name = "OPD", description = "The OPD list of a pemda")
class OpdApiController {

    private final OpdRegistry registry;

    OpdApiController(OpdRegistry registry) {
        this.registry = registry;
    }

    record OpdView(String id, String code, String name, boolean active) {
        static OpdView of(Opd opd) {
            return new OpdView(opd.id().toString(), opd.code(), opd.name(), opd.active());
        }
    }

    record OpdRequest(String code, String name) {
    }

    @GetMapping
    @Operation(summary = "OPDs of the pemda by name; inactive ones only on request")
    TenantApiController.PageView<OpdView> list(@PathVariable String tenantId, @RequestParam(required = false) String q,
                                               @RequestParam(defaultValue = "false") boolean includeInactive,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return TenantApiController.PageView.of(registry.list(TenantId.parse(tenantId), q, includeInactive,
                PageRequest.of(page, size)).map(OpdView::of));
    }

    @PostMapping
    @Operation(summary = "Register an OPD (BPJS staff, Disnaker operator)")
    ResponseEntity<OpdView> register(@PathVariable String tenantId, @RequestBody OpdRequest request) {
        Opd opd = registry.register(TenantId.parse(tenantId), new OpdDetails(request.code(), request.name()));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/opds/" + opd.id()))
                .body(OpdView.of(opd));
    }

    @GetMapping("/{opdId}")
    OpdView get(@PathVariable String tenantId, @PathVariable String opdId) {
        return OpdView.of(registry.get(TenantId.parse(tenantId), OpdId.parse(opdId)));
    }

    @PutMapping("/{opdId}")
    @Operation(summary = "Change an OPD's code or name")
    OpdView update(@PathVariable String tenantId, @PathVariable String opdId, @RequestBody OpdRequest request) {
        return OpdView.of(registry.update(TenantId.parse(tenantId), OpdId.parse(opdId),
                new OpdDetails(request.code(), request.name())));
    }

    @PostMapping("/{opdId}/deactivation")
    @Operation(summary = "Deactivate an OPD (kept for history, hidden from choices)")
    OpdView deactivate(@PathVariable String tenantId, @PathVariable String opdId) {
        return OpdView.of(registry.setActive(TenantId.parse(tenantId), OpdId.parse(opdId), false));
    }

    @DeleteMapping("/{opdId}/deactivation")
    @Operation(summary = "Reactivate an OPD")
    OpdView reactivate(@PathVariable String tenantId, @PathVariable String opdId) {
        return OpdView.of(registry.setActive(TenantId.parse(tenantId), OpdId.parse(opdId), true));
    }
}
