package org.tally.system;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

/**
 * Required fields, nullability and closed sets of the OpenAPI document, read from the
 * records the API answers and reads, so a field added to a record comes out right without
 * a word in the document (docs/api.md, "The OpenAPI document"):
 * <ul>
 * <li>a response record (no Bean Validation constraint on any component) always writes
 * every component, so each is {@code required}, except those Jackson leaves out
 * ({@code @JsonInclude(NON_NULL|NON_EMPTY|NON_ABSENT)}); a component is {@code nullable}
 * exactly when its type is {@code @Nullable} (JSpecify) or an {@code Optional};</li>
 * <li>a request record (constraints on its components) requires what Bean Validation
 * requires ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}); any other reference
 * may be left out or sent as {@code null};</li>
 * <li>a {@code @Pattern} is anchored as Bean Validation matches it (the whole value), and
 * a pattern that only lists words ({@code ADMIN|STAFF}) becomes an {@code enum}.</li>
 * </ul>
 */
@Component
class RecordSchemas implements ModelConverter {

	private static final Pattern WORD_LIST = Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*");

	@Override
	public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> schema = chain.next().resolve(type, context, chain);
		Class<?> raw = rawClass(type.getType());
		if (schema == null || raw == null || !raw.isRecord()) {
			return schema;
		}
		Schema<?> model = schema;
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model != null && model.getProperties() != null) {
			describe(raw, model);
		}
		return schema;
	}

	/**
	 * The class of a type, also of swagger's Jackson 2 {@code JavaType} (read
	 * reflectively).
	 */
	private static Class<?> rawClass(Type type) {
		if (type == null) {
			return null;
		}
		Class<?> resolved = ResolvableType.forType(type).resolve();
		if (resolved != null && !Type.class.isAssignableFrom(resolved)) {
			return resolved;
		}
		try {
			return (Class<?>) type.getClass().getMethod("getRawClass").invoke(type);
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			return null;
		}
	}

	static void describe(Class<?> record, Schema<?> model) {
		boolean request = isRequest(record);
		List<String> required = new ArrayList<>();
		for (RecordComponent component : record.getRecordComponents()) {
			String name = jsonName(component);
			@SuppressWarnings("unchecked")
			Schema<Object> property = (Schema<Object>) model.getProperties().get(name);
			if (property == null) {
				continue;
			}
			boolean isRequired = request ? requiredInRequest(component) : !leftOutWhenEmpty(component);
			boolean nullable = request ? !isRequired && !component.getType().isPrimitive() : isNullable(component);
			if (isRequired) {
				required.add(name);
			}
			Schema<?> described = nullable ? nullable(property) : property;
			anchor(described);
			model.getProperties().put(name, described);
		}
		model.setRequired(required.isEmpty() ? null : required);
	}

	private static boolean isRequest(Class<?> record) {
		return Arrays.stream(record.getRecordComponents())
			.flatMap((component) -> Arrays.stream(component.getAccessor().getAnnotations()))
			.anyMatch((annotation) -> annotation.annotationType()
				.getPackageName()
				.equals("jakarta.validation.constraints"));
	}

	private static boolean requiredInRequest(RecordComponent component) {
		return has(component, NotNull.class) || has(component, NotBlank.class) || has(component, NotEmpty.class);
	}

	private static boolean leftOutWhenEmpty(RecordComponent component) {
		JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
		return include != null && include.value() != JsonInclude.Include.ALWAYS
				&& include.value() != JsonInclude.Include.USE_DEFAULTS;
	}

	private static boolean isNullable(RecordComponent component) {
		return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
				|| component.getType() == Optional.class;
	}

	private static boolean has(RecordComponent component, Class<? extends Annotation> annotation) {
		return component.getAccessor().isAnnotationPresent(annotation);
	}

	private static String jsonName(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	/**
	 * A nullable property: OpenAPI 3.0 ignores {@code nullable} beside a {@code $ref}, so
	 * a reference is wrapped in {@code allOf}.
	 */
	private static Schema<?> nullable(Schema<Object> property) {
		if (property.get$ref() != null) {
			return new Schema<>().allOf(List.of(new Schema<>().$ref(property.get$ref())))
				.nullable(true)
				.description(property.getDescription());
		}
		property.setNullable(true);
		return property;
	}

	/**
	 * Bean Validation's {@code @Pattern} matches the whole value; JSON Schema's
	 * {@code pattern} finds it anywhere, so it is anchored, and a list of words is an
	 * enum.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void anchor(Schema schema) {
		String pattern = schema.getPattern();
		if (pattern == null || pattern.startsWith("^")) {
			return;
		}
		if (WORD_LIST.matcher(pattern).matches() && schema.getEnum() == null) {
			schema.setEnum(List.of(pattern.split("\\|")));
			schema.setPattern(null);
		}
		else {
			schema.setPattern("^(?:" + pattern + ")$");
		}
	}

}
