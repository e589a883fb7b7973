package cn.cdsw.tallybot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.cdsw.tallybot.command.BulletinStation;
import cn.cdsw.tallybot.command.Command;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.wording.BulletinReplies;
import cn.cdsw.tallybot.wording.Wording;

/**
 * A bulletin covering several stations (docs/commands.md §10a), from a coordinator only:
 * every station's draft in one numbered read-back, held until the same coordinator
 * answers in the same group before the follow-up timeout. 确认 stores every station that
 * can be stored, 确认 1 3 those named, 取消 none; each station becomes its own record, so no
 * figure is ever added across units. Storing goes through {@link ReportFiling#file}, like
 * every other report, under a source per station: a 确认 delivered twice, or two sent at
 * once, stores each station once.
 */
@Component
class BulletinConfirmations {

    private static final Logger log = LoggerFactory.getLogger(BulletinConfirmations.class);

    private final PendingBulletins pending;

    private final ReportFiling filing;

    private final BotConfig config;

    private final BulletinReplies replies;

    BulletinConfirmations(PendingBulletins pending, ReportFiling filing, BotConfig config, Wording wording) {
        this.pending = pending;
        this.filing = filing;
        this.config = config;
        this.replies = wording.bulletins();
    }

    /**
     * The read-back of a bulletin; held for 确认 when a station of it can be stored. A
     * member is told to report their own station, and nothing is held.
     */
    String propose(Command.Bulletin bulletin, Turn turn) {
        if (!turn.coordinator()) {
            log.info("bulletin of {} stations refused: the sender is no coordinator", bulletin.stations().size());
            return replies.membersOnly();
        }
        if (!bulletin.storable().isEmpty()) {
            pending.hold(turn.message(), bulletin);
        }
        log.info("bulletin read into {} stations, {} of them can be stored; waits for 确认", bulletin.stations().size(),
                bulletin.storable().size());
        return replies.readBack(bulletin);
    }

    boolean waitingFor(ChatMessage message) {
        return pending.waitingFor(message);
    }

    /** A new command from the sender replaces the bulletin waiting for 确认. */
    void drop(ChatMessage message) {
        pending.drop(message);
    }

    void dropIfOriginal(MessageRecall recall) {
        pending.dropIfOriginal(recall);
    }

    /**
     * The coordinator's answer: 取消 drops the bulletin, 确认 stores all it can, 确认 with
     * numbers those; numbers that are no station, or a station that cannot be stored,
     * keep it waiting with a reply saying which; anything else leaves it waiting
     * silently.
     */
    Optional<String> answer(Turn turn) {
        Optional<PendingBulletins.Pending> waiting = pending.take(turn.message());
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        PendingBulletins.Pending held = waiting.get();
        Optional<BulletinAnswer> answer = BulletinAnswer.read(turn.message().text(), config);
        if (answer.isEmpty()) {
            pending.putBack(held);
            return Optional.empty();
        }
        if (answer.get().cancel()) {
            log.info("bulletin cancelled by its sender");
            return Optional.of(replies.cancelled());
        }
        List<BulletinStation> stations = held.bulletin().stations();
        List<Integer> named = answer.get().numbers();
        List<Integer> unknown = named.stream().filter(n -> n < 1 || n > stations.size()).toList();
        if (!unknown.isEmpty()) {
            pending.putBack(held);
            return Optional.of(replies.noSuchNumber(unknown, stations.size()));
        }
        List<Integer> notStorable = named.stream().filter(n -> !stations.get(n - 1).storable()).toList();
        if (!notStorable.isEmpty()) {
            pending.putBack(held);
            return Optional.of(replies.notStorable(notStorable));
        }
        return Optional.of(store(held, named, new Turn(held.original(), turn.context())));
    }

    private String store(PendingBulletins.Pending held, List<Integer> named, Turn original) {
        List<ActivityRecord> stored = new ArrayList<>();
        List<Integer> leftOut = new ArrayList<>();
        for (BulletinStation station : held.bulletin().storable()) {
            if (named.isEmpty() || named.contains(station.number())) {
                stored.add(filing.file(station.draft(), original.source(station.number()), station.text()).record());
            }
            else {
                leftOut.add(station.number());
            }
        }
        log.info("bulletin confirmed: {} stations stored, {} left out", stored.size(), leftOut.size());
        return replies.stored(stored, leftOut);
    }

}
