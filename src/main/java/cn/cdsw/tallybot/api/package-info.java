/**
 * The admin REST API under {@code /api/v1} (docs/api.md): record listing and lookup with
 * the record JSON contract, totals, posting the daily summary now, bearer-token access
 * and errors as {@code ProblemDetail}.
 */
@NullMarked
package cn.cdsw.tallybot.api;

import org.jspecify.annotations.NullMarked;
