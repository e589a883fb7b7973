/**
 * The message pipeline: implements the platform's {@code InboundHandler} port and runs
 * each chat message through dedup, parse, dispatch and reply, plus follow-up questions.
 * It also owns the reply log ({@link HandledMessageRepository}) that makes a redelivered
 * event get the same answer (docs/storage.md §9).
 */
@NullMarked
package cn.cdsw.tallybot.conversation;

import org.jspecify.annotations.NullMarked;
