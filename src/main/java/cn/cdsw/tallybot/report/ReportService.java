package cn.cdsw.tallybot.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import cn.cdsw.tallybot.report.ChangeResult.Changed;
import cn.cdsw.tallybot.report.ChangeResult.NotActive;
import cn.cdsw.tallybot.report.ChangeResult.NotFound;

/**
 * Entry point of the report feature: stores, retracts and corrects activity records, each
 * change with a line in the audit trail (docs/domain.md §5). Duplicates and stale changes
 * are expected outcomes, so they are results the caller turns into replies, not
 * exceptions. Callers check permissions (own record or coordinator) before calling.
 */
@Service
public class ReportService {

    private final RecordRepository records;

    private final RecordAuditRepository audit;

    private final BindingRepository bindings;

    private final Clock clock;

    private final LedgerEntryRepository ledgerEntries;

    ReportService(RecordRepository records, RecordAuditRepository audit, BindingRepository bindings, Clock clock,
            LedgerEntryRepository ledgerEntries) {
        this.records = records;
        this.ledgerEntries = ledgerEntries;
        this.audit = audit;
        this.bindings = bindings;
        this.clock = clock;
    }

    /**
     * Stores a report once per (platform, group, message id, content hash): a redelivery
     * returns the first record and stores nothing. {@code receivedAt} is kept to the
     * millisecond.
     */
    @Transactional
    public StoreResult store(RecordSource source, ReportContent content, String rawText) {
        OptionalLong id = records.insert(source, content, rawText, null);
        if (id.isEmpty()) {
            return new StoreResult.AlreadyStored(existing(source));
        }
        audit.append(id.getAsLong(), RecordEvent.CREATED, authorOf(source), clock.instant(), null);
        return new StoreResult.Stored(RecordRepository.asStored(id.getAsLong(), source, content, rawText, null));
    }

    public Optional<ActivityRecord> find(long id) {
        return records.findById(id);
    }

    /**
     * The newest record made by a message with this id (a platform may reuse an id for a
     * later message).
     */
    public Optional<ActivityRecord> findBySource(String platform, String groupId, String messageId) {
        return records.findNewestByMessageId(platform, groupId, messageId);
    }

    /**
     * The newest {@code limit} records matching the filter, newest first, and how many
     * match in all.
     */
    @Transactional(readOnly = true)
    public Page newest(RecordFilter filter, int limit) {
        return new Page(records.newest(filter, limit), records.count(filter));
    }

    /** Some of the records matching a filter, and how many match. */
    public record Page(List<ActivityRecord> records, long total) {
    }

    /**
     * At most {@code limit} records matching the filter with an id above {@code afterId},
     * in id order: one page of the admin API's listing.
     */
    public List<ActivityRecord> page(RecordFilter filter, long afterId, int limit) {
        return records.page(filter, afterId, limit);
    }

    /**
     * Each active record from {@code from} to {@code to}, of the district and unit where
     * given, with its metrics and items: the rows of a ledger, in date order and within a
     * day in id order, read a page at a time, so that a year's ledger never holds more
     * than a page. Joins the caller's transaction, or opens a read-only one, so that the
     * records and their lines are one snapshot.
     */
    @Transactional(readOnly = true)
    public void eachActiveBetween(LocalDate from, LocalDate to, @Nullable String district, @Nullable String unit,
            Consumer<LedgerEntry> sink) {
        ledgerEntries.eachActiveBetween(from, to, district, unit, sink);
    }

    /**
     * The sender's latest active record in the group: the default target of #撤回 and #更正.
     */
    public Optional<ActivityRecord> lastActive(String platform, String groupId, String senderId) {
        return records.findLastActive(platform, groupId, senderId);
    }

    /**
     * The sender's active records in the group for one activity date, in id order (#我的).
     */
    public List<ActivityRecord> activeOn(String platform, String groupId, String senderId, LocalDate date) {
        return records.findActiveOn(platform, groupId, senderId, date);
    }

