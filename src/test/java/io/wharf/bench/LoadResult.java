package io.wharf.bench;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured.
 *
 * @param operations messages (or connections, or sessions) completed in the measured
 * window
 * @param errors wrong, missing or unexpected replies
 * @param latency round trips in nanoseconds, measured window only
 * @param seconds length of the measured window
 */
record LoadResult(long operations, long errors, Histogram latency, double seconds) {

	double perSecond() {
		return this.operations / this.seconds;
	}

	double percentileMicros(double percentile) {
		return this.latency.getValueAtPercentile(percentile) / 1000.0;
	}

	static Histogram histogram() {
		return new Histogram(60_000_000_000L, 3);
	}

}
