package id.payung.enrollment;

import id.payung.PayungIntegrationTest;
import id.payung.platform.TenantId;
import id.payung.tenancy.TenantAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The worker-imports API: upload, progress, the rejected-rows report, and refused files as problems. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class WorkerImportApiTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    @Test
    void uploadsACsvFollowsItsProgressAndDownloadsTheRejectedRows() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String csv = WorkerImportTests.HEADER + "\n" + WorkerImportTests.row(manNik()) + "\n"
                + WorkerImportTests.row("123") + "\n";
        String location = mvc.perform(multipart("/api/v1/tenants/" + kediri + "/worker-imports")
                        .file(new MockMultipartFile("file", "kohort.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "KEEP_GOOD_ROWS"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith("/api/v1/tenants/" + kediri + "/worker-imports/")))
                .andReturn().getResponse().getHeader("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            String body = mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
            if (!body.contains("\"RUNNING\"")) break;
            Thread.sleep(50);
        }
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.rowsStored").value(1))
                .andExpect(jsonPath("$.rowsRejected").value(1));
        mvc.perform(get(location + "/rejections.csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(startsWith("baris,kolom,alasan\r\n3,nik,")));
    }

    @Test
    void refusedFilesAreProblems() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        mvc.perform(multipart("/api/v1/tenants/" + kediri + "/worker-imports")
                        .file(new MockMultipartFile("file", "kohort.xlsx", "application/octet-stream", new byte[]{1, 2}))
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/import-not-xlsx"));
        mvc.perform(multipart("/api/v1/tenants/" + kediri + "/worker-imports")
                        .file(new MockMultipartFile("file", "kohort.xls", "application/vnd.ms-excel", new byte[]{1, 2}))
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/import-xls-old-format"));
        mvc.perform(multipart("/api/v1/tenants/" + kediri + "/worker-imports")
                        .file(new MockMultipartFile("file", "kohort.csv", "text/csv", "nama,nik\n".getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://payung.id/problems/import-header"));
    }
}
