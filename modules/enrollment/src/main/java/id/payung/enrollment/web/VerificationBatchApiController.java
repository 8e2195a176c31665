package id.payung.enrollment.web;

import id.payung.enrollment.VerificationBatches;
import id.payung.enrollment.VerificationBatches.Report;
import id.payung.platform.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Verification by batch: the pending workers as CSV for BPJS, and BPJS's result file back (BPJS staff). */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/workers")
@Tag(name = "Workers", description = "Registration of vulnerable workers (BPU) of a pemda")
class VerificationBatchApiController {

    private final VerificationBatches batches;
    private final MessageSource messages;

    VerificationBatchApiController(VerificationBatches batches, MessageSource messages) {
        this.batches = batches;
        this.messages = messages;
    }

    record ProblemRow(int row, String column, String problem, String detail) {
    }

    record ReportView(boolean applied, int rows, int verified, int rejected, List<ProblemRow> problems) {
    }

    @GetMapping("/verification-batch")
    @Operation(summary = "BPJS staff: the pemda's REGISTERED workers as CSV for BPJS "
            + "(worker_id,nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,pekerjaan); the export is audited with its count")
    void exportBatch(@PathVariable String tenantId, HttpServletResponse response) throws IOException {
        TenantId tenant = TenantId.parse(tenantId);
        // The response becomes a CSV only once the export writes, i.e. after the permission checks: a refusal
        // stays an RFC 9457 problem.
        batches.exportPending(tenant, new Writer() {
            private Writer out;

            private Writer out() throws IOException {
                if (out == null) {
                    response.setContentType("text/csv; charset=UTF-8");
                    response.setHeader("Content-Disposition", "attachment; filename=\"payung-verifikasi-" + tenant + ".csv\"");
                    response.setHeader("Cache-Control", "no-store");
                    out = response.getWriter();
                }
                return out;
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                out().write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out().flush();
            }

            @Override
            public void close() throws IOException {
                out().close();
            }
        });
    }

    @PostMapping(value = "/verification-results", consumes = "multipart/form-data")
    @Operation(summary = "BPJS staff: upload BPJS's result file (nik,kpj or nik,status,reason with DITERIMA/DITOLAK). "
            + "All or nothing: 200 when applied, 422 with every problem row otherwise")
    ResponseEntity<ReportView> applyFile(@PathVariable String tenantId, @RequestParam("file") MultipartFile file) throws IOException {
        return respond(batches.applyResults(TenantId.parse(tenantId), new String(file.getBytes(), StandardCharsets.UTF_8)));
    }

    @PostMapping(value = "/verification-results", consumes = "text/csv")
    @Operation(summary = "BPJS staff: BPJS's result file as the request body (text/csv)")
    ResponseEntity<ReportView> applyBody(@PathVariable String tenantId, @RequestBody String csv) {
        return respond(batches.applyResults(TenantId.parse(tenantId), csv));
    }

    private ResponseEntity<ReportView> respond(Report r) {
        var locale = LocaleContextHolder.getLocale();
        var view = new ReportView(r.applied(), r.rows(), r.verified(), r.rejected(), r.problems().stream()
                .map(p -> new ProblemRow(p.row(), p.column(), p.problem().slug(),
                        messages.getMessage("problem." + p.problem().slug() + ".detail", null, p.problem().slug(), locale)))
                .toList());
        return r.applied() ? ResponseEntity.ok(view) : ResponseEntity.unprocessableContent().body(view);
    }
}
