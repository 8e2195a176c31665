package id.payung.sponsorship.web;

import id.payung.platform.Page;
import id.payung.sponsorship.Funding;
import id.payung.sponsorship.FundingProgram;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** JSON shapes shared by the sponsorship API controllers. */
final class ApiViews {

    record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
        }
    }

    record ProgramView(String id, String kind, String name, boolean countsAsApbd, Long budgetCeiling, Integer workerQuota,
                       String donorName, YearMonth firstPeriod, YearMonth lastPeriod, Integer months, String status,
                       OffsetDateTime createdAt) {
        static ProgramView of(FundingProgram p) {
            return new ProgramView(p.id().toString(), p.kind().name(), p.name(), p.countsAsApbd(), p.budgetCeiling(), p.workerQuota(),
                    p.donorName(), p.firstPeriod(), p.lastPeriod(), p.months(), p.status().name(), p.createdAt());
        }
    }

    record FundingView(String id, String programId, String workerId, YearMonth firstPeriod, YearMonth lastPeriod,
                       boolean cancelled, String relationship, String sponsorLinkId, String opdId, long declaredIncome,
                       boolean transportSector, OffsetDateTime createdAt, OffsetDateTime endedAt, String endReason) {
        static FundingView of(Funding f) {
            return new FundingView(f.id().toString(), f.programId().toString(), f.workerId().toString(), f.firstPeriod(),
                    f.lastPeriod(), f.isCancelled(), f.relationship() == null ? null : f.relationship().name(),
                    f.sponsorLinkId() == null ? null : f.sponsorLinkId().toString(), f.opdId() == null ? null : f.opdId().toString(),
                    f.declaredIncome(), f.transportSector(), f.createdAt(), f.endedAt(), f.endReason());
        }
    }

    private ApiViews() {
    }
}
