package cn.cdsw.tallybot.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Materials and money words of {@code metrics.yml}: the unit of a materials total (件),
 * the units an item may be counted in (in the file's order, so a reply can name the first
 * few), item names recognised without a 物资 field, and the ceilings that refuse typos.
 */
public record MaterialsVocabulary(String totalUnit, long ceiling, Set<String> units, Set<String> itemNames,
        BigDecimal valueCeilingYuan) {

    public MaterialsVocabulary {
        units = Collections.unmodifiableSet(new LinkedHashSet<>(units));
        itemNames = Set.copyOf(itemNames);
    }
}
