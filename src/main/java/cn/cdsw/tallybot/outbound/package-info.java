/**
 * Outbound messages: one queue per conversation, each sent when its pace allows, on a
 * small pool of sender threads that never sleep for a slot; retried with backoff until
 * sent or too old to matter (docs/platforms.md §7).
 */
@NullMarked
package cn.cdsw.tallybot.outbound;

import org.jspecify.annotations.NullMarked;
