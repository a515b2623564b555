package io.wharf.observe;

/**
 * Rates over the last 1, 5 and 15 minutes of a growing total, as exponentially weighted
 * moving averages updated every {@link #TICK_SECONDS} seconds (the way Unix load averages
 * are).
 */
public final class Rates {

	/** How often {@link #tick(double)} is called. */
	public static final int TICK_SECONDS = 5;

	private static final double[] ALPHAS = { alpha(1), alpha(5), alpha(15) };

	private final double[] rates = new double[3];

	private double last = Double.NaN;

	private static double alpha(int minutes) {
		return 1 - Math.exp(-TICK_SECONDS / 60.0 / minutes);
	}

	/**
	 * Folds in the total's growth since the last tick.
	 * @param total the current total
	 */
	public synchronized void tick(double total) {
		if (!Double.isNaN(this.last)) {
			double rate = (total - this.last) / TICK_SECONDS;
			for (int i = 0; i < this.rates.length; i++) {
				this.rates[i] += ALPHAS[i] * (rate - this.rates[i]);
			}
		}
		this.last = total;
	}

	/**
	 * The rates per second.
	 * @return 1, 5 and 15 minute rates
	 */
	public synchronized double[] perSecond() {
		return this.rates.clone();
	}

}
