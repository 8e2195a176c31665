package id.payung.enrollment;

import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A registered worker of one pemda. {@link #nik()} is personal data: show {@link #maskedNik()} in lists. */
public record Worker(TenantId tenantId, UUID id, String nik, String name, LocalDate birthDate, Sex sex,
                     String address, RegionCode villageCode, String phone, String occupationCode,
                     String incomeLevelCode, WorkerStatus status, String kpj, String registeredBy,
                     OffsetDateTime registeredAt) {

    public String maskedNik() {
        return Nik.masked(nik);
    }

    /** Never the NIK: a worker must not reach a log line by accident. */
    @Override
    public String toString() {
        return "Worker[" + tenantId + "/" + id + ", " + status + "]";
    }
}
