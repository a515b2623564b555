package io.wharf.transport.tcp.admission;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.UnixOperatingSystemMXBean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cap on TCP connections across all listeners ({@code wharf.max-connections}), below
 * the process's file-descriptor limit so that a flood cannot take the last descriptors:
 * past it every listener would stop accepting and Actuator, and with it the liveness
 * probe, would stop answering. Exact under concurrency, like each listener's own cap.
 */
public final class ProcessConnections {

	private static final Logger logger = LoggerFactory.getLogger(ProcessConnections.class);

	/** Descriptors kept for everything else: listening sockets, Actuator, jars, logs. */
	static final int MIN_HEADROOM = 128;

	private final Slots slots;

	ProcessConnections(int max) {
		this.slots = new Slots(max);
	}

	/**
	 * The cap: as configured, or by default the file-descriptor limit less a tenth (at
	 * least 128) for everything else; a configured cap above that is lowered to it.
	 * @param configured {@code wharf.max-connections}, or null
	 * @return the cap
	 */
	public static ProcessConnections of(@Nullable Integer configured) {
		long descriptors = descriptorLimit();
		long safe = (descriptors > 0) ? descriptors - Math.max(MIN_HEADROOM, descriptors / 10) : Integer.MAX_VALUE;
		int max = (int) Math.max(1, Math.min(Integer.MAX_VALUE, safe));
		if (configured == null) {
			logger.debug("At most {} TCP connections across listeners (file-descriptor limit {})", max, descriptors);
			return new ProcessConnections(max);
		}
		if (configured > max) {
			logger.warn(
					"wharf.max-connections is {}, but the process may open only {} files; capping connections "
							+ "at {} so that listeners and Actuator keep working. Raise the limit (ulimit -n, or the "
							+ "container runtime's nofile) or lower wharf.max-connections",
					configured, descriptors, max);
			return new ProcessConnections(max);
		}
		return new ProcessConnections(configured);
	}

	/**
	 * The process's file-descriptor limit: read from {@code /proc/self/limits} on Linux,
	 * which costs a file read where the JVM's management beans cost tens of milliseconds
	 * of start-up; from those elsewhere.
	 */
	static long descriptorLimit() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
				if (line.startsWith("Max open files")) {
					String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
					return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or not readable: ask the JVM.
		}
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return (os instanceof UnixOperatingSystemMXBean unix) ? unix.getMaxFileDescriptorCount() : -1;
	}

	/**
	 * The cap.
	 * @return connections allowed across listeners
	 */
	public int max() {
		return this.slots.max();
	}

	boolean take() {
		return this.slots.take();
	}

	void release() {
		this.slots.release();
	}

}
