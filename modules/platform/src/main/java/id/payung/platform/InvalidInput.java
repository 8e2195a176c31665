package id.payung.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of one command before refusing it, so a form or API client learns all
 * that is wrong at once. Each field problem is localized like any {@link ProblemType}.
 */
public class InvalidInput extends DomainProblem {

    public record FieldProblem(String field, ProblemType type, List<Object> arguments) {
    }

    private final List<FieldProblem> fieldProblems;

    private InvalidInput(List<FieldProblem> fieldProblems) {
        super(PlatformProblem.INVALID_INPUT);
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public static Checks checks() {
        return new Checks();
    }

    public static final class Checks {
        private final List<FieldProblem> problems = new ArrayList<>();

        /** Records a problem for the field unless the condition holds. */
        public Checks require(boolean condition, String field, ProblemType type, Object... arguments) {
            if (!condition) problems.add(new FieldProblem(field, type, List.of(arguments)));
            return this;
        }

        public boolean hasProblemWith(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) throw new InvalidInput(problems);
        }
    }
}
