/**
 * What users read: every reply, refusal, help text and the daily summary, in one
 * catalogue per language ({@code src/main/resources/wording/zh.yml}) with one typed
 * method per message, and the one style figures are printed in
 * ({@link cn.cdsw.tallybot.wording.FigureStyle}). Plain Java apart from its bean wiring:
 * the grammar returns what it refused as a value and this package words it, so
 * {@code command} holds no reply text.
 */
@NullMarked
package cn.cdsw.tallybot.wording;

import org.jspecify.annotations.NullMarked;
