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
        return hmac("nik:" + nik.value());
    }

    /** A key of the NIK for another register than the membership one: a different label, a different key. */
    byte[] forPurpose(String purpose, String nik) {
        return hmac(purpose + ":nik:" + nik);
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
