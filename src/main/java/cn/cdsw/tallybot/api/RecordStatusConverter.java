package cn.cdsw.tallybot.api;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;

import cn.cdsw.tallybot.report.RecordStatus;

/**
 * Binds {@code ?status=} by the names the record JSON uses ({@code active}), in any case;
 * Spring's own enum converter wants the constant's exact name ({@code ACTIVE}). A blank
 * value does not filter.
 */
final class RecordStatusConverter implements Converter<String, @Nullable RecordStatus> {

    /** The accepted values, as the 400 answer lists them. */
    static final String EXPECTED = choices();

    @Override
    public @Nullable RecordStatus convert(String source) {
        String value = source.strip();
        if (value.isEmpty()) {
            return null;
        }
        return Arrays.stream(RecordStatus.values())
            .filter(s -> s.wireName().equalsIgnoreCase(value))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("status must be " + EXPECTED));
    }

    private static String choices() {
        List<String> names = Arrays.stream(RecordStatus.values()).map(RecordStatus::wireName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

}
