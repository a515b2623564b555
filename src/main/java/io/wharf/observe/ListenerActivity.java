package io.wharf.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;

/**
 * Totals and 1, 5 and 15 minute rates of one listener's traffic, for a person asking how
 * busy it is right now, without a Prometheus.
 */
final class ListenerActivity {

	private final Counter messagesIn;

	private final Counter messagesOut;

	private final Counter bytesIn;

	private final Counter bytesOut;

	private final AtomicInteger active;

	private final Rates messagesInRate = new Rates();

	private final Rates messagesOutRate = new Rates();

	private final Rates bytesInRate = new Rates();

	private final Rates bytesOutRate = new Rates();

	ListenerActivity(Counter messagesIn, Counter messagesOut, Counter bytesIn, Counter bytesOut, AtomicInteger active) {
		this.messagesIn = messagesIn;
		this.messagesOut = messagesOut;
		this.bytesIn = bytesIn;
		this.bytesOut = bytesOut;
		this.active = active;
	}

	void tick() {
		this.messagesInRate.tick(this.messagesIn.count());
		this.messagesOutRate.tick(this.messagesOut.count());
		this.bytesInRate.tick(this.bytesIn.count());
		this.bytesOutRate.tick(this.bytesOut.count());
	}

	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("activeConnections", this.active.get());
		summary.put("messagesReceived", (long) this.messagesIn.count());
		summary.put("messagesSent", (long) this.messagesOut.count());
		summary.put("bytesReceived", (long) this.bytesIn.count());
		summary.put("bytesSent", (long) this.bytesOut.count());
		// In a stable order, as a person reads them: received before sent, 1m before 15m.
		Map<String, Object> rates = new LinkedHashMap<>();
		rates.put("messagesReceived", rates(this.messagesInRate));
		rates.put("messagesSent", rates(this.messagesOutRate));
		rates.put("bytesReceived", rates(this.bytesInRate));
		rates.put("bytesSent", rates(this.bytesOutRate));
		summary.put("ratesPerSecond", rates);
		return summary;
	}

	private static Map<String, Double> rates(Rates rates) {
		double[] perSecond = rates.perSecond();
		Map<String, Double> windows = new LinkedHashMap<>();
		windows.put("1m", round(perSecond[0]));
		windows.put("5m", round(perSecond[1]));
		windows.put("15m", round(perSecond[2]));
		return windows;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
