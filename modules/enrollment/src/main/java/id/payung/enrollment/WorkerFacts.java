package id.payung.enrollment;

import id.payung.enrollment.persistence.CoverageStatusRows;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Non-personal facts about a pemda's workers for the other modules (sponsorship prices a funding from
 * them, claims checks a worker belongs to the pemda, reporting attributes him to a village and an
 * occupation). Reads in the caller's tenant scope: another pemda's workers are simply not found.
 */
@Service
public class WorkerFacts {

    static final int MAX_BATCH = 10_000;

    private final CoverageStatusRows rows;
    private final TenantTransactions transactions;
    private final NikFingerprint fingerprint;

    WorkerFacts(CoverageStatusRows rows, TenantTransactions transactions, NikFingerprint fingerprint) {
        this.rows = rows;
        this.transactions = transactions;
        this.fingerprint = fingerprint;
    }

    public Optional<WorkerProfile> profile(TenantId tenant, UUID workerId) {
        return profiles(tenant, List.of(workerId)).stream().findFirst();
    }

    /** The profiles of those of these workers that exist in the pemda (at most 10,000 ids a call). */
    public List<WorkerProfile> profiles(TenantId tenant, Collection<UUID> workerIds) {
        if (workerIds.size() > MAX_BATCH) throw new IllegalArgumentException("at most " + MAX_BATCH + " ids a call");
        if (workerIds.isEmpty()) return List.of();
        return transactions.readInTenant(tenant, () -> rows.profiles(tenant, workerIds));
    }

    /**
     * Of these workers, those ENDED, with the date their end took effect (the sponsorship cycle stops
     * billing them after that month). At most 10,000 ids a call.
     */
    public Map<UUID, LocalDate> endDates(TenantId tenant, Collection<UUID> workerIds) {
        if (workerIds.size() > MAX_BATCH) throw new IllegalArgumentException("at most " + MAX_BATCH + " ids a call");
        if (workerIds.isEmpty()) return Map.of();
        return transactions.readInTenant(tenant, () -> rows.endDates(tenant, workerIds));
    }

    /**
     * A 32-byte key per worker for sponsorship's national double-funding register: the same person (NIK)
     * gives the same key in every pemda, so two pemda paying one person's month can be told without either
     * seeing the other's data. It is an HMAC of the NIK under the application secret with its own purpose
     * label: not the membership register's key (ADR 0006), and not reversible into a NIK without the
     * secret. Only workers of the pemda are answered; at most 10,000 ids a call.
     */
    public Map<UUID, byte[]> fundingRegisterKeys(TenantId tenant, Collection<UUID> workerIds) {
        if (workerIds.size() > MAX_BATCH) throw new IllegalArgumentException("at most " + MAX_BATCH + " ids a call");
        if (workerIds.isEmpty()) return Map.of();
        Map<UUID, String> niks = transactions.readInTenant(tenant, () -> rows.niks(tenant, workerIds));
        Map<UUID, byte[]> keys = new HashMap<>();
        niks.forEach((id, nik) -> keys.put(id, fingerprint.forPurpose("funding-register", nik)));
        return keys;
    }

    /**
     * The pemda's workers in id order after {@code afterWorkerId} (null: from the start), at most
     * {@code limit}: for read models rebuilt from scratch.
     */
    public List<WorkerProfile> profilesAfter(TenantId tenant, UUID afterWorkerId, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_BATCH);
        return transactions.readInTenant(tenant, () -> rows.profilesAfter(tenant, afterWorkerId, bounded));
    }
}
