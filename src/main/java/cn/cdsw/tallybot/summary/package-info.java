/**
 * The evening tally (docs/daily-summary.md): composing the day's summary, its chart, and
 * delivering it to every summary group exactly once per (group, date), with claims in the
 * database, retries and catch-up.
 */
@NullMarked
package cn.cdsw.tallybot.summary;

import org.jspecify.annotations.NullMarked;
