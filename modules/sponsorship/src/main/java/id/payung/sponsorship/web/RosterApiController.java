package id.payung.sponsorship.web;

import id.payung.platform.PageRequest;
import id.payung.platform.TenantId;
import id.payung.sponsorship.AsnRoster;
import id.payung.sponsorship.RosterEntry;
import id.payung.sponsorship.web.ApiViews.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/asn-roster")
@Tag(name = "ASN roster", description = "The pemda's civil servants per OPD, kept by the Disnaker operator")
class RosterApiController {

    private final AsnRoster roster;
    private final MessageSource messages;

    RosterApiController(AsnRoster roster, MessageSource messages) {
        this.roster = roster;
        this.messages = messages;
    }

    record EntryView(String id, String nip, String name, String opdId) {
        static EntryView of(RosterEntry e) {
            return new EntryView(e.id().toString(), e.nip(), e.name(), e.opdId().toString());
        }
    }

    @GetMapping
    @Operation(summary = "The roster by name, filtered by name or NIP prefix")
    PageView<EntryView> list(@PathVariable String tenantId, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageView.of(roster.list(TenantId.parse(tenantId), q, PageRequest.of(page, size)).map(EntryView::of));
    }

    @PostMapping(path = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Import a CSV (.csv) or Excel (.xlsx) file nip,nama,kode_opd: all rows or none, every bad row reported (property 'rows')")
    AsnRoster.ImportResult importFile(@PathVariable String tenantId, @RequestPart("file") MultipartFile file) throws IOException {
        return RosterFiles.importFile(roster, TenantId.parse(tenantId), file);
    }

    @ExceptionHandler(AsnRoster.ImportRefused.class)
    ProblemDetail refused(AsnRoster.ImportRefused refused) {
        var locale = LocaleContextHolder.getLocale();
        var detail = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        detail.setType(URI.create("https://payung.id/problems/" + refused.type().slug()));
        detail.setTitle(messages.getMessage("problem." + refused.type().slug() + ".title", null, locale));
        detail.setDetail(messages.getMessage("problem." + refused.type().slug() + ".detail", refused.arguments(), locale));
        detail.setProperty("rows", refused.rows().stream().map(r -> Map.of("line", r.line(), "column", r.column(),
                "type", "https://payung.id/problems/" + r.type().slug(),
                "message", messages.getMessage("problem." + r.type().slug() + ".detail", r.arguments().toArray(), locale))).toList());
        return detail;
    }
}
