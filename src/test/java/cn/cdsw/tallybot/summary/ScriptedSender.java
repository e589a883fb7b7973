package cn.cdsw.tallybot.summary;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import cn.cdsw.tallybot.platform.ChatSender;
import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.platform.PlatformCallException;
import cn.cdsw.tallybot.platform.Reply;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatSender} for plain tests: records every call and fails while
 * {@link #failure} says so.
 */
final class ScriptedSender implements ChatSender {

    record Sent(GroupRef group, Reply reply) {
    }

    final List<Sent> calls = new CopyOnWriteArrayList<>();

    final List<Sent> delivered = new CopyOnWriteArrayList<>();

    volatile Supplier<@Nullable RuntimeException> failure = () -> null;

    static PlatformCallException unavailable() {
        return new PlatformCallException("onebot", 503, "http_503", true, "send_group_msg answered HTTP 503");
    }

    static PlatformCallException refused() {
        return new PlatformCallException("onebot", 200, "1200", false, "send_group_msg failed, retcode 1200");
    }

    @Override
    public String platform() {
        return "onebot";
    }

    @Override
    public void send(GroupRef group, Reply reply) {
        calls.add(new Sent(group, reply));
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        delivered.add(new Sent(group, reply));
    }

}
