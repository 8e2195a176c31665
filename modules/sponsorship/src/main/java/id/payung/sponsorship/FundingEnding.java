package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.sponsorship.persistence.FundingRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.Map;

/**
 * Ends one funding from a month, inside the caller's tenant transaction: the funding's last month
 * becomes the month before, or, when it had not begun, it is cancelled (last = the month before its
 * first). Audited, announced with {@link SponsorshipEnded}.
 */
@Component
class FundingEnding {

    private final FundingRows fundings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    FundingEnding(FundingRows fundings, AuditTrail audit, ApplicationEventPublisher events) {
        this.fundings = fundings;
        this.audit = audit;
        this.events = events;
    }

    /** The funding, locked; refused when it already ends before {@code from}. */
    Funding endFrom(TenantId tenant, Funding locked, YearMonth from, Actor actor, String reason) {
        if (locked.isCancelled() || (locked.lastPeriod() != null && locked.lastPeriod().isBefore(from))) {
            YearMonth after = locked.isCancelled() ? locked.firstPeriod() : locked.lastPeriod().plusMonths(1);
            throw new DomainProblem(SponsorshipProblem.FUNDING_ALREADY_ENDED, Map.of("field", "fromPeriod"), after);
        }
        YearMonth last = FundingPrograms.max(from.minusMonths(1), locked.firstPeriod().minusMonths(1));
        fundings.end(tenant, locked.id(), last, actor.subject(), reason);
        audit.record("funding.ended", "funding", locked.id(),
                Map.of("program", locked.programId().toString(), "lastPeriod", last.toString(),
                        "cancelled", last.isBefore(locked.firstPeriod())));
        events.publishEvent(new SponsorshipEnded(tenant, locked.id(), locked.programId(), locked.workerId(), last));
        return fundings.find(tenant, locked.id()).orElseThrow();
    }
}
