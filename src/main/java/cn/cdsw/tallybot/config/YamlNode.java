package cn.cdsw.tallybot.config;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A read-only view of a composed SnakeYAML node that remembers its file and line, so that
 * every validation message can say where the mistake is. Only the shapes bot-config uses
 * are supported.
 * <p>
 * Binding the files to records with Jackson or Boot's binder would give typed objects but
 * lose the line of each value, which is what makes a message useful to someone editing
 * bot-config; SnakeYAML's nodes keep it.
 */
final class YamlNode {

    private final String file;

    private final Node node;

    private final AskedKeys asked;

    /**
     * The root of one file; {@link #checkKeys()} then says which of its keys no reader
     * asked for.
     */
    YamlNode(String file, Node node) {
        this(file, node, new AskedKeys());
    }

    private YamlNode(String file, Node node, AskedKeys asked) {
        this.file = file;
        this.node = node;
        this.asked = asked;
    }

    private YamlNode child(Node child) {
        return new YamlNode(file, child, asked);
    }

    /** "bot-config/metrics.yml:12", the place to name in messages (1-based line). */
    String where() {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    BotConfigException error(String message) {
        return new BotConfigException(where() + ": " + message);
    }

    @Nullable YamlNode get(String key) {
        MappingNode mapping = mapping();
        asked.add(mapping, key);
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return child(tuple.getValueNode());
            }
        }
        return null;
    }

    YamlNode require(String key) {
        YamlNode child = get(key);
        if (child == null) {
            throw error("missing key '" + key + "'");
        }
        return child;
    }

    /**
     * Whether this is a mapping ({@code key: value} entries) rather than a value or list.
     */
    boolean isMapping() {
        return node instanceof MappingNode;
    }

    List<YamlNode> list() {
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node child : seq.getValue()) {
            items.add(child(child));
        }
        return items;
    }

    /** The entries of a mapping in file order; keys must be plain scalars. */
    Map<String, YamlNode> entries() {
        MappingNode mapping = mapping();
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = child(tuple.getKeyNode());
            asked.add(mapping, key.text());
            if (entries.put(key.text(), child(tuple.getValueNode())) != null) {
                throw key.error("duplicate key '" + key.text() + "'");
            }
        }
        return entries;
    }

    /**
     * Fails on the first key of this file that is written twice in one mapping, or that
     * no reader asked for: a typo such as {@code sumary:} or {@code alias:} would
     * otherwise be ignored without a word, and with a duplicate the first value would
     * silently win. Call it after the readers have read the whole file. A mapping no
     * reader looked into sits under a key that is itself unknown, which is the one
     * reported.
     */
    void checkKeys() {
        checkKeys(node);
    }

    private void checkKeys(Node at) {
        if (at instanceof SequenceNode seq) {
            seq.getValue().forEach(this::checkKeys);
        }
        if (!(at instanceof MappingNode mapping)) {
            return;
        }
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = child(tuple.getKeyNode());
            String name = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : key.where();
            Node first = seen.putIfAbsent(name, tuple.getKeyNode());
            if (first != null) {
                throw key.error("duplicate key '" + name + "' (first at line " + (first.getStartMark().getLine() + 1)
                        + "); keep one");
            }
            Set<String> known = asked.of(mapping);
            if (!known.isEmpty() && !known.contains(name)) {
                throw key.error("unknown key '" + name + "'" + nearest(name, known));
            }
            checkKeys(tuple.getValueNode());
        }
    }

    private static String nearest(String name, Set<String> known) {
        String best = null;
        int distance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = EditDistance.between(name, candidate);
            if (d < distance) {
                best = candidate;
                distance = d;
            }
        }
        List<String> sorted = known.stream().sorted().toList();
        if (best != null && distance <= Math.max(2, name.length() / 2)) {
            return "; did you mean '" + best + "'? (keys here: " + String.join(", ", sorted) + ")";
        }
        return " (keys here: " + String.join(", ", sorted) + ")";
    }

    /**
     * The keys readers asked for, per mapping node of one file (by identity: equal nodes
     * are different places).
     */
    private static final class AskedKeys {

        private final Map<MappingNode, Set<String>> keys = new IdentityHashMap<>();

        void add(MappingNode mapping, String key) {
            keys.computeIfAbsent(mapping, m -> new LinkedHashSet<>()).add(key);
        }

        Set<String> of(MappingNode mapping) {
            return keys.getOrDefault(mapping, Set.of());
        }

    }

    String text() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        String value = s.getValue().strip();
        if (value.isEmpty()) {
            throw error("empty value");
        }
        return value;
    }

    List<String> texts() {
        return list().stream().map(YamlNode::text).toList();
    }

    long number() {
        try {
            return Long.parseLong(text());
        }
        catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + text() + "'");
        }
    }

    boolean bool() {
        return switch (text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error("expected true or false, found '" + text() + "'");
        };
    }

    private MappingNode mapping() {
        if (!(node instanceof MappingNode m)) {
            throw error("expected 'key: value' entries");
        }
        return m;
    }

}
