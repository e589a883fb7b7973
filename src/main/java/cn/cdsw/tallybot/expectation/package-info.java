/**
 * Which units are expected to report on a day (docs/reminders.md §2, §3): the calendar of
 * {@code calendar.yml}, the reporting days of units and groups, and the coordinators'
 * campaigns, in one rule that reminders, the missing lists and the weekly reports share.
 */
@NullMarked
package cn.cdsw.tallybot.expectation;

import org.jspecify.annotations.NullMarked;
