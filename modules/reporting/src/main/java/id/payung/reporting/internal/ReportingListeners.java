package id.payung.reporting.internal;

import id.payung.claims.ClaimsEvents.ClaimDecided;
import id.payung.claims.ClaimsEvents.ClaimFiled;
import id.payung.claims.ClaimsEvents.ClaimPaid;
import id.payung.enrollment.EnrollmentEvents.WorkerDeactivated;
import id.payung.enrollment.EnrollmentEvents.WorkerRegistered;
import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.EnrollmentEvents.WorkersActivated;
import id.payung.enrollment.EnrollmentEvents.WorkersImported;
import id.payung.enrollment.EnrollmentEvents.WorkersLapsed;
import id.payung.platform.SystemWork;
import id.payung.sponsorship.SponsorshipEvents.ContributionPaid;
import id.payung.sponsorship.SponsorshipEvents.CoverageLapsed;
import id.payung.sponsorship.SponsorshipEvents.DeductionListApproved;
import id.payung.sponsorship.SponsorshipEvents.FundingProgramCreated;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.tenancy.TenancyEvents.OpdRegistered;
import id.payung.tenancy.TenancyEvents.TargetSet;
import id.payung.tenancy.TenancyEvents.TenantOnboarded;
import id.payung.tenancy.TenancyEvents.TenantReactivated;
import id.payung.tenancy.TenancyEvents.TenantSuspended;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Feeds the read models from every module's events, after the publishing transaction committed. Each
 * listener runs as the system in its own pemda transaction; a failure leaves the publication incomplete
 * so the event publication registry delivers it again, and a repeated delivery changes no figure.
 */
@Component
class ReportingListeners {

    private final Projector projector;

    ReportingListeners(Projector projector) {
        this.projector = projector;
    }

    // tenancy

    @ApplicationModuleListener
    void on(TenantOnboarded event) {
        SystemWork.run("reporting", () -> projector.pemdaChanged(event.tenantId()));
    }

    @ApplicationModuleListener
    void on(TargetSet event) {
        SystemWork.run("reporting", () -> projector.targetSet(event.tenantId(), event.coverageTargetPercent(), event.potentialWorkers()));
    }

    @ApplicationModuleListener
    void on(TenantSuspended event) {
        SystemWork.run("reporting", () -> projector.pemdaChanged(event.tenantId()));
    }

    @ApplicationModuleListener
    void on(TenantReactivated event) {
        SystemWork.run("reporting", () -> projector.pemdaChanged(event.tenantId()));
    }

    @ApplicationModuleListener
    void on(OpdRegistered event) {
        SystemWork.run("reporting", () -> projector.opdRegistered(event.tenantId(), event.opdId().value()));
    }

    // enrollment

    @ApplicationModuleListener
    void on(WorkerRegistered event) {
        SystemWork.run("reporting", () -> projector.workersRegistered(event.tenantId(), List.of(event.workerId())));
    }

    @ApplicationModuleListener
    void on(WorkerVerified event) {
        SystemWork.run("reporting", () -> projector.workerVerified(event.tenantId(), event.workerId()));
    }

    @ApplicationModuleListener
    void on(WorkerDeactivated event) {
        SystemWork.run("reporting", () -> projector.workerDeactivated(event.tenantId(), event.workerId()));
    }

    /**
     * The event names the import, not its workers, and enrollment publishes no list of an import's
     * workers: the pemda's workers are brought in line with enrollment's published facts instead
     * ({@code WorkerFacts.profilesAfter}), which adds exactly the imported ones.
     */
    @ApplicationModuleListener
    void on(WorkersImported event) {
        SystemWork.run("reporting", () -> projector.resyncWorkers(event.tenantId()));
    }

    @ApplicationModuleListener
    void on(WorkersActivated event) {
        SystemWork.run("reporting", () -> projector.workersActivated(event.tenantId(), event.period(), event.workerIds()));
    }

    @ApplicationModuleListener
    void on(WorkersLapsed event) {
        SystemWork.run("reporting", () -> projector.workersLapsed(event.tenantId(), event.period(), event.workerIds()));
    }

    // sponsorship

    @ApplicationModuleListener
    void on(FundingProgramCreated event) {
        SystemWork.run("reporting", () -> projector.programCreated(event.tenantId(), event.programId(), event.kind().name()));
    }

    @ApplicationModuleListener
    void on(SponsorshipStarted event) {
        SystemWork.run("reporting", () -> projector.sponsorshipStarted(event.tenantId(), event.fundingId(), event.programId(),
                event.workerId(), event.sponsorLinkId(), event.opdId(), event.firstPeriod()));
    }

    @ApplicationModuleListener
    void on(SponsorshipEnded event) {
        SystemWork.run("reporting", () -> projector.sponsorshipEnded(event.tenantId(), event.fundingId(), event.programId(),
                event.workerId(), event.lastPeriod()));
    }

    @ApplicationModuleListener
    void on(DeductionListApproved event) {
        SystemWork.run("reporting", () -> projector.deductionListApproved(event.tenantId(), event.listId(), event.opdId(),
                event.period(), event.sponsors(), event.workers(), event.amount()));
    }

    @ApplicationModuleListener
    void on(ContributionPaid event) {
        SystemWork.run("reporting", () -> projector.contributionPaid(event.tenantId(), event.paymentId(), event.programId(),
                event.period(), event.workers(), event.amount()));
    }

    /** The same lapse as enrollment's WorkersLapsed, told by the ledger; whichever comes first applies it. */
    @ApplicationModuleListener
    void on(CoverageLapsed event) {
        SystemWork.run("reporting", () -> projector.workersLapsed(event.tenantId(), event.period(), event.workerIds()));
    }

    // claims

    @ApplicationModuleListener
    void on(ClaimFiled event) {
        SystemWork.run("reporting", () -> projector.claimFiled(event.tenantId(), event.claimId(), event.workerId(),
                event.kind().name(), event.incidentDate()));
    }

    @ApplicationModuleListener
    void on(ClaimDecided event) {
        SystemWork.run("reporting", () -> projector.claimDecided(event.tenantId(), event.claimId(), event.kind().name(),
                event.approved(), event.approvedAmount()));
    }

    @ApplicationModuleListener
    void on(ClaimPaid event) {
        SystemWork.run("reporting", () -> projector.claimPaid(event.tenantId(), event.claimId(), event.kind().name(),
                event.amount(), event.paidOn(), event.workingDaysToPay()));
    }
}
