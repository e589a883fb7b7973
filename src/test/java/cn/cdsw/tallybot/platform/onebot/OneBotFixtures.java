package cn.cdsw.tallybot.platform.onebot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the captured-shape payloads under {@code src/test/resources/fixtures/onebot/} as
 * exact bytes.
 */
final class OneBotFixtures {

    private OneBotFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OneBotFixtures.class.getResourceAsStream("/fixtures/onebot/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OneBotEvent event(String name) {
        return OneBotJson.MAPPER.readValue(bytes(name), OneBotEvent.class);
    }

}
