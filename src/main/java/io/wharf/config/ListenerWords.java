package io.wharf.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.wharf.config.framing.FrameByteOrder;
import io.wharf.config.framing.FramingType;
import io.wharf.config.tls.ClientAuth;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Reads the listener settings that take one of a few words (protocol, framing type, byte
 * order) as configuration spells them, {@code length-prefix} or {@code LENGTH_PREFIX},
 * and refuses anything else by listing the words that work, instead of an enum constant's
 * name.
 */
@ConfigurationPropertiesBinding
class ListenerWords implements GenericConverter {

	private static final Set<Class<?>> WORDS = Set.of(Protocol.class, FramingType.class, FrameByteOrder.class,
			ProxyProtocol.class, ClientAuth.class, ClientLimits.class);

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return WORDS.stream().map((type) -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
	}

	@Override
	public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null) {
			return null;
		}
		String word = normalized(source.toString());
		if (targetType.getType() == ProxyProtocol.class && (word.equals("true") || word.equals("false"))) {
			// YAML 1.1 reads an unquoted on or off as a boolean.
			return word.equals("true") ? ProxyProtocol.ON : ProxyProtocol.OFF;
		}
		Enum<?>[] constants = (Enum<?>[]) targetType.getType().getEnumConstants();
		for (Enum<?> constant : constants) {
			if (normalized(constant.name()).equals(word)) {
				return constant;
			}
		}
		throw new IllegalArgumentException("'" + source + "' is not one of: "
				+ Arrays.stream(constants)
					.map((constant) -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.collect(Collectors.joining(", ")));
	}

	private static String normalized(String word) {
		return word.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

}
