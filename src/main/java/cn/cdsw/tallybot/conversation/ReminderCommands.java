package cn.cdsw.tallybot.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BotConfigProperties;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.expectation.Campaign;
import cn.cdsw.tallybot.expectation.ExpectedUnits;
import cn.cdsw.tallybot.reminder.ReminderService;
import cn.cdsw.tallybot.wording.CommandRefusals;
import cn.cdsw.tallybot.wording.ReminderTexts;
import cn.cdsw.tallybot.wording.Wording;

/**
 * #催报 (coordinators: the schedule, a reminder now, campaigns on and off) and #免打扰 (any
 * member) (docs/reminders.md §3, §5).
 */
@Component
class ReminderCommands {

    private final ReminderService reminders;

    private final ExpectedUnits expected;

    private final BotConfig config;

    private final ReminderTexts texts;

    private final CommandRefusals refusals;

    private final Clock clock;

    private final ZoneId zone;

    ReminderCommands(ReminderService reminders, ExpectedUnits expected, BotConfig config, Wording wording, Clock clock,
            BotConfigProperties properties) {
        this.reminders = reminders;
        this.expected = expected;
        this.config = config;
        this.texts = wording.reminders();
        this.refusals = wording.commandRefusals();
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * The answer to #催报; empty after {@code 现在} queued a reminder, which is the answer
     * itself.
     */
    Optional<String> remind(Command.Remind remind, Turn turn) {
        if (!turn.coordinator()) {
            return Optional.of(refusals.coordinatorsOnly(CommandType.REMIND));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<GroupConfig> group = config.groups().find(turn.message().platform(), turn.message().groupId());
        return switch (remind.action()) {
            case SHOW -> Optional.of(texts.schedule(group.map(reminders::timesOf).orElse(List.of()),
                    expected.schedule(today).stream().map(this::entry).toList()));
            case NOW -> {
                if (group.isEmpty() || !group.get().summary()) {
                    yield Optional.of(texts.nowNoGroup());
                }
                yield reminders.remindNow(group.get(), clock.instant()) ? Optional.empty()
                        : Optional.of(texts.nowNone(today));
            }
            case ON, OFF -> {
                boolean on = remind.action() == Command.RemindAction.ON;
                LocalDate from = remind.from() == null ? today : remind.from();
                expected.set(remind.district(), from, remind.to(), on, turn.message().platform(),
                        turn.message().senderId(), turn.message().senderName());
                yield Optional.of(texts.set(on, remind.district(), from, remind.to()));
            }
        };
    }

    String mute(Command.Mute mute, Turn turn) {
        reminders.mute(turn.message().platform(), turn.message().senderId(), mute.on(), clock.instant());
        return texts.mute(mute.on());
    }

    private ReminderTexts.ScheduleEntry entry(Campaign campaign) {
        String who = campaign.setByName().isBlank() ? campaign.setById() : campaign.setByName();
        return new ReminderTexts.ScheduleEntry(campaign.district(), campaign.from(), campaign.to(), campaign.on(), who,
                campaign.setAt().atZone(zone).toLocalDate());
    }

}
