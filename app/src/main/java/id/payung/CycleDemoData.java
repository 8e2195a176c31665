package id.payung;

import id.payung.platform.Actor;
import id.payung.platform.DomainProblem;
import id.payung.platform.RegionCode;
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
 * The monthly cycle in the demo, once the demo pemda and their fundings are loaded ({@link DemoData}): for
 * each demo pemda the current month (when its demo fundings start) is run through the same services the
 * Disnaker operator's page calls; the demo head of the Disnaker approves his OPD's list (Kota Sukabumi's
 * ASN sponsorship); every invoice that can be issued is; Sumatera Selatan's APBD cohort invoice is paid by
 * hand, Kota Sukabumi's ASN invoice waits for BPJS's confirmation file. A month already run is left alone,
 * so restarting the demo changes nothing.
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
        YearMonth current = YearMonth.now(ZONE);
        for (DemoData.DemoPemda pemda : DemoData.PEMDA) {
            TenantId tenant = TenantAdministration.tenantIdFor(RegionCode.parse(pemda.regionCode()));
            try {
                load(pemda, tenant, current);
            } catch (DomainProblem problem) {
                log.warn("Demo contribution cycle of {} not loaded: {}", pemda.regionCode(), problem.getMessage());
            }
        }
    }

    /**
     * The current month of one demo pemda (the demo fundings start this month): run, the Disnaker head's
     * approval, every invoice that can be issued; Sumatera Selatan's cohort invoice is then paid by hand.
     */
    private void load(DemoData.DemoPemda pemda, TenantId tenant, YearMonth month) {
        Actor operator = new Actor("demo-data:operator", "Operator Disnaker (demo)", Set.of(Role.DISNAKER_OPERATOR),
                Optional.of(tenant), Optional.empty(), Actor.Kind.PERSON);
        Actor head = new Actor(DemoData.demoUserId("opd." + pemda.loginSlug()), "opd." + pemda.loginSlug(),
                Set.of(Role.OPD_HEAD, Role.ASN_SPONSOR), Optional.of(tenant), Optional.empty(), Actor.Kind.PERSON);
        if (!SystemWork.callAs(operator, () -> cycle.runs(tenant, month.toString())).isEmpty()) return;
        if (!runToTheEnd(operator, tenant, month)) return;
        try {
            for (DeductionList list : SystemWork.callAs(head, () -> lists.ofPeriod(tenant, month.toString()))) {
                SystemWork.callAs(head, () -> lists.approve(tenant, list.id(), list.revision()));
            }
        } catch (DomainProblem noLinkedHead) {
            // the demo OPD head is linked only when Keycloak was running as the demo pemda were loaded
            log.info("Demo deduction lists of {} left for approval ({})", pemda.regionCode(), noLinkedHead.getMessage());
        }
        for (var program : SystemWork.callAs(operator, () -> cycle.overview(tenant, month.toString())).programs()) {
            if (program.invoice().isPresent() || program.workers() == 0) continue;
            try {
                Invoice invoice = SystemWork.callAs(operator, () -> invoices.issue(tenant, program.programId().toString(), month.toString()));
                if (pemda.loginSlug().equals("provsumsel")) {
                    SystemWork.callAs(operator, () -> payments.recordManual(tenant, invoice.id(), Long.toString(invoice.amount()),
                            "DEMO-TRF-" + invoice.number()));
                }
            } catch (DomainProblem notYet) {
                // e.g. the ASN program while other OPDs' lists wait for their heads: the page says so
                log.info("Demo invoice of {} not issued ({})", program.programName(), notYet.getMessage());
            }
        }
        log.info("Demo contribution cycle {} of {} loaded", month, pemda.regionCode());
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
