package cn.cdsw.tallybot.platform.onebot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * The WebSocket connections that can carry actions, and which account was last seen in
 * each group and by each user writing in private, so that a send to a group goes out
 * through an account that is in it, and a private answer through the account that was
 * written to (docs/platforms.md §10, §14). Groups and private chats are remembered apart,
 * as their numbers may be the same. Several accounts may be connected at once, and one
 * account more than once for a moment while it reconnects; the newest open connection of
 * an account is used. A group's last account is forgotten after a day without a message
 * from it, and at most {@value #MAX_GROUPS} groups are remembered.
 */
final class OneBotConnections {

    static final int MAX_GROUPS = 10_000;

    /** Oldest first; there are a handful at most, so a copy per change is cheap. */
    private final List<OneBotWsConnection> open = new CopyOnWriteArrayList<>();

    private final Cache<String, String> lastAccount = Caffeine.newBuilder()
        .maximumSize(MAX_GROUPS)
        .expireAfterWrite(Duration.ofDays(1))
        .build();

    private final Cache<String, String> lastAccountOfUser = Caffeine.newBuilder()
        .maximumSize(MAX_GROUPS)
        .expireAfterWrite(Duration.ofDays(1))
        .build();

    void opened(OneBotWsConnection connection) {
        if (connection.callsActions()) {
            open.add(connection);
        }
    }

    void closed(OneBotWsConnection connection) {
        open.remove(connection);
        connection.closed();
    }

    /** {@code selfId} received a message in {@code groupId}, so it is in that group. */
    void seen(String groupId, String selfId) {
        lastAccount.put(groupId, selfId);
    }

    /** {@code userId} wrote to account {@code selfId} in private. */
    void seenPrivate(String userId, String selfId) {
        lastAccountOfUser.put(userId, selfId);
    }

    /**
     * The newest open connection of the account last seen in the group, if it is
     * connected.
     */
    Optional<OneBotWsConnection> forGroup(String groupId) {
        return ofAccount(lastAccount.getIfPresent(groupId));
    }

    /**
     * The newest open connection of the account the user last wrote to in private, if it
     * is connected.
     */
    Optional<OneBotWsConnection> forUser(String userId) {
        return ofAccount(lastAccountOfUser.getIfPresent(userId));
    }

    private Optional<OneBotWsConnection> ofAccount(@Nullable String selfId) {
        if (selfId == null) {
            return Optional.empty();
        }
        List<OneBotWsConnection> snapshot = List.copyOf(open);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            OneBotWsConnection connection = snapshot.get(i);
            if (connection.isOpen() && Objects.equals(selfId, connection.selfId())) {
                return Optional.of(connection);
            }
        }
        return Optional.empty();
    }

    /** The newest open connection of any account. */
    Optional<OneBotWsConnection> any() {
        List<OneBotWsConnection> snapshot = List.copyOf(open);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            OneBotWsConnection connection = snapshot.get(i);
            if (connection.isOpen()) {
                return Optional.of(connection);
            }
        }
        return Optional.empty();
    }

}
