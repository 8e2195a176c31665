package id.payung.sponsorship.web;

import id.payung.platform.TenantId;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.OpdParticipation;
import id.payung.sponsorship.OpdParticipation.OpdStanding;
import id.payung.sponsorship.OpdParticipation.OwnOpd;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/opd-participation")
@Tag(name = "OPD participation", description = "ASN taking part in sponsorship per OPD, ranked, with compliance to the policy")
class ParticipationApiController {

    private final OpdParticipation participation;

    ParticipationApiController(OpdParticipation participation) {
        this.participation = participation;
    }

    @GetMapping
    @Operation(summary = "Every OPD ranked for a month (default: this month): head of region, Disnaker operator, BPJS staff")
    List<OpdStanding> ranking(@PathVariable String tenantId, @RequestParam(required = false) YearMonth month) {
        return participation.ranking(TenantId.parse(tenantId), month == null ? FundingPrograms.currentMonth() : month);
    }

    @GetMapping("/mine")
    @Operation(summary = "The OPD head's own OPD: its standing and its ASN not yet taking part")
    OwnOpd mine(@PathVariable String tenantId, @RequestParam(required = false) YearMonth month) {
        return participation.ownOpd(TenantId.parse(tenantId), month == null ? FundingPrograms.currentMonth() : month);
    }
}
