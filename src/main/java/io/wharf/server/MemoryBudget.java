package io.wharf.server;

import java.lang.management.ManagementFactory;

/**
 * The standalone server's memory, sized together so that a pod under full load stays
 * inside its limit: the heap is half the container's memory
 * ({@code -XX:MaxRAMPercentage=50} in the image), and Netty's direct buffers, which
 * nothing caps by default, a quarter of the heap, so an eighth of the container; the rest
 * is the JVM's own (metaspace, code, threads, GC) and the kernel's socket buffers, which
 * the pod's memory limit counts too. An operator's own {@code -Dio.netty.maxDirectMemory}
 * or {@code -XX:MaxDirectMemorySize} wins. An application that embeds Wharf sizes its own
 * memory.
 */
public final class MemoryBudget {

	/** Netty's direct memory at most, as a share of the maximum heap. */
	static final double DIRECT_PER_HEAP = 0.25;

	private MemoryBudget() {
	}

	/**
	 * Caps Netty's direct memory unless the operator did; called by the standalone
	 * server's defaults as its environment is prepared, before Netty loads.
	 */
	public static void apply() {
		if (System.getProperty("io.netty.maxDirectMemory") != null || ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.anyMatch((argument) -> argument.startsWith("-XX:MaxDirectMemorySize"))) {
			return;
		}
		System.setProperty("io.netty.maxDirectMemory", Long.toString(directBytes(Runtime.getRuntime().maxMemory())));
	}

	static long directBytes(long maxHeap) {
		return (long) (maxHeap * DIRECT_PER_HEAP);
	}

}
