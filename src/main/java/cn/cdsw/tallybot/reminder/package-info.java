/**
 * Reminders (催报) before the evening summary (docs/reminders.md): at each configured time,
 * one message per summary group listing the expected units that have not reported and
 * mentioning the members bound to them, exactly once per (group, date, time) with claims
 * in the database; the members' 免打扰.
 */
@NullMarked
package cn.cdsw.tallybot.reminder;

import org.jspecify.annotations.NullMarked;
