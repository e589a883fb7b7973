package cn.cdsw.tallybot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * What some loggers say during each test, kept off the console so that the test can
 * assert it: a test that provokes a WARN or ERROR on purpose checks that line (it is part
 * of the behaviour) instead of printing it. Register it as a field:
 * {@code @RegisterExtension final LogCapture log = LogCapture.of(SummaryDelivery.class);}
 *
 * <p>
 * During the test those loggers log at INFO and up, as in production, whatever the test
 * logging's level. Nothing that should be seen is lost:
 * <ul>
 * <li>a WARN or ERROR at a level the test never asked about ({@link #lines},
 * {@link #warnings}, {@link #errors}, {@link #events}) is printed after the test, if the
 * console would have shown it without the capture;</li>
 * <li>when the test fails, everything captured is printed after it.</li>
 * </ul>
 * The hooks, {@link CapturedLevels} and {@link CapturedEvents}, are declared in
 * {@code logback-test.xml} rather than attached here: Spring Boot stops and resets
 * logback whenever it initialises logging (every application started after another was
 * closed) and then reads that file again, so they survive applications started during a
 * test.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private static final List<LogCapture> ACTIVE = new CopyOnWriteArrayList<>();

    private final List<String> names;

    private final boolean quiet;

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    private final Set<Level> asked = ConcurrentHashMap.newKeySet();

    private LogCapture(List<String> names, boolean quiet) {
        this.names = names;
        this.quiet = quiet;
    }

    /** Captures these classes' loggers. */
    public static LogCapture of(Class<?>... loggers) {
        return named(Stream.of(loggers).map(Class::getName).toArray(String[]::new));
    }

    /** Captures these loggers and their children. */
    public static LogCapture named(String... loggers) {
        return new LogCapture(List.of(loggers), false);
    }

    /**
     * Keeps these loggers off the console in tests that provoke them without being about
     * them (a client library reporting the outage the test makes); what they said is
     * still printed when the test fails.
     */
    public static LogCapture quieting(String... loggers) {
        return new LogCapture(List.of(loggers), true);
    }

    /** The messages logged at exactly this level so far, in order, formatted. */
    public List<String> lines(Level level) {
        return events(level).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    public List<String> warnings() {
        return lines(Level.WARN);
    }

    public List<String> errors() {
        return lines(Level.ERROR);
    }

    /**
     * The events logged at exactly this level so far, for what the message alone does not
     * show (the exception).
     */
    public List<ILoggingEvent> events(Level level) {
        asked.add(level);
        return events.stream().filter(e -> e.getLevel().equals(level)).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        events.clear();
        asked.clear();
        ACTIVE.add(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ACTIVE.remove(this);
        boolean failed = context.getExecutionException().isPresent();
        List<ILoggingEvent> shown = new ArrayList<>();
        for (ILoggingEvent event : events) {
            if (failed || (!quiet && unasked(event))) {
                shown.add(event);
            }
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (ILoggingEvent event : shown) {
            root.iteratorForAppenders().forEachRemaining(appender -> appender.doAppend(event));
        }
    }

    /**
     * A WARN or ERROR at a level the test did not ask about, that the console would have
     * shown.
     */
    private boolean unasked(ILoggingEvent event) {
        Level level = event.getLevel();
        return level.isGreaterOrEqual(Level.WARN) && !asked.contains(level) && level
            .isGreaterOrEqual(((Logger) LoggerFactory.getLogger(event.getLoggerName())).getEffectiveLevel());
    }

    private boolean covers(String logger) {
        for (String name : names) {
            if (logger.equals(name) || (logger.startsWith(name) && logger.charAt(name.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable LogCapture covering(String logger) {
        for (LogCapture capture : ACTIVE) {
            if (capture.covers(logger)) {
                return capture;
            }
        }
        return null;
    }

    /**
     * In logback-test.xml: lets a captured logger's INFO and up through, whatever its
     * configured level.
     */
    public static final class CapturedLevels extends TurboFilter {

        @Override
        public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
                Object @Nullable [] params, @Nullable Throwable t) {
            if (ACTIVE.isEmpty() || !level.isGreaterOrEqual(Level.INFO) || covering(logger.getName()) == null) {
                return FilterReply.NEUTRAL;
            }
            return FilterReply.ACCEPT;
        }

    }

    /**
     * In logback-test.xml, on the console appender: takes a captured logger's events off
     * the console.
     */
    public static final class CapturedEvents extends Filter<ILoggingEvent> {

        @Override
        public FilterReply decide(ILoggingEvent event) {
            LogCapture capture = ACTIVE.isEmpty() ? null : covering(event.getLoggerName());
            if (capture == null) {
                return FilterReply.NEUTRAL;
            }
            event.prepareForDeferredProcessing();
            capture.events.add(event);
            return FilterReply.DENY;
        }

    }

}
