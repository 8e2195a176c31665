package id.payung.enrollment.web;

import id.payung.enrollment.EnrollmentProblem;
import id.payung.enrollment.Heir;
import id.payung.enrollment.IncomeLevel;
import id.payung.enrollment.Occupation;
import id.payung.enrollment.Worker;
import id.payung.enrollment.WorkerHistoryEntry;
import id.payung.enrollment.WorkerQuery;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.platform.DomainProblem;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Workers of a pemda. A NIK travels only in request and response bodies, never in a URL. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/workers")
@Tag(name = "Workers", description = "Registration of vulnerable workers (BPU) of a pemda")
class WorkerApiController {

    private final WorkerRegistration registration;

    WorkerApiController(WorkerRegistration registration) {
        this.registration = registration;
    }

    record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
        }
    }

    /** A worker in a list: the NIK masked. */
    record WorkerSummary(String id, String maskedNik, String name, String villageCode, String occupationCode,
                         String status, String kpj) {
        static WorkerSummary of(Worker w) {
            return new WorkerSummary(w.id().toString(), w.maskedNik(), w.name(), w.villageCode().value(),
                    w.occupationCode(), w.status().name(), w.kpj());
        }
    }

    record HeirView(int position, String name, String relationship, String nik) {
        static HeirView of(Heir h) {
            return new HeirView(h.position(), h.name(), h.relationship().name(), h.nik());
        }
    }

    record HistoryView(OffsetDateTime occurredAt, String actorName, String action, String status) {
        static HistoryView of(WorkerHistoryEntry e) {
            return new HistoryView(e.occurredAt(), e.actorName(), e.action(), e.status().name());
        }
    }

    record WorkerView(String id, String nik, String name, LocalDate birthDate, String sex, String address,
                      String villageCode, String phone, String occupationCode, String incomeLevelCode,
                      Long declaredIncome, Long jkkPremium, String status, String kpj, OffsetDateTime registeredAt,
                      List<HeirView> heirs, List<HistoryView> history) {
    }

    record RegistrationRequest(String nik, String name, String birthDate, String sex, String address,
                               String villageCode, String phone, String occupationCode, String incomeLevelCode,
                               List<HeirDetails> heirs) {
        Application toApplication() {
            return new Application(nik, name, birthDate, sex, address, villageCode, phone, occupationCode, incomeLevelCode, heirs);
        }
    }

    record NikSearch(String nik) {
    }

    record ReferenceData(List<Occupation> occupations, List<IncomeLevel> incomeLevels) {
    }

    @GetMapping
    @Operation(summary = "Workers of the pemda by name, filtered by name, KPJ, village (prefix), occupation, status; NIK masked")
    PageView<WorkerSummary> list(@PathVariable String tenantId, @RequestParam(required = false) String name,
                                 @RequestParam(required = false) String kpj, @RequestParam(required = false) String village,
                                 @RequestParam(required = false) String occupation, @RequestParam(required = false) String status,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(registration.list(TenantId.parse(tenantId), new WorkerQuery(name, kpj, village, occupation, status),
                PageRequest.of(page, size)).map(WorkerSummary::of));
    }

    @PostMapping
    @Operation(summary = "Register a worker (ASN sponsor, Disnaker operator, BPJS staff): 201 when registered, "
            + "200 with the existing worker when the NIK is registered in this pemda already, 409 when in another program")
    ResponseEntity<WorkerView> register(@PathVariable String tenantId, @RequestBody RegistrationRequest request) {
        TenantId tenant = TenantId.parse(tenantId);
        var outcome = registration.register(tenant, request.toApplication());
        WorkerView view = view(tenant, outcome.worker().id());
        if (!outcome.created()) return ResponseEntity.ok(view);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/workers/" + view.id())).body(view);
    }

    @PostMapping("/nik-search")
    @Operation(summary = "Find the pemda's worker with a NIK (in the body, never in a URL)")
    WorkerSummary findByNik(@PathVariable String tenantId, @RequestBody NikSearch search) {
        return registration.findByNik(TenantId.parse(tenantId), search == null ? null : search.nik())
                .map(WorkerSummary::of).orElseThrow(() -> new DomainProblem(EnrollmentProblem.WORKER_NOT_FOUND));
    }

    @GetMapping("/reference-data")
    @Operation(summary = "Occupations and declared income levels in force today")
    ReferenceData referenceData(@PathVariable String tenantId) {
        TenantId tenant = TenantId.parse(tenantId);
        return new ReferenceData(registration.occupations(tenant), registration.incomeLevels(tenant));
    }

    @GetMapping("/{workerId}")
    @Operation(summary = "A worker with heirs and history")
    WorkerView get(@PathVariable String tenantId, @PathVariable UUID workerId) {
        return view(TenantId.parse(tenantId), workerId);
    }

    private WorkerView view(TenantId tenant, UUID workerId) {
        var d = registration.get(tenant, workerId);
        Worker w = d.worker();
        return new WorkerView(w.id().toString(), w.nik(), w.name(), w.birthDate(), w.sex().name(), w.address(),
                w.villageCode().value(), w.phone(), w.occupationCode(), w.incomeLevelCode(),
                d.incomeLevel().map(IncomeLevel::income).orElse(null), d.incomeLevel().map(IncomeLevel::jkkPremium).orElse(null),
                w.status().name(), w.kpj(), w.registeredAt(),
                d.heirs().stream().map(HeirView::of).toList(), d.history().stream().map(HistoryView::of).toList());
    }
}
