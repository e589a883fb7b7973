package cn.cdsw.tallybot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code tallybot.*} property is explained where an operator's IDE looks: the
 * metadata the configuration processor writes from the {@code @ConfigurationProperties}
 * records' {@code @param} tags (plus
 * {@code additional-spring-configuration-metadata.json} for anything bound by hand).
 */
class ConfigurationMetadataTests {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void everyTallybotPropertyHasADescription() throws IOException {
        Map<String, String> properties = tallybotProperties();

        assertThat(properties).as("tallybot.* properties in " + METADATA)
            .isNotEmpty()
            .containsKeys("tallybot.api.token", "tallybot.zone", "tallybot.conversation.follow-up-timeout",
                    "tallybot.redis.url", "tallybot.onebot.secret", "tallybot.summary.time");
        assertThat(properties)
            .allSatisfy((name, description) -> assertThat(description).as("description of " + name).isNotBlank());
    }

    @Test
    void everyTallybotKeyOfApplicationYmlIsAKnownProperty() throws IOException {
        Map<String, String> properties = tallybotProperties();
        Map<String, Object> yaml;
        try (InputStream in = resource("application.yml")) {
            yaml = new Yaml().load(in);
        }
        List<String> keys = new ArrayList<>();
        flatten("", yaml, keys);

        assertThat(keys.stream().filter(k -> k.startsWith("tallybot.")).toList()).isNotEmpty()
            .allSatisfy(key -> assertThat(properties).as("metadata").containsKey(key));
    }

    private static Map<String, String> tallybotProperties() throws IOException {
        JsonNode metadata;
        try (InputStream in = resource(METADATA)) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.startsWith("tallybot.")) {
                JsonNode description = property.get("description");
                properties.put(name, description == null ? "" : description.asString());
            }
        }
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, List<String> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, into);
            }
            else {
                into.add(name);
            }
        });
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(ConfigurationMetadataTests.class.getClassLoader().getResourceAsStream(name),
                name + " is not on the class path");
    }

}
