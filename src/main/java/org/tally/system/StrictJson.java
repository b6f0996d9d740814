package org.tally.system;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies of the API are read strictly (docs/api.md, "Strict request bodies"): an
 * integer field takes an integer only (no fraction such as 1.5, no exponent such as 1e3,
 * no quoted "45000"), a number field no quoted number, a boolean only true or false, and
 * no string holds the NUL character (PostgreSQL cannot store it). Each refusal is a
 * {@code DatabindException} with the field's path, which {@link ApiExceptionHandler}
 * turns into a problem naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return (builder) -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.addModule(new SimpleModule("tally-strict-strings").addDeserializer(String.class, new NoNulString()));
	}

	/** Jackson's own string reading, refusing U+0000. */
	static final class NoNulString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\u0000') >= 0) {
				throw context.weirdStringException(value, String.class, NUL_MESSAGE);
			}
			return value;
		}

	}

}
