package id.payung.platform;

import java.util.List;
import java.util.Map;

/**
 * Refuses bad input or a forbidden action with a specific, localized explanation. Thrown before
 * anything is written (or inside the transaction, which it then rolls back). Its message is only the
 * slug, so no personal data that may sit in the arguments reaches a log line.
 */
public class DomainProblem extends RuntimeException {

    private final ProblemType type;
    private final List<Object> arguments;
    private final Map<String, Object> properties;

    public DomainProblem(ProblemType type, Object... arguments) {
        this(type, Map.of(), arguments);
    }

    public DomainProblem(ProblemType type, Map<String, Object> properties, Object... arguments) {
        super(type.slug());
        this.type = type;
        this.arguments = java.util.Arrays.stream(arguments).map(a -> a == null ? "" : a).toList();
        this.properties = Map.copyOf(properties);
    }

    public ProblemType type() {
        return type;
    }

    /** Arguments for the localized detail message. */
    public Object[] arguments() {
        return arguments.toArray();
    }

    /** Extra members of the problem document, e.g. the field a problem is about. */
    public Map<String, Object> properties() {
        return properties;
    }
}
