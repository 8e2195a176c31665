package id.payung;

import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.sponsorship.CycleRun;
import id.payung.sponsorship.DeductionList;
import id.payung.sponsorship.DeductionLists;
import id.payung.sponsorship.Invoice;
import id.payung.sponsorship.Invoices;
import id.payung.sponsorship.MonthlyCycle;
import id.payung.sponsorship.Payments;
import id.payung.tenancy.TenantAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly cycle in the demo, once the demo pemda and their fundings are loaded ({@link DemoData} and
 * the funding programs' demo data): for Kota Sukabumi, the two months before the current one and the
 * current one are run through the same services the Disnaker operator's page calls; the demo OPD head of
 * the Disnaker approves his OPD's lists; every invoice that can be issued is; and the oldest month is paid
 * by hand, which makes its workers active. Other OPDs' lists stay waiting for their heads. A month already
 * run is left alone, so restarting the demo changes nothing.
 */
@Component
@Profile("demo")
class CycleDemoData {

    private static final Logger log = LoggerFactory.getLogger(CycleDemoData.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private final MonthlyCycle cycle;
    private final DeductionLists lists;
    private final Invoices invoices;
    private final Payments payments;

    CycleDemoData(MonthlyCycle cycle, DeductionLists lists, Invoices invoices, Payments payments) {
        this.cycle = cycle;
        this.lists = lists;
        this.invoices = invoices;
        this.payments = payments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        TenantId kotaSukabumi = TenantAdministration.tenantIdFor(id.payung.platform.RegionCode.parse("32.72"));
        YearMonth current = YearMonth.now(ZONE);
        Actor operator = new Actor("demo-data:operator", "Operator Disnaker (demo)", Set.of(Role.DISNAKER_OPERATOR),
                Optional.of(kotaSukabumi), Optional.empty(), Actor.Kind.PERSON);
        Actor head = new Actor(DemoData.demoUserId("opd.kotasukabumi"), "opd.kotasukabumi", Set.of(Role.OPD_HEAD, Role.ASN_SPONSOR),
                Optional.of(kotaSukabumi), Optional.empty(), Actor.Kind.PERSON);
        try {
            for (YearMonth period = current.minusMonths(2); !period.isAfter(current); period = period.plusMonths(1)) {
                YearMonth month = period;
                if (!SystemWork.callAs(operator, () -> cycle.runs(kotaSukabumi, month.toString())).isEmpty()) continue;
                if (!runToTheEnd(operator, kotaSukabumi, month)) return;
                try {
                    for (DeductionList list : SystemWork.callAs(head, () -> lists.ofPeriod(kotaSukabumi, month.toString()))) {
                        SystemWork.callAs(head, () -> lists.approve(kotaSukabumi, list.id(), list.revision()));
                    }
                } catch (DomainProblem noLinkedHead) {
                    // the demo OPD head is linked only when Keycloak was running as the demo pemda were loaded
                    log.info("Demo deduction lists of {} left for approval ({})", month, noLinkedHead.getMessage());
                }
                for (var program : SystemWork.callAs(operator, () -> cycle.overview(kotaSukabumi, month.toString())).programs()) {
                    if (program.invoice().isPresent() || program.workers() == 0) continue;
                    try {
                        Invoice invoice = SystemWork.callAs(operator, () -> invoices.issue(kotaSukabumi, program.programId().toString(), month.toString()));
                        if (month.equals(current.minusMonths(2))) {
                            SystemWork.callAs(operator, () -> payments.recordManual(kotaSukabumi, invoice.id(),
                                    Long.toString(invoice.amount()), "DEMO-TRF-" + invoice.number()));
                        }
                    } catch (DomainProblem notYet) {
                        // e.g. the ASN program while other OPDs' lists wait for their heads: shown as such on the page
                    }
                }
            }
            log.info("Demo contribution cycle of Kota Sukabumi loaded");
        } catch (DomainProblem problem) {
            log.warn("Demo contribution cycle not loaded: {}", problem.getMessage());
        }
    }

    private boolean runToTheEnd(Actor operator, TenantId tenant, YearMonth period) {
        CycleRun run = SystemWork.callAs(operator, () -> cycle.start(tenant, period.toString()));
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!run.finished() && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            CycleRun id = run;
            run = SystemWork.callAs(operator, () -> cycle.run(tenant, id.id()));
        }
        return run.status() == CycleRun.Status.COMPLETED;
    }
}
