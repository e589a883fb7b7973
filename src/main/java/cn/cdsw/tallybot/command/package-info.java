/**
 * The chat command language of design §3: text → sealed Command; numbers, dates, dictionary.
 * <p>
 * Everything here is a pure function of its arguments (style rule 11): no Spring, no I/O and no clock reads, so the
 * whole grammar is pinned down by plain JUnit and jqwik tests. The pipeline is normalise, then tokenise, then parse
 * (style rule 15); {@link cn.cdsw.tallybot.command.TextNormalizer}, {@link cn.cdsw.tallybot.command.ChineseNumbers}
 * and {@link cn.cdsw.tallybot.command.DateExpressions} are the small building blocks of that pipeline.
 */
@NullMarked
package cn.cdsw.tallybot.command;

import org.jspecify.annotations.NullMarked;