    /**
     * The sender's active records for one activity date in every chat (#我的 in private),
     * in id order.
     */
    public List<ActivityRecord> activeAnywhereOn(String platform, String senderId, LocalDate date) {
        return records.findActiveOfSenderOn(platform, senderId, date);
    }

    /** Retracts an active record (#撤回). */
    @Transactional
    public ChangeResult retract(long id, Actor actor) {
        if (records.markRetracted(id)) {
            audit.append(id, RecordEvent.RETRACTED, actor, clock.instant(), null);
            return new Changed(load(id));
        }
        return records.findById(id).<ChangeResult>map(NotActive::new).orElseGet(() -> new NotFound(id));
    }

    /**
     * Retracts the record a recalled chat message created (OneBot {@code group_recall}).
     * Returns the retracted record, or empty when the message made no record or its
     * record is no longer active.
     */
    @Transactional
    public Optional<ActivityRecord> retractBySource(String platform, String groupId, String messageId, Actor actor) {
        Optional<ActivityRecord> record = records.findNewestByMessageId(platform, groupId, messageId);
        if (record.isEmpty() || !records.markRetracted(record.get().id())) {
            return Optional.empty();
        }
        long id = record.get().id();
        audit.append(id, RecordEvent.RECALLED, actor, clock.instant(), null);
        // the record was just read; the retraction changed its status only
        return Optional.of(record.get().withStatus(RecordStatus.RETRACTED));
    }

    /**
     * Replaces an active record by a new one from the correcting message (#更正): the new
     * record names the old one in {@code supersedes}, the old one becomes superseded,
     * both in one transaction. A redelivered correction (its source already stored)
     * returns the record it made the first time.
     */
    @Transactional
    public ChangeResult correct(long oldId, RecordSource source, ReportContent newContent, String rawText,
            Actor actor) {
        Optional<ActivityRecord> already = records.findBySource(source);
        if (already.isPresent()) {
            return new Changed(already.get());
        }
        Optional<ActivityRecord> old = records.findById(oldId);
        if (old.isEmpty()) {
            return new NotFound(oldId);
        }
        if (old.get().status() != RecordStatus.ACTIVE) {
            return new NotActive(old.get());
        }
        return supersede(oldId, source, newContent, rawText, actor);
    }

    public void bind(Binding binding) {
        bindings.upsert(binding);
    }

    public Optional<Binding> bindingOf(String platform, String senderId) {
        return bindings.find(platform, senderId);
    }

    /**
     * The members bound to a unit on {@code platform} (#绑定), for reminders to mention.
     */
    @Transactional(readOnly = true)
    public List<BoundMember> boundMembers(String platform) {
        return bindings.members(platform);
    }

    private ChangeResult supersede(long oldId, RecordSource source, ReportContent content, String rawText,
            Actor actor) {
        OptionalLong inserted = records.insert(source, content, rawText, oldId);
        if (inserted.isEmpty()) {
            // a concurrent delivery of the same correction committed first (PostgreSQL);
            // it did the work
            return new Changed(existing(source));
        }
        long newId = inserted.getAsLong();
        if (!records.markSuperseded(oldId, newId)) {
            // retracted or corrected concurrently since the check above: undo the insert,
            // report the winner
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new NotActive(load(oldId));
        }
        audit.append(newId, RecordEvent.CREATED, actor, clock.instant(), "supersedes #" + oldId);
        audit.append(oldId, RecordEvent.SUPERSEDED, actor, clock.instant(), "superseded by #" + newId);
        return new Changed(RecordRepository.asStored(newId, source, content, rawText, oldId));
    }

    private ActivityRecord existing(RecordSource source) {
        return records.findBySource(source)
            .orElseThrow(() -> new IllegalStateException("no record for a conflicting source " + source));
    }

    private ActivityRecord load(long id) {
        return records.findById(id).orElseThrow(() -> new IllegalStateException("record #" + id + " vanished"));
    }

    private static Actor authorOf(RecordSource source) {
        return new Actor(source.platform(), source.senderId());
    }

}
