/**
 * The coordinators' web desk (docs/web.md): the pages served at {@code /}, the one-time
 * sign-in links {@code #后台} hands out, the sessions they start (both kept in the
 * database, so any replica serves them) and the CSRF check on every change a page asks
 * for. Every figure comes from the query feature, as the totals API reads it.
 */
@NullMarked
package cn.cdsw.tallybot.web;

import org.jspecify.annotations.NullMarked;
