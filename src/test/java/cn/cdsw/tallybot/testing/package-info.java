/**
 * Test support: the real services integration tests run against, and the rule for when
 * they are missing.
 */
@NullMarked
package cn.cdsw.tallybot.testing;

import org.jspecify.annotations.NullMarked;
