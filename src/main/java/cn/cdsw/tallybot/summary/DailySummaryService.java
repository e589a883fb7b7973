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
 * request. The weekly and monthly reports (§10) ride on the same claims and the same
 * tick: each has its own {@link PostSchedule}, and a row's {@link PostKind} decides what
 * is composed for it.
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

    private final PeriodComposer reports;

    private final List<PostSchedule> schedules;

    private final Predicate<LocalDate> postsOn;

    /** The daily summary alone. */
    DailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery, SummaryComposer composer,
            GroupDirectory groups, PostSchedule schedule) {
        this(claims, delivery, composer, (kind, start, catchUp) -> {
            throw new IllegalStateException("no " + kind.code() + " reports are scheduled");
        }, groups, List.of(schedule), date -> true);
    }

    /**
     * @param schedules one per kind that is posted on schedule; a kind without one is
     * still posted on request
     * @param postsOn the days with a scheduled daily post (all, or only the days anyone
     * reports when {@code tallybot.summary.skip-days-off} is set)
     */
    DailySummaryService(SummaryClaimRepository claims, SummaryDelivery delivery, SummaryComposer composer,
            PeriodComposer reports, GroupDirectory groups, List<PostSchedule> schedules, Predicate<LocalDate> postsOn) {
        this.claims = claims;
        this.delivery = delivery;
        this.composer = composer;
        this.reports = reports;
        this.groups = groups;
        this.schedules = List.copyOf(schedules);
        this.postsOn = postsOn;
    }

    /**
     * Does whatever is due at {@code now}. The due date is today once the local post time
     * has passed, else yesterday ({@link PostSchedule#dueDate}); every summary group gets
     * a {@code pending} claim for it (a no-op when the row exists), marked catch-up (补发)
     * when {@code now} is past the post time's on-time window. Then every row that is
     * pending, or failed and due for a retry, is sent. Calling this again at any later
     * instant never sends a (group, date) twice. The weekly and monthly reports are
     * claimed the same way, each by its own schedule.
     */
    public void postDue(Instant now) {
        for (PostSchedule schedule : schedules) {
            claimDue(schedule, now);
        }
        delivery.renew(now);
        TickSummaries summaries = new TickSummaries(composer, reports);
        for (SummaryPost post : claims.due(now)) {
            delivery.deliver(post, summaries, now);
        }
    }

    private void claimDue(PostSchedule schedule, Instant now) {
        LocalDate date = schedule.dueDate(now);
        boolean catchUp = schedule.isCatchUp(date, now);
        boolean posts = schedule.owed(date) && (schedule.kind() != PostKind.DAILY || postsOn.test(date));
        for (GroupConfig group : posts ? groups.summaryGroups() : List.<GroupConfig>of()) {
            if (claims.claim(ref(group), schedule.kind(), date, catchUp, now)) {
                log.info("Claimed the {} of {} for {}:{}{}",
                        schedule.kind() == PostKind.DAILY ? "summary" : schedule.kind().code() + " report", date,
                        group.platform(), group.id(), catchUp ? " (补发)" : "");
            }
        }
    }

    /**
     * Composes the weekly or monthly report of the period starting on {@code start} and
     * queues it for every summary group now, like {@link #postNow(LocalDate)} does for a
     * day: a deliberate (re-)post, never marked 补发, sent and retried like a scheduled
     * one, and never on top of a scheduled post of the same period that is queued right
     * now.
     */
    public List<Delivery> postNow(PostKind kind, LocalDate start) {
        if (kind == PostKind.DAILY) {
            return postNow(start);
        }
        DailySummary summary = reports.compose(kind, kind.start(start), false);
        return groups.summaryGroups().stream().map(group -> delivery.repost(ref(group), summary, () -> {
        })).toList();
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
        return progress(PostKind.DAILY, date, now);
    }

    /**
     * Every group's post of a kind for the period starting on {@code start}, at
     * {@code now}.
     */
    public List<PostProgress> progress(PostKind kind, LocalDate start, Instant now) {
        return claims.ofDate(kind, start).stream().map(post -> PostProgress.of(post, now)).toList();
    }

    /**
     * Logs every post left in {@code sending}: the process died during the call, so the
     * group may or may not have it. It is not resent (at-most-once beats a double post);
     * an operator checks the group and re-posts.
     */
    void reportInterrupted() {
        for (SummaryPost post : claims.interrupted()) {
            log.error(
                    "The summary {} was being sent by {} when that process stopped; it is not resent "
                            + "automatically. Check the group, and if it is missing re-post with {}",
                    post.key(), post.owner(), post.kind().repostHint(post.date()));
        }
    }

    private static GroupRef ref(GroupConfig group) {
        return new GroupRef(group.platform(), group.id());
    }

}
