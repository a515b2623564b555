package io.wharf.chart;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Finds fields a Kubernetes model object was given but does not declare: fabric8's
 * classes keep them in {@code additionalProperties} instead of failing, so a typo such as
 * {@code containerPorts} would otherwise pass unnoticed.
 */
final class UnknownFields {

	private UnknownFields() {
	}

	static List<String> in(Object object) {
		List<String> found = new ArrayList<>();
		visit(object, object.getClass().getSimpleName(), found);
		return found;
	}

	private static void visit(Object value, String path, List<String> found) {
		if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				visit(element, path + "[" + index++ + "]", found);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> visit(element, path + "." + key, found));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (!isGetter(getter)) {
				continue;
			}
			Object property = invoke(getter, value);
			if (property == null) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) property).keySet().forEach((key) -> found.add(path + "." + key));
			}
			else {
				visit(property, path + "." + getter.getName().substring(3), found);
			}
		}
	}

	private static boolean isGetter(Method method) {
		return method.getName().startsWith("get") && method.getParameterCount() == 0
				&& !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
				&& method.getDeclaringClass().getName().startsWith("io.fabric8.");
	}

	private static @Nullable Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + getter, ex);
		}
	}

}
