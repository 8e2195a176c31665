package id.payung.platform.internal;

import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every refusal on the API is an RFC 9457 problem document: a stable {@code type} per kind of problem,
 * a localized title and detail (Bahasa Indonesia by default, English on request), and for invalid
 * fields the list of fields with their messages.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://payung.id/problems/";

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainProblem.class)
    ProblemDetail domainProblem(DomainProblem problem) {
        var detail = problem(HttpStatus.valueOf(problem.type().httpStatus()), problem.type().slug(), problem.arguments());
        problem.properties().forEach(detail::setProperty);
        if (problem instanceof InvalidInput invalid) {
            detail.setProperty("errors", invalid.fieldProblems().stream()
                    .map(field -> Map.of("field", field.field(),
                            "type", TYPE_BASE + field.type().slug(),
                            "message", message(field.type().slug(), field.arguments().toArray())))
                    .toList());
        }
        return detail;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameterMismatch(MethodArgumentTypeMismatchException e) {
        var detail = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName());
        detail.setProperty("parameter", e.getName());
        return detail;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var detail = problem(HttpStatus.BAD_REQUEST, "invalid-request");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", messages.getMessage(error, LocaleContextHolder.getLocale())))
                .toList();
        detail.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(detail);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request"));
    }

    private String message(String slug, Object[] arguments) {
        return messages.getMessage("problem." + slug + ".detail", arguments, slug, LocaleContextHolder.getLocale());
    }

    private ProblemDetail problem(HttpStatus status, String slug, Object... arguments) {
        var locale = LocaleContextHolder.getLocale();
        var detail = ProblemDetail.forStatus(status);
        detail.setType(URI.create(TYPE_BASE + slug));
        detail.setTitle(messages.getMessage("problem." + slug + ".title", null, slug, locale));
        detail.setDetail(messages.getMessage("problem." + slug + ".detail", arguments, "", locale));
        return detail;
    }
}
