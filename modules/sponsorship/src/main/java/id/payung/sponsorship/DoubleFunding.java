package id.payung.sponsorship;

import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.Role;
import id.payung.platform.CurrentActor;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.FundingRegisterRows;
import id.payung.sponsorship.persistence.InvoiceRows;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Workers funded twice for one month, shown to the Disnaker operator and BPJS staff:
 * <ul>
 *   <li>within the pemda: due or paid by more than one of its programs that month (each program's name);</li>
 *   <li>across pemda: paid by this pemda and by another one the same month, from the national register
 *   of paid person-months (V14), which answers only "also funded elsewhere" — never which pemda, never
 *   anything of a person this pemda did not pay for. The other pemda sees the same flag on its side.</li>
 * </ul>
 */
@Service
public class DoubleFunding {

    private final FundingRegisterRows rows;
    private final InvoiceRows invoiceRows;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;

    DoubleFunding(FundingRegisterRows rows, InvoiceRows invoiceRows, TenantTransactions transactions, CurrentActor currentActor) {
        this.rows = rows;
        this.invoiceRows = invoiceRows;
        this.transactions = transactions;
        this.currentActor = currentActor;
    }

    /** One worker funded by several programs of the pemda in the month: the programs due and those that paid. */
    public record InPemda(UUID workerId, List<String> programsDue, List<String> programsPaid) {
    }

    public record Report(YearMonth period, Page<InPemda> inPemda, List<UUID> fundedElsewhere) {
    }

    public Report report(TenantId tenant, String periodText, PageRequest page) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        YearMonth period = ContributionPeriods.parseOrCurrent(periodText);
        return transactions.readInTenant(tenant, () -> {
            Map<UUID, String> names = invoiceRows.programs(tenant).stream()
                    .collect(Collectors.toMap(InvoiceRows.ProgramRow::programId, InvoiceRows.ProgramRow::name));
            var items = rows.doubleFunded(tenant, period, page.offset(), page.size()).stream()
                    .map(r -> new InPemda(r.workerId(), r.programsDue().stream().map(id -> names.getOrDefault(id, id.toString())).toList(),
                            r.programsPaid().stream().map(id -> names.getOrDefault(id, id.toString())).toList()))
                    .toList();
            return new Report(period, new Page<>(items, page.page(), page.size(), rows.doubleFundedCount(tenant, period)),
                    rows.fundedElsewhere(tenant, period));
        });
    }
}
