/**
 * Loads {@code bot-config/} (districts, metric dictionary, materials, categories, command
 * words, grammar words, groups, coordinators) into immutable records, validated at
 * start-up: a mistake stops the bot with a message naming the file and line, rather than
 * surfacing as a misread report days later. Chinese vocabulary lives here, never in
 * {@code application.yml} or {@code .properties}, which Boot reads as ISO-8859-1, and a
 * coordinator can extend it without a build.
 */
@NullMarked
package cn.cdsw.tallybot.config;

import org.jspecify.annotations.NullMarked;
