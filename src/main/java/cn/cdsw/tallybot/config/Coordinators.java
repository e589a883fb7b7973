package cn.cdsw.tallybot.config;

import java.util.Set;

import cn.cdsw.tallybot.platform.SenderRole;

/**
 * Who may act as a coordinator: the users of {@code coordinators.yml} and, where
 * configured, each group's owner and admins (docs/domain.md §10).
 */
public record Coordinators(boolean groupAdminsAreCoordinators, Set<Coordinator> users) {

    public Coordinators {
        users = Set.copyOf(users);
    }

    public boolean isCoordinator(String platform, String userId, SenderRole role) {
        return users.contains(new Coordinator(platform, userId)) || groupAdminsAreCoordinators && role.isGroupManager();
    }

    /** One configured coordinator account. */
    public record Coordinator(String platform, String userId) {
    }
}
