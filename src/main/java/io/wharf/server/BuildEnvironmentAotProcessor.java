package io.wharf.server;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * After Spring AOT has evaluated every bean condition, writes the properties they read,
 * with their values, into the jar as a {@link BuildEnvironment}.
 */
class BuildEnvironmentAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableEnvironment.class);
		if (!(environment.getPropertySources().get(ConditionReads.NAME) instanceof ConditionReads reads)) {
			return null;
		}
		BuildEnvironment built = BuildEnvironment.of(reads.stop(), environment);
		return (generationContext, code) -> generationContext.getGeneratedFiles()
			.addResourceFile(BuildEnvironment.LOCATION, built.store());
	}

}
