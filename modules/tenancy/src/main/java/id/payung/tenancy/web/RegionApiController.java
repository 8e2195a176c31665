package id.payung.tenancy.web;

import id.payung.platform.RegionCode;
import id.payung.tenancy.Region;
import id.payung.tenancy.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "Kemendagri region codes (reference data, idn-area-data 4.0.1, ODbL)")
class RegionApiController {

    private final Regions regions;

    RegionApiController(Regions regions) {
        this.regions = regions;
    }

    record RegionView(String code, String level, String name) {
        static RegionView of(Region region) {
            return new RegionView(region.code().value(), region.level().name(), region.name());
        }
    }

    @GetMapping
    @Operation(summary = "Search regions by name (up to 50), optionally of one level; without text: the provinces")
    List<RegionView> search(@RequestParam(required = false) String q, @RequestParam(required = false) RegionCode.Level level) {
        var found = (q == null || q.isBlank()) && level == null ? regions.provinces() : regions.search(q, level);
        return found.stream().map(RegionView::of).toList();
    }

    @GetMapping("/{code}")
    RegionView get(@PathVariable String code) {
        return RegionView.of(regions.get(RegionCode.parse(code)));
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "The regions directly below a region")
    List<RegionView> children(@PathVariable String code) {
        return regions.children(RegionCode.parse(code)).stream().map(RegionView::of).toList();
    }
}
