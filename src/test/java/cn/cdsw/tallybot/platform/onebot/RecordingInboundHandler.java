package cn.cdsw.tallybot.platform.onebot;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.cdsw.tallybot.platform.ChatMessage;
import cn.cdsw.tallybot.platform.InboundHandler;
import cn.cdsw.tallybot.platform.MessageRecall;
import cn.cdsw.tallybot.platform.Reply;
import org.jspecify.annotations.Nullable;

/**
 * Records what the adapter hands to the core and answers every message with a fixed reply
 * (or none).
 */
final class RecordingInboundHandler implements InboundHandler {

    final List<ChatMessage> messages = new CopyOnWriteArrayList<>();

    final List<MessageRecall> recalls = new CopyOnWriteArrayList<>();

    private final @Nullable Reply reply;

    RecordingInboundHandler(@Nullable Reply reply) {
        this.reply = reply;
    }

    static RecordingInboundHandler silent() {
        return new RecordingInboundHandler(null);
    }

    @Override
    public Optional<Reply> onMessage(ChatMessage message) {
        messages.add(message);
        return Optional.ofNullable(reply);
    }

    @Override
    public void onRecall(MessageRecall recall) {
        recalls.add(recall);
    }

    boolean untouched() {
        return messages.isEmpty() && recalls.isEmpty();
    }

}
