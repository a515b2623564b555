package io.wharf.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Makes a built-in service's bean only when an enabled listener names it
 * ({@code wharf.listeners.<name>.service}), so that an application gets no greeting or
 * echo it does not serve.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnListenerServiceCondition.class)
public @interface ConditionalOnListenerService {

	/**
	 * The service's bean name.
	 * @return the name a listener would give
	 */
	String value();

}
