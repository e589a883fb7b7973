package cn.cdsw.tallybot.coordination;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits shared by the replicas (docs/coordination.md §6): commands per sender
 * ({@code command-limit} per {@code command-window}) and messages per group
 * ({@code group-send-limit} per {@code group-send-window}; DingTalk and WeCom allow 20 a
 * minute).
 *
 * @param commandLimit commands one sender may send per command window, across all
 * replicas
 * @param commandWindow the window of the command limit
 * @param groupSendLimit messages the bot may send to one group per group-send window,
 * across all replicas
 * @param groupSendWindow the window of the group send limit
 */
@ConfigurationProperties("tallybot.coordination")
public record CoordinationProperties(@DefaultValue("20") int commandLimit, @DefaultValue("1m") Duration commandWindow,
        @DefaultValue("20") int groupSendLimit, @DefaultValue("1m") Duration groupSendWindow) {

    public CoordinationProperties {
        if (commandLimit < 1 || groupSendLimit < 1) {
            throw new IllegalArgumentException("tallybot.coordination.*-limit must be at least 1");
        }
        positive(commandWindow, "command-window");
        positive(groupSendWindow, "group-send-window");
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tallybot.coordination." + name + " must be positive");
        }
    }
}
