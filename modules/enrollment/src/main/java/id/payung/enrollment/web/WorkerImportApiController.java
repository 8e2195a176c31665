package id.payung.enrollment.web;

import id.payung.enrollment.WorkerImports;
import id.payung.enrollment.WorkerImports.ImportJob;
import id.payung.enrollment.WorkerImports.Mode;
import id.payung.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Bulk import of workers from CSV or XLSX (Disnaker operator, BPJS staff). Header, in this order:
 * {@code nik,nama,tanggal_lahir,jenis_kelamin,alamat,kode_desa,telepon,pekerjaan,tingkat_penghasilan,
 * ahli_waris_nama,ahli_waris_hubungan,ahli_waris_nik}; CSV in UTF-8 up to 1,000,000 rows, XLSX (first sheet)
 * up to 200,000 rows; at most 200 MB.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/worker-imports")
@Tag(name = "Worker imports", description = "Bulk import of workers from a CSV or XLSX file, run in the background")
class WorkerImportApiController {

    private final WorkerImports imports;

    WorkerImportApiController(WorkerImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV or XLSX of workers; mode KEEP_GOOD_ROWS or ALL_OR_NOTHING. 202 with the job; "
            + "400/413/415 when the file is refused before anything starts")
    ResponseEntity<ImportJob> start(@PathVariable String tenantId, @RequestParam("file") MultipartFile file,
                                    @RequestParam(value = "mode", required = false) String mode) {
        TenantId tenant = TenantId.parse(tenantId);
        try {
            UUID id = imports.start(tenant, file.getOriginalFilename(), file.getInputStream(), mode(mode));
            return ResponseEntity.accepted().location(URI.create("/api/v1/tenants/" + tenant + "/worker-imports/" + id))
                    .body(imports.get(tenant, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mode mode(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping
    @Operation(summary = "The pemda's recent imports, newest first")
    List<ImportJob> recent(@PathVariable String tenantId) {
        return imports.recent(TenantId.parse(tenantId));
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import's status and counts (rows read, valid, rejected, stored, already registered)")
    ImportJob get(@PathVariable String tenantId, @PathVariable UUID importId) {
        return imports.get(TenantId.parse(tenantId), importId);
    }

    @GetMapping(value = "/{importId}/rejections.csv", produces = "text/csv")
    @Operation(summary = "Every rejected row as CSV: baris (row number), kolom (column), alasan (reason)")
    void rejections(@PathVariable String tenantId, @PathVariable UUID importId, HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        imports.get(tenant, importId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"impor-" + importId + "-ditolak.csv\"");
        imports.writeRejections(tenant, importId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
