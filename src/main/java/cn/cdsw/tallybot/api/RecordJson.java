package cn.cdsw.tallybot.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Decimals;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.RecordSource;
import cn.cdsw.tallybot.report.ReportContent;

/**
 * The record JSON (docs/api.md §2); its field names are a contract, so each is named here
 * rather than by a global naming strategy, and nulls are always written. Instants and
 * dates are ISO strings built here, independent of the mapper's date settings.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RecordJson(@JsonProperty("id") long id, @JsonProperty("platform") String platform,
        @JsonProperty("group_id") String groupId, @JsonProperty("sender_id") String senderId,
        @JsonProperty("sender_name") String senderName, @JsonProperty("message_id") String messageId,
        @JsonProperty("received_at") String receivedAt, @JsonProperty("activity_date") String activityDate,
        @JsonProperty("district") String district, @JsonProperty("unit") String unit,
        @JsonProperty("category") @Nullable String category, @JsonProperty("metrics") List<MetricJson> metrics,
        @JsonProperty("items") List<ItemJson> items, @JsonProperty("materials_total") @Nullable Long materialsTotal,
        @JsonProperty("value_yuan") @Nullable BigDecimal valueYuan, @JsonProperty("note") @Nullable String note,
        @JsonProperty("status") String status, @JsonProperty("raw_text") String rawText,
        @JsonProperty("supersedes") @Nullable Long supersedes,
        @JsonProperty("superseded_by") @Nullable Long supersededBy) {

    static RecordJson of(ActivityRecord record) {
        RecordSource s = record.source();
        ReportContent c = record.content();
        return new RecordJson(record.id(), s.platform(), s.groupId(), s.senderId(), s.senderName(), s.messageId(),
                s.receivedAt().toString(), c.activityDate().toString(), c.district(), c.unit(), c.category(),
                c.metrics().stream().map(MetricJson::of).toList(), c.items().stream().map(ItemJson::of).toList(),
                c.materialsTotal(), c.valueYuan() == null ? null : Decimals.canonical(c.valueYuan()), c.note(),
                record.status().wireName(), record.rawText(), record.supersedes(), record.supersededBy());
    }

    record MetricJson(@JsonProperty("key") String key, @JsonProperty("unit") String unit,
            @JsonProperty("value") long value, @JsonProperty("approx") boolean approx) {

        static MetricJson of(Metric m) {
            return new MetricJson(m.key(), m.unit(), m.value(), m.approx());
        }
    }

    record ItemJson(@JsonProperty("name") String name, @JsonProperty("quantity") long quantity,
            @JsonProperty("unit") String unit, @JsonProperty("approx") boolean approx) {

        static ItemJson of(Item i) {
            return new ItemJson(i.name(), i.quantity(), i.unit(), i.approx());
        }
    }
}
