package id.payung.enrollment;

import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know of a worker (ADR 0007): classification and cover facts, never a NIK, a
 * name, an address, a phone or an heir. {@code declaredIncome} is the income of his Lampiran II level
 * valid today; {@code transportSector} is his occupation's PP 50/2025 sector.
 */
public record WorkerProfile(TenantId tenantId, UUID workerId, RegionCode villageCode, String occupationCode,
                            boolean transportSector, String incomeLevelCode, long declaredIncome,
                            WorkerStatus status, LocalDate registeredOn, Optional<YearMonth> coveredSince) {
}
