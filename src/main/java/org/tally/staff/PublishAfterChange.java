package org.tally.staff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A {@code publishAfter} a {@code PUT} gives (docs/contract.md §7): the new instant, or
 * {@code null} inside to lift the embargo. The request's component is itself {@code null}
 * when the body leaves the field out, which keeps the election's.
 *
 * @param value the new end of the embargo, or {@code null} for none
 */
@JsonDeserialize(using = PublishAfterChange.Reader.class)
public record PublishAfterChange(@Nullable Instant value) {

	/** Reads an instant, and an explicit JSON {@code null} as a change to none. */
	static final class Reader extends ValueDeserializer<PublishAfterChange> {

		@Override
		public PublishAfterChange deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				// no epoch numbers: an instant is written out (ISO-8601)
				return (PublishAfterChange) context.handleUnexpectedToken(Instant.class, parser);
			}
			return new PublishAfterChange(context.readValue(parser, Instant.class));
		}

		@Override
		public PublishAfterChange getNullValue(DeserializationContext context) {
			return new PublishAfterChange(null);
		}

		@Override
		public Object getAbsentValue(DeserializationContext context) {
			return null;
		}

	}

}
