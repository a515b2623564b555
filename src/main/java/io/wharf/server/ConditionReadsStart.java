package io.wharf.server;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.PropertySource;

/**
 * Starts {@link ConditionReads} just before the context refreshes, so that it notes what
 * bean conditions read, not what logging, the banner and the start-up log line read
 * before.
 */
class ConditionReadsStart implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		PropertySource<?> reads = event.getApplicationContext()
			.getEnvironment()
			.getPropertySources()
			.get(ConditionReads.NAME);
		if (reads instanceof ConditionReads conditionReads) {
			conditionReads.start();
		}
	}

}
