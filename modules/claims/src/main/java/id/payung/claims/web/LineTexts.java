package id.payung.claims.web;

import id.payung.claims.ClaimDetails.BenefitLine;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;

/** Renders the calculation's lines in the reader's language: the rule's name and its basis with the figures. */
@Component
class LineTexts {

    private final MessageSource messages;

    LineTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** One line as shown: rule, basis, amount, and the date the rule row is valid from (none for care as billed). */
    record LineView(int lineNo, String ruleCode, String rule, String basis, long amount, String ruleValidFrom) {
    }

    List<LineView> render(List<BenefitLine> lines) {
        var locale = LocaleContextHolder.getLocale();
        return lines.stream().map(l -> {
            Object[] args = l.basisArgs().stream().map(a -> a.matches("-?[0-9]{1,18}") ? (Object) Long.valueOf(a) : a).toArray();
            return new LineView(l.lineNo(), l.ruleCode(),
                    messages.getMessage("benefit.rule." + l.ruleCode(), null, l.ruleCode(), locale),
                    messages.getMessage("benefit.basis." + l.ruleCode(), args, String.join(", ", l.basisArgs()), locale),
                    l.amount(), l.ruleValidFrom().map(Object::toString).orElse(null));
        }).toList();
    }
}
