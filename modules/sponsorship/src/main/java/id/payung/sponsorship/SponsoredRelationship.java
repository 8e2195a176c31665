package id.payung.sponsorship;

import java.util.Locale;
import java.util.Optional;

/** How a sponsored worker relates to his ASN sponsor (DOMAIN.md: household helpers, drivers, gardeners…). */
public enum SponsoredRelationship {
    ART, SOPIR, TUKANG_KEBUN, PENGASUH, SATPAM, TUKANG, OJEK_LANGGANAN, PEDAGANG_LANGGANAN, GURU_NGAJI, MARBOT,
    KELUARGA, TETANGGA, LAINNYA;

    public static Optional<SponsoredRelationship> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
