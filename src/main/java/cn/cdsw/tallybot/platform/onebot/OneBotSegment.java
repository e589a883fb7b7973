package cn.cdsw.tallybot.platform.onebot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cdsw.tallybot.platform.Reply;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message segment, {@code {"type":"text","data":{"text":"..."}}} (spec
 * {@code message/array.md}). Parameter values are strings in the spec; numbers some
 * implementations send are read as their text.
 */
@JsonPropertyOrder({ "type", "data" })
record OneBotSegment(String type, Map<String, String> data) {

    OneBotSegment {
        data = Map.copyOf(data);
    }

    static OneBotSegment text(String text) {
        return new OneBotSegment("text", Map.of("text", text));
    }

    /**
     * A quote of the answered message first (the spec's {@code reply} segment, which must
     * lead the message), then the text, then an {@code at} segment per mentioned member
     * on a line of their own, then the image if any; {@code base64://} is what go-cqhttp
     * and NapCat decode.
     */
    static List<OneBotSegment> of(Reply reply) {
        List<OneBotSegment> segments = new ArrayList<>();
        if (reply.quote() != null) {
            segments.add(new OneBotSegment("reply", Map.of("id", reply.quote().messageId())));
        }
        segments.add(text(reply.text()));
        if (!reply.mentions().isEmpty()) {
            // an at segment shows as "@name" and notifies the member; the spaces keep the
            // names apart
            segments.add(text("\n"));
            for (Reply.Mention mention : reply.mentions()) {
                segments.add(new OneBotSegment("at", Map.of("qq", mention.userId())));
                segments.add(text(" "));
            }
            segments.remove(segments.size() - 1);
        }
        if (reply.imagePngBase64() != null) {
            segments.add(new OneBotSegment("image", Map.of("file", "base64://" + reply.imagePngBase64())));
        }
        return List.copyOf(segments);
    }

    @Nullable String param(String name) {
        return data.get(name);
    }

    /**
     * Reads {@code message}: a segment array, a single segment object, or a CQ-code
     * string (the format depends on the implementation's configuration; docs/platforms.md
     * §3). Anything else yields no segments.
     */
    static List<OneBotSegment> listFrom(@Nullable JsonNode message) {
        if (message == null || message.isNull()) {
            return List.of();
        }
        if (message.isString()) {
            return CqCode.parse(message.stringValue());
        }
        if (message.isObject()) {
            return List.of(fromNode(message));
        }
        List<OneBotSegment> segments = new ArrayList<>();
        if (message.isArray()) {
            for (JsonNode element : message) {
                if (element.isObject()) {
                    segments.add(fromNode(element));
                }
            }
        }
        return List.copyOf(segments);
    }

    private static OneBotSegment fromNode(JsonNode node) {
        JsonNode type = node.get("type");
        JsonNode data = node.get("data");
        Map<String, String> params = new LinkedHashMap<>();
        if (data != null && data.isObject()) {
            for (Map.Entry<String, JsonNode> entry : data.properties()) {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                    params.put(entry.getKey(), entry.getValue().asString());
                }
            }
        }
        return new OneBotSegment(type != null && type.isValueNode() ? type.asString() : "", params);
    }
}
