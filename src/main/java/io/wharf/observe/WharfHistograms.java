package io.wharf.observe;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.jspecify.annotations.Nullable;

/**
 * Full percentile histograms for Wharf's timers, when {@code wharf.metrics.histograms} is
 * true. By default each timer publishes a handful of buckets (service level objectives),
 * enough for the dashboard's percentiles and the alerts, at a fraction of the samples:
 * every full histogram is about 70 series per listener.
 */
final class WharfHistograms implements MeterFilter {

	@Override
	public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (!id.getName().startsWith("wharf.")) {
			return config;
		}
		return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
	}

}
