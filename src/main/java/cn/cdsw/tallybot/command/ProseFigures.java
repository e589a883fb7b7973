package cn.cdsw.tallybot.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;

/**
 * The figures read out of a paragraph, in the order they were written. Unlike
 * {@link DraftBuilder} nothing is refused here: a figure that would not be stored as
 * written (a fraction of a visit, above the ceiling, a second 走访…户) is left out, because
 * the sender sees the list before anything is kept and can send it corrected.
 */
final class ProseFigures {

    private final BotConfig config;

    private final List<Metric> metrics = new ArrayList<>();

    private final List<Item> items = new ArrayList<>();

    private @Nullable Long explicitTotal;

    private @Nullable BigDecimal valueYuan;

    ProseFigures(BotConfig config) {
        this.config = config;
    }

    /**
     * Adds the figure when the metric takes the unit; false when it does not (the caller
     * tries another).
     */
    boolean metric(MetricDefinition definition, Token.Quantity q) {
        if (q.unit() == null || definition.canonicalUnit(q.unit()).isEmpty()) {
            return false;
        }
        String unit = definition.canonicalUnit(q.unit()).get();
        if (!whole(q.value(), definition.ceiling())
                || metrics.stream().anyMatch(m -> m.key().equals(definition.key()) && m.unit().equals(unit))) {
            return true;
        }
        metrics.add(new Metric(definition.key(), unit, q.value().longValueExact(), q.approx()));
        return true;
    }

    void item(String name, Token.Quantity q) {
        String unit = q.unit();
        if (unit == null || !whole(q.value(), config.materials().ceiling())
                || items.stream().anyMatch(i -> i.name().equals(name) && i.unit().equals(unit))) {
            return;
        }
        items.add(new Item(name, q.value().longValueExact(), unit, q.approx()));
    }

    void materialsTotal(Token.Quantity q) {
        if (explicitTotal != null || !whole(q.value(), config.materials().ceiling())) {
            return;
        }
        explicitTotal = q.value().longValueExact();
    }

    void value(Token.Quantity q) {
        BigDecimal yuan = q.value();
        if (valueYuan != null || yuan.stripTrailingZeros().scale() > 2
                || yuan.compareTo(config.materials().valueCeilingYuan()) > 0) {
            return;
        }
        valueYuan = yuan;
    }

    boolean isEmpty() {
        return metrics.isEmpty() && items.isEmpty() && explicitTotal == null && valueYuan == null;
    }

    List<Metric> metrics() {
        return List.copyOf(metrics);
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    @Nullable Long explicitTotal() {
        return explicitTotal;
    }

    @Nullable BigDecimal valueYuan() {
        return valueYuan;
    }

    private static boolean whole(BigDecimal value, long ceiling) {
        return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(ceiling)) <= 0;
    }

}
