/**
 * The chat command language (docs/commands.md): text → sealed Command; numbers, dates,
 * dictionary.
 * <p>
 * Everything here is a pure function of its arguments: no Spring, no I/O and no clock
 * reads, so a message parses the same way whenever it is replayed and the whole grammar
 * is pinned down by plain JUnit and jqwik tests. The pipeline is normalise, then
 * tokenise, then parse, so no later stage has to cope with every spelling a keyboard
 * produces; {@link cn.cdsw.tallybot.command.TextNormalizer},
 * {@link cn.cdsw.tallybot.command.ChineseNumbers} and
 * {@link cn.cdsw.tallybot.command.DateExpressions} are the small building blocks of that
 * pipeline.
 */
@NullMarked
package cn.cdsw.tallybot.command;

import org.jspecify.annotations.NullMarked;
