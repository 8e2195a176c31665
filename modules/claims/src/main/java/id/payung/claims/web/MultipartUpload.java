package id.payung.claims.web;

import id.payung.claims.ClaimFiling.UploadedFile;
import id.payung.claims.ClaimViews.DocumentContent;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Hands a multipart file to the claims service, and a stored document back to the browser. */
final class MultipartUpload {

    static UploadedFile of(MultipartFile file) {
        if (file == null) return null;
        return new UploadedFile() {
            @Override
            public String fileName() {
                return file.getOriginalFilename();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }

    /**
     * The document inline (a PDF or picture opens in the browser), never cached, never sniffed as
     * anything but its checked type.
     */
    static ResponseEntity<byte[]> download(DocumentContent document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(document.content());
    }

    private MultipartUpload() {
    }
}
