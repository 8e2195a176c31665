package id.payung.sponsorship;

import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.ProblemType;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.persistence.RosterRows;
import id.payung.sponsorship.persistence.RosterRows.NewEntry;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.TenantAdministration;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ASN roster of a pemda, kept by its Disnaker operator: one entry per NIP with name and OPD, added
 * one by one or from a CSV or XLSX file ({@code nip,nama,kode_opd}). A file is taken whole or not at all.
 */
@Service
public class AsnRoster {

    public static final int MAX_IMPORT_ROWS = 50_000;

    private final RosterRows roster;
    private final OpdRegistry opds;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    AsnRoster(RosterRows roster, OpdRegistry opds, TenantAdministration tenants, TenantTransactions transactions,
              CurrentActor currentActor, AuditTrail audit) {
        this.roster = roster;
        this.opds = opds;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    public record EntryDetails(String nip, String name, String opdId) {
    }

    /** One refused line of an imported file: its line number, the column, why. */
    public record RowProblem(int line, String column, ProblemType type, List<Object> arguments) {
    }

    /** An import refused as a whole; every bad row is listed, none was stored. */
    public static class ImportRefused extends DomainProblem {
        private final List<RowProblem> rows;

        ImportRefused(List<RowProblem> rows) {
            super(SponsorshipProblem.ROSTER_IMPORT_REFUSED, rows.size());
            this.rows = List.copyOf(rows);
        }

        public List<RowProblem> rows() {
            return rows;
        }
    }

    public record ImportResult(int rows, int stored) {
    }

    public Page<RosterEntry> list(TenantId tenant, String text, PageRequest page) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        return transactions.readInTenant(tenant, () -> roster.page(tenant, text, page));
    }

