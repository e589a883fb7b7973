package cn.cdsw.tallybot.wording;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The reminder (催报) before the summary, and the answers to #催报 and #免打扰
 * (docs/reminders.md): the units still missing, one line per district, then what to send.
 */
public final class ReminderTexts {

    private final FigureStyle figures;

    private final Template head;

    private final Template district;

    private final String tail;

    private final String city;

    private final Template scheduleHead;

    private final Template scheduleLine;

    private final Template scheduleOpen;

    private final String stateOn;

    private final String stateOff;

    private final String noTimes;

    private final Template setOn;

    private final Template setOff;

    private final Template nowNone;

    private final String nowNoGroup;

    private final String muteOn;

    private final String muteOff;

    ReminderTexts(Catalogue c, FigureStyle figures) {
        this.figures = figures;
        head = c.template("reminder.head", "day", "count");
        district = c.template("reminder.district", "district", "units");
        tail = c.text("reminder.tail");
        city = c.text("query.city");
        scheduleHead = c.template("reminder.schedule-head", "times");
        scheduleLine = c.template("reminder.schedule-line", "place", "span", "state", "who", "when");
        scheduleOpen = c.template("reminder.schedule-open", "day");
        stateOn = c.text("reminder.state-on");
        stateOff = c.text("reminder.state-off");
        noTimes = c.text("reminder.no-times");
        setOn = c.template("reminder.set-on", "place", "span");
        setOff = c.template("reminder.set-off", "place", "span");
        nowNone = c.template("reminder.now-none", "day");
        nowNoGroup = c.text("reminder.now-no-group");
        muteOn = c.text("reminder.mute-on");
        muteOff = c.text("reminder.mute-off");
    }

    /**
     * The reminder of {@code day}: how many units are missing, then per district (in the
     * order given) the missing units, then what to send.
     */
    public String reminder(LocalDate day, Map<String, List<String>> missingByDistrict) {
        int count = missingByDistrict.values().stream().mapToInt(List::size).sum();
        List<String> lines = new ArrayList<>();
        lines.add(head.fill(figures.day(day), figures.number(count)));
        missingByDistrict.forEach((name, units) -> lines.add(district.fill(name, figures.names(units))));
        lines.add(tail);
        return String.join("\n", lines);
    }

    /** One stored campaign as #催报 lists it. */
    public record ScheduleEntry(@Nullable String district, LocalDate from, @Nullable LocalDate to, boolean on,
            String who, LocalDate setOn) {
    }

    /** #催报: the reminder times, then every campaign still to come. */
    public String schedule(List<LocalTime> times, List<ScheduleEntry> entries) {
        List<String> lines = new ArrayList<>();
        lines
            .add(times.isEmpty() ? noTimes : scheduleHead.fill(figures.names(times.stream().map(this::time).toList())));
        for (ScheduleEntry entry : entries) {
            lines.add(scheduleLine.fill(place(entry.district()), span(entry.from(), entry.to()),
                    entry.on() ? stateOn : stateOff, entry.who(), figures.day(entry.setOn())));
        }
        return String.join("\n", lines);
    }

    /** The answer to #催报 开启 or 关闭. */
    public String set(boolean on, @Nullable String districtName, LocalDate from, @Nullable LocalDate to) {
        return (on ? setOn : setOff).fill(place(districtName), span(from, to));
    }

    /** #催报 现在 when every unit expected today has reported. */
    public String nowNone(LocalDate day) {
        return nowNone.fill(figures.day(day));
    }

    /** #催报 现在 in a group that gets no summary, so no reminder either. */
    public String nowNoGroup() {
        return nowNoGroup;
    }

    public String mute(boolean on) {
        return on ? muteOn : muteOff;
    }

    private String place(@Nullable String districtName) {
        return districtName == null ? city : districtName;
    }

    private String span(LocalDate from, @Nullable LocalDate to) {
        return to == null ? scheduleOpen.fill(figures.day(from)) : figures.span(from, to);
    }

    private String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

}
