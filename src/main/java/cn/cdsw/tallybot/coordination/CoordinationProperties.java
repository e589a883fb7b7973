package cn.cdsw.tallybot.coordination;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits shared by the replicas (docs/coordination.md §6): commands per sender
 * ({@code command-limit} per {@code command-window}) and the send pace per conversation,
 * per platform ({@code send-pace}).
 *
 * @param commandLimit commands one sender may send per command window, across all
 * replicas
 * @param commandWindow the window of the command limit
 * @param groupSendLimit messages the bot may send to one group per group-send window on a
 * platform without a {@code send-pace} of its own (DingTalk and WeCom allow 20 a minute)
 * @param groupSendWindow the window of the group send limit
 * @param sendPace per platform, the rates sends to one group must keep, as
 * {@code limit/window} pairs separated by commas ({@code onebot: 3/3s}); a blank value
 * falls back to the group send limit
 */
@ConfigurationProperties("tallybot.coordination")
public record CoordinationProperties(@DefaultValue("20") int commandLimit, @DefaultValue("1m") Duration commandWindow,
        @DefaultValue("20") int groupSendLimit, @DefaultValue("1m") Duration groupSendWindow,
        Map<String, String> sendPace) {

    /**
     * QQ (OneBot) allows no fixed number, but accounts that post in quick succession get
     * muted by risk control; the OneBot implementations' communities advise about one
     * message a second per group with a small burst. DingTalk and WeCom group robots
     * refuse more than 20 a minute. Feishu limits a group's bots together to a few
     * messages a second; 5 a second and 100 a minute stay inside what is commonly cited.
     */
    static final Map<String, String> DEFAULT_PACE = Map.of("onebot", "3/3s", "dingtalk", "20/1m", "wecom", "20/1m",
            "feishu", "5/1s,100/1m");

    public CoordinationProperties {
        if (commandLimit < 1 || groupSendLimit < 1) {
            throw new IllegalArgumentException("tallybot.coordination.*-limit must be at least 1");
        }
        positive(commandWindow, "command-window");
        positive(groupSendWindow, "group-send-window");
        Map<String, String> merged = new HashMap<>(DEFAULT_PACE);
        if (sendPace != null) {
            sendPace.forEach((platform, rates) -> {
                if (rates == null || rates.isBlank()) {
                    merged.remove(platform);
                }
                else {
                    merged.put(platform, rates);
                }
            });
        }
        sendPace = Map.copyOf(merged);
        sendPace.forEach((platform, rates) -> {
            try {
                SendPace.parse(rates);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "tallybot.coordination.send-pace." + platform + ": " + e.getMessage(), e);
            }
        });
    }

    /** The pace of every platform, parsed. */
    public SendPace pace() {
        Map<String, List<SendPace.Rate>> rates = new HashMap<>();
        sendPace.forEach((platform, text) -> rates.put(platform, SendPace.parse(text)));
        return new SendPace(rates, List.of(new SendPace.Rate(groupSendLimit, groupSendWindow)));
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tallybot.coordination." + name + " must be positive");
        }
    }
}
