package cn.cdsw.tallybot.platform;

/**
 * Whether a message was written in a group or in a private chat with the bot. Kept apart
 * everywhere a conversation is named (de-duplication keys, reply log, outbound queues),
 * because a platform's private chat ids and group ids may be the same numbers.
 */
public enum ChatKind {

    GROUP, PRIVATE

}
