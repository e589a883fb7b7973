package cn.cdsw.tallybot.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A read-only view of a composed SnakeYAML node that remembers its file and line, so that every
 * validation message can say where the mistake is. Only the shapes bot-config uses are supported.
 * <p>
 * Binding the files to records with Jackson or Boot's binder would give typed objects but lose the line of each
 * value, which is what makes a message useful to someone editing bot-config; SnakeYAML's nodes keep it.
 */
final class YamlNode {

    private final String file;
    private final Node node;

    YamlNode(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    /** "bot-config/metrics.yml:12", the place to name in messages (1-based line). */
    String where() {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }

    BotConfigException error(String message) {
        return new BotConfigException(where() + ": " + message);
    }

    @Nullable YamlNode get(String key) {
        for (NodeTuple tuple : mapping().getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return new YamlNode(file, tuple.getValueNode());
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

    List<YamlNode> list() {
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node child : seq.getValue()) {
            items.add(new YamlNode(file, child));
        }
        return items;
    }

    /** The entries of a mapping in file order; keys must be plain scalars. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping().getValue()) {
            YamlNode key = new YamlNode(file, tuple.getKeyNode());
            if (entries.put(key.text(), new YamlNode(file, tuple.getValueNode())) != null) {
                throw key.error("duplicate key '" + key.text() + "'");
            }
        }
        return entries;
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
        } catch (NumberFormatException e) {
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
