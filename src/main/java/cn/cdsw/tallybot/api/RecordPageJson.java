package cn.cdsw.tallybot.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/**
 * One page of the record listing (docs/api.md §2): the records in id order, and the
 * cursor of the next page, null on the last one. Null is written rather than left out, so
 * a client can tell the last page from a field it does not know.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RecordPageJson(@JsonProperty("records") List<RecordJson> records, @JsonProperty("next") @Nullable String next) {
}
