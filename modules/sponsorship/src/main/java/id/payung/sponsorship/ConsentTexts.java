package id.payung.sponsorship;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The words of an ASN's consent to the TPP deduction, in Indonesian or English, from the message
 * bundle: who consents, for whom, from which month, and the amounts month by month as the rate tables
 * give them for the coming year. The same inputs always give the same text, so the text shown and the
 * text stored can be compared by their SHA-256.
 */
@Component
class ConsentTexts {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;

    ConsentTexts(MessageSource messages) {
        this.messages = messages;
    }

    record Parties(String sponsorName, String nip, String opdName, String pemdaName, String workerName, String maskedNik,
                   SponsoredRelationship relationship) {
    }

    /** The language a consent is given in: English when asked for, else Indonesian. */
    static Locale languageOf(Locale requested) {
        return requested != null && requested.getLanguage().equals("en") ? Locale.ENGLISH : INDONESIAN;
    }

    String text(Parties parties, YearMonth first, List<MonthlyPremium> schedule, Locale language) {
        Locale locale = languageOf(language);
        String relationship = messages.getMessage("sponsorship.relationship." + parties.relationship().name(), null, locale);
        return messages.getMessage("consent.text", new Object[]{parties.sponsorName(), parties.nip(), parties.opdName(),
                parties.pemdaName(), parties.workerName(), parties.maskedNik(), relationship, month(first, locale),
                amounts(schedule, locale)}, locale);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String month(YearMonth month, Locale locale) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    }

    static String rupiah(long amount, Locale locale) {
        return "Rp" + NumberFormat.getIntegerInstance(languageOf(locale)).format(amount);
    }

    /** "Rp8.400 per bulan untuk November 2026 s.d. Desember 2026, Rp16.800 per bulan mulai Januari 2027". */
    private String amounts(List<MonthlyPremium> schedule, Locale locale) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= schedule.size(); i++) {
            if (i < schedule.size() && schedule.get(i).premium() == schedule.get(start).premium()) continue;
            MonthlyPremium from = schedule.get(start);
            MonthlyPremium to = schedule.get(i - 1);
            String amount = rupiah(from.premium(), locale);
            if (i == schedule.size()) {
                parts.add(messages.getMessage("consent.amount.from", new Object[]{amount, month(from.month(), locale)}, locale));
            } else if (from.month().equals(to.month())) {
                parts.add(messages.getMessage("consent.amount.single", new Object[]{amount, month(from.month(), locale)}, locale));
            } else {
                parts.add(messages.getMessage("consent.amount.range",
                        new Object[]{amount, month(from.month(), locale), month(to.month(), locale)}, locale));
            }
            start = i;
        }
        return String.join(", ", parts);
    }
}
