/**
 * Totals, rankings, record listings and the missing-report list over active records (docs/commands.md §7), as SQL
 * aggregates; figures in different units are never added. Also the Chinese formatting of query replies.
 */
@NullMarked
package cn.cdsw.tallybot.query;

import org.jspecify.annotations.NullMarked;
