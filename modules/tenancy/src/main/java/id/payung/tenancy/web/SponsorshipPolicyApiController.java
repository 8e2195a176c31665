package id.payung.tenancy.web;

import id.payung.platform.TenantId;
import id.payung.tenancy.SponsorshipPolicies;
import id.payung.tenancy.SponsorshipPolicies.Policy;
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
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/sponsorship-policy")
@Tag(name = "Sponsorship policy", description = "The head of region's rule: every ASN sponsors at least N workers from a month")
class SponsorshipPolicyApiController {

    private final SponsorshipPolicies policies;

    SponsorshipPolicyApiController(SponsorshipPolicies policies) {
        this.policies = policies;
    }

    record PolicyView(String id, YearMonth validFrom, int minimumWorkers, String setByName, OffsetDateTime setAt) {
        static PolicyView of(Policy p) {
            return new PolicyView(p.id().toString(), p.validFrom(), p.minimumWorkers(), p.setByName(), p.setAt());
        }
    }

    record PolicyOverview(YearMonth month, PolicyView inForce, List<PolicyView> history) {
    }

    /** Text, so that a bad value is explained rather than refused by the JSON binder. */
    record PolicyRequest(String validFrom, String minimumWorkers) {
    }

    @GetMapping
    @Operation(summary = "The policy in force in a month (default: this month) and every policy set, the latest first")
    PolicyOverview get(@PathVariable String tenantId, @RequestParam(required = false) YearMonth month) {
        TenantId tenant = TenantId.parse(tenantId);
        YearMonth at = month == null ? SponsorshipPolicies.currentMonth() : month;
        return new PolicyOverview(at, policies.inForce(tenant, at).map(PolicyView::of).orElse(null),
                policies.history(tenant).stream().map(PolicyView::of).toList());
    }

    @PostMapping
    @Operation(summary = "Set the policy from a month (this month or later): head of region only")
    ResponseEntity<PolicyView> set(@PathVariable String tenantId, @RequestBody PolicyRequest request) {
        Policy policy = policies.set(TenantId.parse(tenantId), request.validFrom(), request.minimumWorkers());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/sponsorship-policy")).body(PolicyView.of(policy));
    }
}
