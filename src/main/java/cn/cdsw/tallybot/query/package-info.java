/**
 * Totals, rankings, record listings and the missing-report list over active records
 * (docs/commands.md §7), as SQL aggregates; figures in different units are never added.
 * The replies that show them are worded in {@code wording}.
 * <p>
 * The words a query is asked in, {@link cn.cdsw.tallybot.query.Scope},
 * {@link cn.cdsw.tallybot.query.Period} and {@link cn.cdsw.tallybot.query.RankBy}, are
 * plain records of this package: the chat parser produces them and the admin API and the
 * daily summary build them too, so none of those has to reach into the parser for them.
 */
@NullMarked
package cn.cdsw.tallybot.query;

import org.jspecify.annotations.NullMarked;
