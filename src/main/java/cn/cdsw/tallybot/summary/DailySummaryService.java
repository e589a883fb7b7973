package cn.cdsw.tallybot.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import cn.cdsw.tallybot.config.GroupConfig;
import cn.cdsw.tallybot.config.GroupDirectory;
import cn.cdsw.tallybot.platform.GroupRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily summary's entry point (docs/daily-summary.md): posts each day's tally to
 * every summary group exactly once per (group, date), and re-posts on an operator's
 * request.
 *
 * <p>
 * {@link #postDue} is the one idempotent tick: the normal post, retries, the catch-up
 * after downtime (补发), a restart and several replicas all run the same code, because what
 * to do depends only on the instant and on the {@code summary_post} rows
 * (docs/daily-summary.md §4).
 */
public class DailySummaryService {

    private static final Logger log = LoggerFactory.getLogger(DailySummaryService.class);

    private final SummaryClaimRepository claims;

    private final SummaryDelivery delivery;

    private final SummaryComposer composer;

    private final GroupDirectory groups;

    private final PostSchedule schedule;

    private final Predicate<LocalDate> postsOn;

    DailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery, SummaryComposer composer,
            GroupDirectory groups, PostSchedule schedule) {
        this(claims, delivery, composer, groups, schedule, date -> true);
    }

    /**
     * @param postsOn the days with a scheduled post (all, or only the days anyone reports
     * when {@code tallybot.summary.skip-days-off} is set)
     */
    DailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery, SummaryComposer composer,
            GroupDirectory groups, PostSchedule schedule, Predicate<LocalDate> postsOn) {
        this.claims = claims;
        this.delivery = delivery;
        this.composer = composer;
        this.groups = groups;
        this.schedule = schedule;
        this.postsOn = postsOn;
    }

    /**
     * Does whatever is due at {@code now}. The due date is today once the local post time
     * has passed, else yesterday ({@link PostSchedule#dueDate}); every summary group gets
     * a {@code pending} claim for it (a no-op when the row exists), marked catch-up (补发)
     * when {@code now} is past the post time's on-time window. Then every row that is
     * pending, or failed and due for a retry, is sent. Calling this again at any later
     * instant never sends a (group, date) twice.
     */
    public void postDue(Instant now) {
        LocalDate date = schedule.dueDate(now);
        boolean catchUp = schedule.isCatchUp(date, now);
        boolean posts = schedule.owed(date) && postsOn.test(date);
        for (GroupConfig group : posts ? groups.summaryGroups() : List.<GroupConfig>of()) {
            if (claims.claim(ref(group), date, catchUp, now)) {
                log.info("Claimed the summary of {} for {}:{}{}", date, group.platform(), group.id(),
                        catchUp ? " (补发)" : "");
            }
        }
        delivery.renew(now);
        TickSummaries summaries = new TickSummaries(composer);
        for (SummaryPost post : claims.due(now)) {
            delivery.deliver(post, summaries, now);
        }
    }

    /**
     * Composes the summary of {@code date} and queues it for every summary group now,
     * whatever was posted before: a deliberate re-post ({@code POST /api/v1/summary},
     * {@code #日报 11月28日}), so no 补发 mark (but 重发 when the day was posted before,
     * {@link SummaryComposer#composeOnRequest}). Each group's row becomes a fresh
     * {@code pending} claim queued by this replica (unless that group's post is queued
     * already), so the group never gets the scheduled post on top, a failed send is
     * retried like a scheduled one, and {@link #progress} shows how far it got. Returns
     * at once; the posts leave at their groups' pace.
     */
    public List<Delivery> postNow(LocalDate date) {
        DailySummary summary = composer.composeOnRequest(date);
        AtomicBoolean posted = new AtomicBoolean();
        Runnable firstSent = () -> {
            if (posted.compareAndSet(false, true)) {
                composer.posted(summary);
            }
        };
        return groups.summaryGroups().stream().map(group -> delivery.repost(ref(group), summary, firstSent)).toList();
    }

    /** Every group's post of {@code date} as it stands at {@code now}. */
    public List<PostProgress> progress(LocalDate date, Instant now) {
        return claims.ofDate(date).stream().map(post -> PostProgress.of(post, now)).toList();
    }

    /**
     * Logs every post left in {@code sending}: the process died during the call, so the
     * group may or may not have it. It is not resent (at-most-once beats a double post);
     * an operator checks the group and re-posts.
     */
    void reportInterrupted() {
        for (SummaryPost post : claims.interrupted()) {
            log.error("The summary {} was being sent by {} when that process stopped; it is not resent "
                    + "automatically. Check the group, and if it is missing re-post with POST /api/v1/summary?date={}",
                    post.key(), post.owner(), post.date());
        }
    }

    private static GroupRef ref(GroupConfig group) {
        return new GroupRef(group.platform(), group.id());
    }

}
