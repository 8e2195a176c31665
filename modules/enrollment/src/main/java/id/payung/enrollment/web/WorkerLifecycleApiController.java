package id.payung.enrollment.web;

import id.payung.enrollment.Worker;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerLifecycle.Deactivation;
import id.payung.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The lifecycle of a worker's registration: verification with a KPJ, deactivation and end, reactivation. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/workers")
@Tag(name = "Workers", description = "Registration of vulnerable workers (BPU) of a pemda")
class WorkerLifecycleApiController {

    private final WorkerLifecycle lifecycle;

    WorkerLifecycleApiController(WorkerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    record VerificationRequest(String kpj) {
    }

    record DeactivationRequest(String status, String reason, String note, String date) {
    }

    record ReactivationRequest(String reason) {
    }

    /** The worker's state after the change; no NIK. */
    record StatusView(String id, String status, String kpj) {
        static StatusView of(Worker w) {
            return new StatusView(w.id().toString(), w.status().name(), w.kpj());
        }
    }

    record LookupRequest(String nik) {
    }

    @PostMapping("/membership-lookup")
    @Operation(summary = "BPJS staff of the administering office: where is this NIK (in the body) registered nationally? "
            + "The owning pemda's name, or registered=false; audited in this pemda without the NIK")
    WorkerLifecycle.MembershipLookup whereRegistered(@PathVariable String tenantId, @RequestBody LookupRequest request) {
        return lifecycle.whereRegistered(TenantId.parse(tenantId), request == null ? null : request.nik());
    }

    @PostMapping("/{workerId}/verification")
    @Operation(summary = "BPJS staff of the administering office record the KPJ of a REGISTERED worker: VERIFIED. "
            + "400 malformed KPJ, 409 KPJ used by another worker of the pemda or worker not REGISTERED")
    StatusView verify(@PathVariable String tenantId, @PathVariable UUID workerId, @RequestBody VerificationRequest request) {
        return StatusView.of(lifecycle.verify(TenantId.parse(tenantId), workerId, request == null ? null : request.kpj()));
    }

    @PostMapping("/{workerId}/deactivation")
    @Operation(summary = "A Disnaker operator or BPJS staff make a worker INACTIVE or ENDED with a reason "
            + "(MENINGGAL, PINDAH_DOMISILI, BERHENTI_BEKERJA, PERMINTAAN_SENDIRI, LAINNYA + note) and a date "
            + "not in the future; ENDED releases the national membership")
    StatusView deactivate(@PathVariable String tenantId, @PathVariable UUID workerId, @RequestBody DeactivationRequest request) {
        DeactivationRequest r = request == null ? new DeactivationRequest(null, null, null, null) : request;
        return StatusView.of(lifecycle.deactivate(TenantId.parse(tenantId), workerId,
                new Deactivation(r.status(), r.reason(), r.note(), r.date())));
    }

    @PostMapping("/{workerId}/reactivation")
    @Operation(summary = "A Disnaker operator or BPJS staff bring an INACTIVE worker back, with a reason (max 300 characters): "
            + "VERIFIED if he has a KPJ, else REGISTERED; ACTIVE again with the next paid contribution. 409 if not INACTIVE. "
            + "An ENDED worker comes back by registering him again (POST /workers with his NIK)")
    StatusView reactivate(@PathVariable String tenantId, @PathVariable UUID workerId, @RequestBody ReactivationRequest request) {
        return StatusView.of(lifecycle.reactivate(TenantId.parse(tenantId), workerId, request == null ? null : request.reason()));
    }
}
