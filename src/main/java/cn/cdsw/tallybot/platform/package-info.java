/**
 * The edge contract: what every chat platform adapter turns its traffic into
 * ({@link ChatMessage}, {@link MessageRecall}) and the ports the core uses to answer
 * ({@link InboundHandler}, {@link ChatSender}). Records and interfaces only; nothing here
 * knows a platform's wire format, so the core can depend on this package without
 * depending on any platform (docs/architecture.md §6).
 */
@NullMarked
package cn.cdsw.tallybot.platform;

import org.jspecify.annotations.NullMarked;
