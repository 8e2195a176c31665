package id.payung.platform.web;

import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a refused command on a page the way the API puts it in a problem document: one message per
 * invalid field ({@code fieldErrors}) and a summary ({@code formError}), localized, with the form that
 * caused it ({@code failedForm}) so the page can keep what the user typed there.
 */
@Component
public class FormProblems {

    private final MessageSource messages;

    FormProblems(MessageSource messages) {
        this.messages = messages;
    }

    public void addTo(Model model, String form, DomainProblem problem) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (problem instanceof InvalidInput invalid) {
            invalid.fieldProblems().forEach(p -> fieldErrors.putIfAbsent(p.field(),
                    messages.getMessage("problem." + p.type().slug() + ".detail", p.arguments().toArray(), locale)));
        }
        String detail = messages.getMessage("problem." + problem.type().slug() + ".detail", problem.arguments(),
                problem.type().slug(), locale);
        if (problem.properties().get("field") instanceof String field) {
            fieldErrors.putIfAbsent(field, detail);
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("formError", fieldErrors.isEmpty() ? detail
                : messages.getMessage("problem." + problem.type().slug() + ".title", null, locale));
        model.addAttribute("failedForm", form);
    }
}
