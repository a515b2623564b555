package io.wharf.observe;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.integration.context.IntegrationObjectSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of Wharf's that is a Spring Integration component logs in the
 * {@code wharf-integration} group, so none of them writes Spring Integration's INFO lines
 * into an application's start-up log.
 */
class IntegrationLoggingTests {

	@Test
	void theGroupNamesEverySpringIntegrationComponentOfWharfs() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isConcrete();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(IntegrationObjectSupport.class));
		Set<String> components = new TreeSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("io.wharf")) {
			components.add(definition.getBeanClassName());
		}
		assertThat(components).isNotEmpty().containsExactlyInAnyOrderElementsOf(IntegrationLogging.MEMBERS);
	}

}
