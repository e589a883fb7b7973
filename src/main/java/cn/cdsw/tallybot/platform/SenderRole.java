package cn.cdsw.tallybot.platform;

/**
 * The sender's role in the group as the platform reports it; owners and admins may count
 * as coordinators.
 */
public enum SenderRole {

    MEMBER, ADMIN, OWNER;

    public boolean isGroupManager() {
        return this != MEMBER;
    }

}
