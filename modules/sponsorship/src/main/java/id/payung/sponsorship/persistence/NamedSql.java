package id.payung.sponsorship.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with named placeholders ({@code ${name}}) for readability, turned into positional
 * bind values: a placeholder used several times is bound several times. Values are always bound, never
 * spliced into the text.
 */
record NamedSql(String sql, Object[] binds) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    static NamedSql of(String template, Map<String, ?> values) {
        List<Object> binds = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) throw new IllegalArgumentException("no value for ${" + name + "}");
            binds.add(values.get(name));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        return new NamedSql(sql.toString(), binds.toArray());
    }
}
