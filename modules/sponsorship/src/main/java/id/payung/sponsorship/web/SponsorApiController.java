package id.payung.sponsorship.web;

import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.TenantId;
import id.payung.sponsorship.AsnSponsorships;
import id.payung.sponsorship.AsnSponsorships.ConsentPreview;
import id.payung.sponsorship.AsnSponsorships.MonthlyDeduction;
import id.payung.sponsorship.AsnSponsorships.Proposal;
import id.payung.sponsorship.DeductionConsent;
import id.payung.sponsorship.Funding;
import id.payung.sponsorship.web.ApiViews.FundingView;
import id.payung.sponsorship.web.ApiViews.ProgramView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The signed-in ASN sponsor's own sponsorships. The worker's NIK travels only in request bodies. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/my-sponsorships")
@Tag(name = "My sponsorships", description = "An ASN sponsor's workers, his consent to the TPP deduction and what will be deducted")
class SponsorApiController {

    private final AsnSponsorships sponsorships;

    SponsorApiController(AsnSponsorships sponsorships) {
        this.sponsorships = sponsorships;
    }

    record SponsoredWorkerView(FundingView funding, String workerName, String maskedNik, String workerStatus) {
    }

    record OverviewView(String nip, String sponsorName, ProgramView program, List<SponsoredWorkerView> workers,
                        List<MonthlyDeduction> deductions) {
    }

    /** mode EXISTING (nik) or NEW (nik and newWorker with the registration fields); relationship; firstPeriod YYYY-MM. */
    record ProposalRequest(String mode, String nik, WorkerRegistration.Application newWorker, String relationship, String firstPeriod) {
        Proposal toProposal() {
            WorkerRegistration.Application worker = newWorker == null ? null : new WorkerRegistration.Application(nik,
                    newWorker.name(), newWorker.birthDate(), newWorker.sex(), newWorker.address(), newWorker.villageCode(),
                    newWorker.phone(), newWorker.occupationCode(), newWorker.incomeLevelCode(), newWorker.heirs());
            return new Proposal(mode, nik, worker, relationship, firstPeriod);
        }
    }

    record StartRequest(String mode, String nik, WorkerRegistration.Application newWorker, String relationship, String firstPeriod,
                        String consentSha256, Boolean consentGiven) {
    }

    record EndRequest(String fromPeriod) {
    }

    @GetMapping
    @Operation(summary = "My workers and what will be deducted from my TPP in the coming 12 months, per worker and in total")
    OverviewView overview(@PathVariable String tenantId) {
        var o = sponsorships.overview(TenantId.parse(tenantId));
        return new OverviewView(o.link().nip(), o.sponsorName(), o.program() == null ? null : ProgramView.of(o.program()),
                o.workers().stream().map(w -> new SponsoredWorkerView(FundingView.of(w.funding()),
                        w.worker() == null ? null : w.worker().name(), w.worker() == null ? null : w.worker().maskedNik(),
                        w.worker() == null ? null : w.worker().status().name())).toList(),
                o.deductions());
    }

    @PostMapping("/consent-preview")
    @Operation(summary = "Check a proposed sponsorship and get the exact consent text (language from Accept-Language) with its SHA-256; stores nothing")
    ConsentPreview preview(@PathVariable String tenantId, @RequestBody ProposalRequest request) {
        return sponsorships.preview(TenantId.parse(tenantId), request.toProposal(), LocaleContextHolder.getLocale());
    }

    @PostMapping
    @Operation(summary = "Start the sponsorship with consentGiven=true and the consentSha256 of the previewed text (409 consent-text-changed when it now reads differently)")
    ResponseEntity<FundingView> start(@PathVariable String tenantId, @RequestBody StartRequest request) {
        var proposal = new ProposalRequest(request.mode(), request.nik(), request.newWorker(), request.relationship(), request.firstPeriod());
        Funding funding = sponsorships.start(TenantId.parse(tenantId), proposal.toProposal(), request.consentSha256(),
                Boolean.TRUE.equals(request.consentGiven()), LocaleContextHolder.getLocale());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/my-sponsorships/" + funding.id() + "/consent"))
                .body(FundingView.of(funding));
    }

    @PostMapping("/{fundingId}/end")
    @Operation(summary = "End one of my sponsorships from a month (this month or later); not begun yet: cancelled")
    FundingView end(@PathVariable String tenantId, @PathVariable UUID fundingId, @RequestBody EndRequest request) {
        return FundingView.of(sponsorships.end(TenantId.parse(tenantId), fundingId, request.fromPeriod()));
    }

    @GetMapping("/{fundingId}/consent")
    @Operation(summary = "The consent I gave for one of my sponsorships, as stored")
    DeductionConsent consent(@PathVariable String tenantId, @PathVariable UUID fundingId) {
        return sponsorships.consent(TenantId.parse(tenantId), fundingId);
    }
}
