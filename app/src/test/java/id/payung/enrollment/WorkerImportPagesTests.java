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

import static id.payung.enrollment.EnrollmentFixtures.manNik;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The import page: upload with the mode chosen up front, a refreshing progress page, field messages for a refused file. */
@PayungIntegrationTest
@AutoConfigureMockMvc
class WorkerImportPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TenantAdministration administration;

    @Test
    void uploadsAFileAndShowsItsProgress() throws Exception {
        TenantId kediri = EnrollmentFixtures.kediri(administration);
        String base = "/tenants/" + kediri + "/worker-imports";
        mvc.perform(get(base)).andExpect(status().isOk())
                .andExpect(content().string(containsString(String.join(",", WorkerImports.HEADER))))
                .andExpect(content().string(containsString("Simpan semua baris yang benar")));
        String csv = WorkerImportTests.HEADER + "\n" + WorkerImportTests.row(manNik()) + "\n";
        String location = mvc.perform(multipart(base).with(csrf())
                        .file(new MockMultipartFile("file", "kohort.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(base + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(content().string(containsString("kohort.csv")));

        mvc.perform(multipart(base).with(csrf())
                        .file(new MockMultipartFile("file", "kohort.xlsx", "application/octet-stream", new byte[]{1}))
                        .param("mode", "ALL_OR_NOTHING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("isinya bukan buku kerja XLSX")));
    }
}
