package cn.cdsw.tallybot.wording;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The messages of one language, read once from {@code wording/<language>.yml} on the
 * class path (UTF-8 YAML, like bot-config, rather than {@code .properties}, which Java
 * and Boot have read as ISO-8859-1). Terms ({@code {#report}}, {@code {term:total-unit}}
 * …) and references to other entries ({@code {see:key}}) are filled in at load; what is
 * left in braces are the arguments of the message.
 * <p>
 * A wording class asks for each of its messages once, in its constructor, naming the
 * arguments it will fill. An entry that is missing, or whose arguments differ from those,
 * stops the start with the key, so a mistake in the file never reaches a chat as a
 * half-filled sentence.
 */
final class Catalogue {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");

    private static final String SEE = "see:";

    /**
     * References may nest (a help text names an example that names a command); deeper is
     * a loop.
     */
    private static final int MAX_DEPTH = 4;

    private final String source;

    private final Map<String, String> texts;

    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private Catalogue(String source, Map<String, String> texts, Set<String> referenced) {
        this.source = source;
        this.texts = texts;
        this.used.addAll(referenced);
    }

    /**
     * The catalogue of {@code language} with {@code terms} (term placeholder → configured
     * word) filled in.
     */
    static Catalogue load(String language, Map<String, String> terms) {
        String source = "wording/" + language + ".yml";
        Map<String, String> raw = new LinkedHashMap<>();
        flatten("", read(source), raw, source);
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> referenced = new LinkedHashSet<>();
        raw.forEach((key, text) -> texts.put(key, resolve(source, key, text, raw, terms, referenced, 0)));
        return new Catalogue(source, texts, referenced);
    }

    /**
     * The message {@code key}, to be filled with {@code arguments} in this order.
     * @throws IllegalStateException when there is no such entry, or its placeholders are
     * not exactly these
     */
    Template template(String key, String... arguments) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException(source + ": no entry '" + key + "'");
        }
        Set<String> placeholders = placeholders(text);
        Set<String> declared = new TreeSet<>(List.of(arguments));
        if (declared.size() != arguments.length || !placeholders.equals(declared)) {
            throw new IllegalStateException(source + ": '" + key + "' has the placeholders " + placeholders
                    + ", but its code fills " + List.of(arguments));
        }
        used.add(key);
        return new Template(key, text, List.of(arguments));
    }

    /** A message without arguments. */
    String text(String key) {
        return template(key).fill();
    }

    /**
     * Entries no wording class asked for and no entry refers to: dead text, which a test
     * refuses.
     */
    Set<String> unused() {
        Set<String> unused = new TreeSet<>(texts.keySet());
        unused.removeAll(used);
        return unused;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String resolve(String source, String key, String text, Map<String, String> raw,
            Map<String, String> terms, Set<String> referenced, int depth) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith(SEE)) {
                String target = name.substring(SEE.length());
                String targetText = raw.get(target);
                if (targetText == null || depth >= MAX_DEPTH) {
                    throw new IllegalStateException(source + ": '" + key + "' refers to "
                            + (targetText == null ? "no entry '" + target + "'" : "entries in a loop"));
                }
                referenced.add(target);
                replacement = resolve(source, key, targetText, raw, terms, referenced, depth + 1);
            }
            else if (name.startsWith("#") || name.contains(":")) {
                replacement = terms.get(name);
                if (replacement == null) {
                    throw new IllegalStateException(source + ": '" + key + "' uses the unknown term {" + name + "}");
                }
            }
            else {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object read(String source) {
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException(source + " is not on the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Nested sections become dotted keys: {@code record: {stored: …}} is
     * {@code record.stored}.
     */
    private static void flatten(String prefix, Object node, Map<String, String> into, String source) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into, source));
        }
        else if (node instanceof String text) {
            into.put(prefix, text);
        }
        else {
            throw new IllegalStateException(source + ": '" + prefix + "' must be text, not " + node);
        }
    }

}
