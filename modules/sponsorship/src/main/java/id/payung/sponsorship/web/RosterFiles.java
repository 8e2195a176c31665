package id.payung.sponsorship.web;

import id.payung.platform.DomainProblem;
import id.payung.platform.TenantId;
import id.payung.sponsorship.AsnRoster;
import id.payung.sponsorship.SponsorshipProblem;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** An uploaded roster file goes to the CSV or the XLSX import by its name. */
final class RosterFiles {

    static AsnRoster.ImportResult importFile(AsnRoster roster, TenantId tenant, MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            try (InputStream in = file.getInputStream()) {
                return roster.importXlsx(tenant, in);
            }
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return roster.importCsv(tenant, new String(file.getBytes(), StandardCharsets.UTF_8));
        }
        throw new DomainProblem(SponsorshipProblem.ROSTER_FILE_TYPE, Map.of("field", "file"));
    }

    private RosterFiles() {
    }
}
