/**
 * The admin REST API under {@code /api/v1} (design §8): record listing and lookup, with the record JSON contract,
 * bearer-token access and errors as {@code ProblemDetail}. Totals, summary and export come later.
 */
@NullMarked
package cn.cdsw.tallybot.api;

import org.jspecify.annotations.NullMarked;
