package cn.cdsw.tallybot.coordination;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived conversation state, such as a report waiting for its district
 * (docs/commands.md §9). Values are opaque strings (JSON) so that any replica can
 * complete what another one asked.
 */
public interface FollowUps {

    void put(String key, String value, Duration ttl);

    Optional<String> get(String key);

    /** Removes and returns the value, so that only one message completes a follow-up. */
    Optional<String> take(String key);

}
