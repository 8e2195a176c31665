package id.payung.enrollment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * HMAC-SHA256 of a NIK under an application secret: the key of the national membership register
 * (ADR 0006). Without the secret the 32 bytes cannot be turned back into a NIK by trying all of them.
 */
@Component
class NikFingerprint {

    private final SecretKeySpec key;

    NikFingerprint(@Value("${payung.enrollment.nik-hmac-key}") String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("payung.enrollment.nik-hmac-key must hold at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    byte[] of(Nik nik) {
        return hasher().of(nik);
    }

    /** A key of the NIK for another register than the membership one: a different label, a different key. */
    byte[] forPurpose(String purpose, String nik) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((purpose + ":nik:" + nik).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * A fingerprinter for one thread that reuses its {@link Mac}: looking up and keying a Mac costs more
     * than hashing a NIK, which an import of a million rows feels. Not thread-safe.
     */
    Hasher hasher() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new Hasher(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static final class Hasher {
        private static final byte[] PREFIX = "nik:".getBytes(StandardCharsets.US_ASCII);
        private final Mac mac;
        private final byte[] input = new byte[PREFIX.length + 16];

        private Hasher(Mac mac) {
            this.mac = mac;
            System.arraycopy(PREFIX, 0, input, 0, PREFIX.length);
        }

        byte[] of(Nik nik) {
            String value = nik.value();
            for (int i = 0; i < 16; i++) input[PREFIX.length + i] = (byte) value.charAt(i);
            // doFinal resets the Mac for the next NIK, keeping its key.
            return mac.doFinal(input);
        }
    }
}
