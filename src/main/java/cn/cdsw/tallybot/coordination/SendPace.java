package cn.cdsw.tallybot.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.convert.DurationStyle;

/**
 * How fast the bot may send to one conversation, per platform: one or more rates that
 * must all hold, e.g. {@code 3/3s} (a burst of three, then about one a second) for QQ and
 * {@code 20/1m} for DingTalk and WeCom (docs/coordination.md §6). A send slot is free
 * when every rate has fewer than its limit in the window before it. Platforms without a
 * pace of their own use {@code fallback}.
 *
 * @param byPlatform the rates of each named platform
 * @param fallback the rates of every other platform
 */
public record SendPace(Map<String, List<Rate>> byPlatform, List<Rate> fallback) {

    public SendPace {
        byPlatform = Map.copyOf(byPlatform);
        fallback = List.copyOf(fallback);
        if (fallback.isEmpty() || byPlatform.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a send pace needs at least one rate");
        }
    }

    /** One rate for every platform. */
    public static SendPace uniform(int limit, Duration window) {
        return new SendPace(Map.of(), List.of(new Rate(limit, window)));
    }

    /** The rates of {@code platform}, the one with the largest limit first. */
    public List<Rate> of(String platform) {
        return byPlatform.getOrDefault(platform, fallback);
    }

    /** The most slots any rate of {@code platform} needs to remember. */
    public int depth(String platform) {
        return of(platform).stream().mapToInt(Rate::limit).max().orElse(1);
    }

    /**
     * Reads {@code 3/3s,20/1m}: comma-separated {@code limit/window} pairs, the window in
     * Spring's duration format.
     */
    public static List<Rate> parse(String text) {
        List<Rate> rates = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            int slash = trimmed.indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("'" + trimmed + "' is not limit/window, e.g. 3/3s");
            }
            try {
                rates.add(new Rate(Integer.parseInt(trimmed.substring(0, slash).trim()),
                        DurationStyle.detectAndParse(trimmed.substring(slash + 1).trim().toLowerCase(Locale.ROOT))));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + trimmed + "' is not limit/window, e.g. 3/3s", e);
            }
        }
        rates.sort(Comparator.comparingInt(Rate::limit).reversed());
        return List.copyOf(rates);
    }

    /**
     * At most {@code limit} sends in any {@code window}.
     *
     * @param limit sends per window, at least 1
     * @param window the window, positive
     */
    public record Rate(int limit, Duration window) {

        public Rate {
            Objects.requireNonNull(window, "window");
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate needs a limit of at least 1 and a positive window");
            }
        }

        @Override
        public String toString() {
            return limit + "/" + window;
        }

    }

}
