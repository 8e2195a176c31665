package id.payung.platform.web;

import id.payung.platform.DomainProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal that a page did not handle itself (no access to a pemda, an unknown record) becomes a
 * page with the reason and the right status; it says nothing about data the user may not see.
 * API controllers get problem documents from the more specific REST advice instead.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

    private final MessageSource messages;

    PageProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainProblem.class)
    String problemPage(DomainProblem problem, HttpServletResponse response, Model model) {
        var locale = LocaleContextHolder.getLocale();
        response.setStatus(problem.type().httpStatus());
        model.addAttribute("problemStatus", problem.type().httpStatus());
        model.addAttribute("problemTitle", messages.getMessage("problem." + problem.type().slug() + ".title", null, locale));
        model.addAttribute("problemDetail", messages.getMessage("problem." + problem.type().slug() + ".detail",
                problem.arguments(), "", locale));
        return "problem";
    }
}
