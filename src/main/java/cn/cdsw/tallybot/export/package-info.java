/**
 * The Excel ledger (台账) and its CSV (docs/api.md §7): the totals of a scope and period by
 * district and by unit, one row per active record, the materials and the daily series,
 * written with bounded memory however many records there are. Its figures are those of
 * {@code query}, never tallied again here.
 */
@NullMarked
package cn.cdsw.tallybot.export;

import org.jspecify.annotations.NullMarked;