    /** The pemda's active OPDs, for the operator's forms. */
    public List<Opd> opds(TenantId tenant) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR, Role.BPJS_STAFF);
        return opds.active(tenant);
    }

    public RosterEntry add(TenantId tenant, EntryDetails details) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR);
        String nip = Nip.normalize(details.nip());
        String name = cleanName(details.name());
        var checks = InvalidInput.checks();
        Nip.problemWith(nip, Nip.today()).ifPresent(p -> checks.require(false, "nip", p, nip));
        checks.require(name.length() >= 3 && name.length() <= 150, "name", SponsorshipProblem.ASN_NAME_INVALID, 3, 150);
        checks.require(details.opdId() != null && !details.opdId().isBlank(), "opdId", SponsorshipProblem.REQUIRED);
        checks.throwIfAny();
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Opd opd = activeOpd(tenant, details.opdId());
            roster.findByNip(tenant, nip).ifPresent(existing -> {
                throw new DomainProblem(SponsorshipProblem.ROSTER_NIP_TAKEN, Map.of("field", "nip"), nip);
            });
            UUID id = UUID.randomUUID();
            try {
                roster.insert(tenant, id, nip, name, opd.id());
            } catch (DuplicateKeyException concurrent) {
                throw new DomainProblem(SponsorshipProblem.ROSTER_NIP_TAKEN, Map.of("field", "nip"), nip);
            }
            audit.record("asn-roster.added", "asn-roster-entry", id, Map.of("opd", opd.code()));
            return roster.find(tenant, id).orElseThrow();
        });
    }

    public void remove(TenantId tenant, UUID entryId) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR);
        transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            roster.find(tenant, entryId).orElseThrow(() -> new DomainProblem(SponsorshipProblem.ROSTER_ENTRY_NOT_FOUND));
            roster.delete(tenant, entryId);
            audit.record("asn-roster.removed", "asn-roster-entry", entryId);
        });
    }

    /**
     * Imports a CSV file {@code nip,nama,kode_opd} (comma or semicolon, optional header line, quotes
     * allowed). A NIP already on the roster gets the file's name and OPD. Any bad row refuses the whole
     * file with every bad row listed ({@link ImportRefused}); nothing is stored then.
     */
    public ImportResult importCsv(TenantId tenant, String content) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR);
        List<String> lines = content == null ? List.of() : content.lines().toList();
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).replace("\uFEFF", "");
            if (!text.isBlank()) rows.add(new SheetRow(i + 1, Csv.split(text), false));
        }
        return importRows(tenant, rows);
    }

    /**
     * Imports the first sheet of an XLSX workbook with the same columns, rules and all-or-nothing report
     * as {@link #importCsv}; lines are the sheet's row numbers. A NIP must be a text cell: Excel keeps only
     * 15 significant digits of a number, so an 18-digit NIP typed as a number may already have changed.
     */
    public ImportResult importXlsx(TenantId tenant, InputStream content) {
        currentActor.get().requireAnyOf(Role.DISNAKER_OPERATOR);
        List<SheetRow> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(content);
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            var iterator = sheet.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> cells = new ArrayList<>();
                boolean nipIsNumber = false;
                int last = -1;
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    String text = cell == null || cell.getType() == CellType.EMPTY ? "" : cell.getText();
                    if (c == 0 && cell != null && cell.getType() == CellType.NUMBER) nipIsNumber = true;
                    cells.add(text == null ? "" : text);
                    if (text != null && !text.isBlank()) last = c;
                }
                if (last < 0) continue;
                if (rows.size() > MAX_IMPORT_ROWS + 1) throw new DomainProblem(SponsorshipProblem.ROSTER_FILE_TOO_LARGE, MAX_IMPORT_ROWS);
                rows.add(new SheetRow(row.getRowNum(), cells.subList(0, Math.max(last + 1, Math.min(cells.size(), 3))), nipIsNumber));
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof DomainProblem problem) throw problem;
            throw new DomainProblem(SponsorshipProblem.ROSTER_FILE_UNREADABLE, Map.of("field", "file"));
        }
        return importRows(tenant, rows);
    }

    /** One non-blank row of an uploaded file: its line (or sheet row) number and cells. */
    private record SheetRow(int line, List<String> cells, boolean nipIsNumber) {
    }

    private ImportResult importRows(TenantId tenant, List<SheetRow> sheetRows) {
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Map<String, Opd> opdByCode = opds.active(tenant).stream()
                    .collect(Collectors.toMap(o -> o.code().toUpperCase(Locale.ROOT), Function.identity()));
            List<RowProblem> problems = new ArrayList<>();
            List<NewEntry> entries = new ArrayList<>();
            Map<String, Integer> firstLineOfNip = new HashMap<>();
            LocalDateHolder today = new LocalDateHolder();
            int dataRows = 0;
            for (SheetRow row : sheetRows) {
                int line = row.line();
                List<String> cells = row.cells();
                if (dataRows == 0 && entries.isEmpty() && problems.isEmpty() && cells.getFirst().strip().equalsIgnoreCase("nip")) continue;
                dataRows++;
                if (dataRows > MAX_IMPORT_ROWS) {
                    throw new DomainProblem(SponsorshipProblem.ROSTER_FILE_TOO_LARGE, MAX_IMPORT_ROWS);
                }
                if (cells.size() != 3) {
                    problems.add(new RowProblem(line, "", SponsorshipProblem.ROSTER_ROW_COLUMNS, List.of(cells.size())));
                    continue;
                }
                String nip = Nip.normalize(cells.get(0));
                String name = cleanName(cells.get(1));
                String opdCode = cells.get(2).strip().toUpperCase(Locale.ROOT);
                int before = problems.size();
                if (row.nipIsNumber()) problems.add(new RowProblem(line, "nip", SponsorshipProblem.ROSTER_NIP_NOT_TEXT, List.of()));
                else Nip.problemWith(nip, today.value).ifPresent(p -> problems.add(new RowProblem(line, "nip", p, List.of(nip))));
                if (name.length() < 3 || name.length() > 150) {
                    problems.add(new RowProblem(line, "nama", SponsorshipProblem.ASN_NAME_INVALID, List.of(3, 150)));
                }
                Opd opd = opdByCode.get(opdCode);
                if (opd == null) problems.add(new RowProblem(line, "kode_opd", SponsorshipProblem.ROSTER_OPD_CODE_UNKNOWN, List.of(opdCode)));
                Integer earlier = row.nipIsNumber() ? null : firstLineOfNip.putIfAbsent(nip, line);
                if (earlier != null) problems.add(new RowProblem(line, "nip", SponsorshipProblem.ROSTER_NIP_REPEATED, List.of(nip, earlier)));
                if (problems.size() == before) entries.add(new NewEntry(nip, name, opd.id()));
            }
            if (dataRows == 0) throw new DomainProblem(SponsorshipProblem.ROSTER_FILE_EMPTY);
            if (!problems.isEmpty()) throw new ImportRefused(problems);
            int stored = roster.upsert(tenant, entries);
            audit.record("asn-roster.imported", "tenant", tenant, Map.of("rows", dataRows, "stored", stored));
            return new ImportResult(dataRows, stored);
        });
    }

    private static final class LocalDateHolder {
        final java.time.LocalDate value = Nip.today();
    }

    private Opd activeOpd(TenantId tenant, String opdId) {
        OpdId id;
        try {
            id = OpdId.parse(opdId);
        } catch (DomainProblem malformed) {
            throw new DomainProblem(SponsorshipProblem.OPD_NOT_OF_PEMDA, Map.of("field", "opdId"));
        }
        return opds.active(tenant).stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new DomainProblem(SponsorshipProblem.OPD_NOT_OF_PEMDA, Map.of("field", "opdId")));
    }

    private static String cleanName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }
}
