/**
 * Loads {@code bot-config/} (districts, metric dictionary, materials, categories, command words, grammar
 * words, groups, coordinators) into immutable records, validated at start-up: a mistake stops the bot with
 * a message naming the file and line (issue 2, item 2). Chinese vocabulary lives here, never in
 * {@code application.yml} (style rule 26).
 */
@NullMarked
package cn.cdsw.tallybot.config;

import org.jspecify.annotations.NullMarked;
