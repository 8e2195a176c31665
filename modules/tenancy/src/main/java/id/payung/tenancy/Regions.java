package id.payung.tenancy;

import id.payung.platform.DomainProblem;
import id.payung.platform.RegionCode;
import id.payung.tenancy.persistence.RegionRows;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** The Kemendagri region reference data: provinces, regencies and cities, districts, villages. */
@Service
public class Regions {

    private static final int SEARCH_LIMIT = 50;

    private final RegionRows regions;

    Regions(RegionRows regions) {
        this.regions = regions;
    }

    public Optional<Region> find(RegionCode code) {
        return regions.find(code);
    }

    public Region get(RegionCode code) {
        return find(code).orElseThrow(() -> new DomainProblem(TenancyProblem.REGION_NOT_FOUND, code));
    }

    public List<Region> provinces() {
        return regions.provinces();
    }

    /** The regions directly below one region, by name. */
    public List<Region> children(RegionCode parent) {
        get(parent);
        return regions.children(parent);
    }

    /** Up to 50 regions whose name contains the text, optionally of one level, by name. */
    public List<Region> search(String text, RegionCode.Level level) {
        return regions.search(text == null ? "" : text.strip(), level, SEARCH_LIMIT);
    }
}
