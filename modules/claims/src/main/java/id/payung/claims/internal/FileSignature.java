package id.payung.claims.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a claim document may be, told by the name's extension and proven by the first bytes
 * (the "magic number", at the very start: stricter than PDF readers, which look further in) - a file whose
 * content is not what its extension says is refused.
 */
public enum FileSignature {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final String contentType;
    private final String[] extensions;

    FileSignature(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The type its name claims, if one we accept. */
    public static Optional<FileSignature> byFileName(String fileName) {
        if (fileName == null) return Optional.empty();
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> Arrays.asList(s.extensions).contains(extension)).findFirst();
    }

    /** Whether the first bytes of the content are this type's signature. */
    public boolean matches(byte[] content) {
        return switch (this) {
            case JPEG -> startsWith(content, JPEG_MAGIC);
            case PNG -> startsWith(content, PNG_MAGIC);
            case PDF -> startsWith(content, PDF_MAGIC);
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
