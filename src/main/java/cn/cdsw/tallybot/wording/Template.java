package cn.cdsw.tallybot.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One message of the catalogue with its terms already filled in: literal text and the
 * arguments the code fills, in the order its code declared them. Filling is positional
 * and checked against that declaration, so a message and the one method that sends it
 * cannot drift apart silently.
 */
final class Template {

    private final String key;

    private final List<String> literals = new ArrayList<>();

    private final List<Integer> slots = new ArrayList<>();

    private final int arity;

    /**
     * {@code text} with {@code {name}} placeholders, each of which must be one of
     * {@code arguments}.
     */
    Template(String key, String text, List<String> arguments) {
        this.key = key;
        this.arity = arguments.size();
        Matcher m = Catalogue.PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            literals.add(text.substring(from, m.start()));
            slots.add(arguments.indexOf(m.group(1)));
            from = m.end();
        }
        literals.add(text.substring(from));
    }

    String fill(String... values) {
        if (values.length != arity) {
            throw new IllegalArgumentException(key + " takes " + arity + " values, not " + values.length);
        }
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < slots.size(); i++) {
            out.append(values[slots.get(i)]).append(literals.get(i + 1));
        }
        return out.toString();
    }

}
