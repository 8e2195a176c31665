package id.payung.tenancy;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.InvalidInput;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.TenancyEvents.SponsorshipPolicySet;
import id.payung.tenancy.persistence.PolicyRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The head of region's sponsorship policy: "every ASN sponsors at least N workers from month M". Dated:
 * setting a policy adds a row from its month and keeps the earlier ones as history; the policy in force
 * in a month is the latest row that has begun by then. Everyone of the pemda may read it; only the head
 * of region sets it, and never for a month already begun before this one (compliance of past months
 * must not change afterwards).
 */
@Service
public class SponsorshipPolicies {

    /** The most workers a policy may require of each ASN. */
    public static final int MAX_MINIMUM = 20;

    private final PolicyRows rows;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    SponsorshipPolicies(PolicyRows rows, TenantAdministration tenants, TenantTransactions transactions,
                        CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events) {
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** One policy row: from {@code validFrom} every ASN sponsors at least {@code minimumWorkers} workers. */
    public record Policy(UUID id, YearMonth validFrom, int minimumWorkers, String setByName, OffsetDateTime setAt) {
    }

    /** The current month in the pemda's time zone (Indonesia's western time; months change at the same day everywhere that matters here). */
    public static YearMonth currentMonth() {
        return YearMonth.now(ZoneId.of("Asia/Jakarta"));
    }

    /** The policy in force in {@code month}, if any was ever set by then. */
    public Optional<Policy> inForce(TenantId tenant, YearMonth month) {
        return transactions.readInTenant(tenant, () -> rows.inForce(tenant, month));
    }

    /** Every policy row, the latest first. */
    public List<Policy> history(TenantId tenant) {
        return transactions.readInTenant(tenant, () -> rows.history(tenant));
    }

    /**
     * Sets the policy from {@code fromMonth} (YYYY-MM, this month or later) with {@code minimumWorkers}
     * (0 to {@value #MAX_MINIMUM}; 0 withdraws the duty). Head of region only.
     */
    public Policy set(TenantId tenant, String fromMonth, String minimumWorkers) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.KEPALA_DAERAH);
        var checks = InvalidInput.checks();
        YearMonth from = null;
        if (fromMonth == null || fromMonth.isBlank()) checks.require(false, "validFrom", TenancyProblem.REQUIRED);
        else {
            try {
                from = YearMonth.parse(fromMonth.strip());
            } catch (DateTimeParseException e) {
                checks.require(false, "validFrom", TenancyProblem.POLICY_MONTH_INVALID, fromMonth.strip());
            }
        }
        YearMonth now = currentMonth();
        if (from != null) checks.require(!from.isBefore(now), "validFrom", TenancyProblem.POLICY_MONTH_PAST, from, now);
        if (from != null) checks.require(!from.isAfter(now.plusYears(2)), "validFrom", TenancyProblem.POLICY_MONTH_TOO_FAR, from);
        Integer minimum = null;
        if (minimumWorkers == null || minimumWorkers.isBlank()) checks.require(false, "minimumWorkers", TenancyProblem.REQUIRED);
        else {
            try {
                minimum = Integer.parseInt(minimumWorkers.strip());
            } catch (NumberFormatException e) {
                minimum = -1;
            }
            checks.require(minimum >= 0 && minimum <= MAX_MINIMUM, "minimumWorkers", TenancyProblem.POLICY_MINIMUM_INVALID, 0, MAX_MINIMUM);
        }
        checks.throwIfAny();
        YearMonth validFrom = from;
        int minimumCount = minimum;
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            UUID id = UUID.randomUUID();
            rows.insert(tenant, id, validFrom, minimumCount, actor.subject(), actor.displayName());
            audit.record("sponsorship-policy.set", "sponsorship-policy", id,
                    Map.of("validFrom", validFrom.toString(), "minimumWorkers", minimumCount));
            events.publishEvent(new SponsorshipPolicySet(tenant, id, validFrom, minimumCount));
            return rows.find(tenant, id).orElseThrow();
        });
    }
}
