package cn.cdsw.tallybot.command;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What {@link QuantityScanner} makes of a piece of text: words and quantities, in order.
 */
sealed interface Token permits Token.Word, Token.Quantity {

    String raw();

    /**
     * Any text that is not a quantity: a metric word, an item name, a district, or
     * something unreadable.
     */
    record Word(String raw) implements Token {
    }

    /**
     * A number with its unit as written ({@code unit} null when none was written).
     * {@code negative} is kept rather than refused here so the reply can name the
     * fragment.
     */
    record Quantity(BigDecimal value, boolean approx, boolean negative, @Nullable String unit,
            String raw) implements Token {
    }

}
