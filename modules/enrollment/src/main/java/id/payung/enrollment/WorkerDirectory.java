package id.payung.enrollment;

import id.payung.enrollment.persistence.DirectoryRows;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finding a pemda's workers for the sponsorship module's pages and bulk enrolment, whoever registered
 * them. Unlike {@link WorkerRegistration#findByNik}, an ASN sponsor finds here any worker of his pemda
 * whose full NIK he types (he is about to sponsor him), but only as a {@link WorkerCard}: name, masked
 * NIK, status. Cards are for showing to the person acting, never for storing or for events (ADR 0007);
 * the caller decides which ids a person may see the cards of.
 */
@Service
public class WorkerDirectory {

    /** The most NIKs or ids resolved in one call (an APBD cohort file of 90,000 fits). */
    public static final int MAX_BATCH = 200_000;

    private final DirectoryRows rows;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;

    WorkerDirectory(DirectoryRows rows, TenantTransactions transactions, CurrentActor currentActor) {
        this.rows = rows;
        this.transactions = transactions;
        this.currentActor = currentActor;
    }

    /** What a sponsor or an operator is shown of a worker: no birth date, address, phone or heir. */
    public record WorkerCard(UUID workerId, String name, String maskedNik, String occupationCode, WorkerStatus status) {
        @Override
        public String toString() {
            return "WorkerCard[" + workerId + ", " + status + "]";
        }
    }

    /** A worker found for a NIK of a list: his id and status. */
    public record Match(UUID workerId, WorkerStatus status) {
    }

    /** The worker of this pemda with this NIK (typed in a form or a body, never a URL), whoever registered him. */
    public Optional<WorkerCard> findByNik(TenantId tenant, String nik) {
        currentActor.get().requireAnyOf(Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        String normalized = Nik.normalize(nik);
        if (!normalized.matches("[0-9]{16}")) throw new DomainProblem(EnrollmentProblem.NIK_FORMAT, Map.of("field", "nik"));
        return transactions.readInTenant(tenant, () -> rows.cardByNik(tenant, normalized));
    }

    /** The cards of those of these workers that exist in the pemda, by id. */
    public Map<UUID, WorkerCard> cards(TenantId tenant, Collection<UUID> workerIds) {
        currentActor.get().requireAnyOf(Role.ASN_SPONSOR, Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        if (workerIds.isEmpty()) return Map.of();
        requireBatch(workerIds.size());
        Map<UUID, WorkerCard> byId = new LinkedHashMap<>();
        transactions.readInTenant(tenant, () -> rows.cards(tenant, workerIds)).forEach(c -> byId.put(c.workerId(), c));
        return byId;
    }

    /**
     * The workers of the pemda with these NIKs (normalized: spaces and dots removed), keyed by the
     * normalized NIK; a NIK of nobody here is simply absent. Disnaker operators and BPJS staff only.
     */
    public Map<String, Match> matchNiks(TenantId tenant, List<String> niks) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        if (niks.isEmpty()) return Map.of();
        requireBatch(niks.size());
        List<String> normalized = niks.stream().map(Nik::normalize).toList();
        return transactions.readInTenant(tenant, () -> rows.matchNiks(tenant, normalized));
    }

    /**
     * The workers a finished import stored (not those of its file that were registered before), in
     * registration order. Refuses an unknown import; Disnaker operators and BPJS staff only.
     */
    public List<Match> storedByImport(TenantId tenant, UUID importId) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        return transactions.readInTenant(tenant, () -> {
            if (!rows.importExists(tenant, importId)) throw new DomainProblem(EnrollmentProblem.IMPORT_NOT_FOUND, Map.of("field", "importId"));
            return rows.storedByImport(tenant, importId);
        });
    }

    private static void requireBatch(int size) {
        if (size > MAX_BATCH) throw new IllegalArgumentException("at most " + MAX_BATCH + " a call");
    }
}
