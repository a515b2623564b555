package io.wharf.transport.udp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The kernel's count of datagrams it dropped for one socket, mostly because the receive
 * buffer was full: the last column of {@code /proc/net/udp} and {@code /proc/net/udp6} on
 * Linux. Elsewhere, or where {@code /proc} cannot be read, it stays 0.
 */
final class KernelDrops {

	private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

	private static final int LOCAL_ADDRESS = 1;

	private static final int INODE = 9;

	private static final int DROPS = 12;

	private final String portSuffix;

	private final String inode;

	private volatile double last;

	private KernelDrops(int port, String inode) {
		this.portSuffix = ":" + String.format(Locale.ROOT, "%04X", port);
		this.inode = inode;
	}

	/**
	 * Finds this process's socket bound to a port.
	 * @param port the local port
	 * @return its drop counter, or one that reads 0 when the socket is not found
	 */
	static KernelDrops of(int port) {
		String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
		List<String> inodes = new ArrayList<>();
		forEachSocket((fields) -> {
			if (fields[LOCAL_ADDRESS].endsWith(suffix)) {
				inodes.add(fields[INODE]);
			}
		});
		String inode = (inodes.size() == 1) ? inodes.get(0) : ownSocket(inodes);
		return new KernelDrops(port, inode);
	}

	/**
	 * Several sockets share the port (other addresses): pick the one this process has.
	 */
	private static String ownSocket(List<String> inodes) {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.map(KernelDrops::link)
				.filter((link) -> link.startsWith("socket:["))
				.map((link) -> link.substring(8, link.length() - 1))
				.filter(inodes::contains)
				.findFirst()
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	private static String link(Path descriptor) {
		try {
			return Files.readSymbolicLink(descriptor).toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Reads the counter.
	 * @return datagrams the kernel dropped for the socket since it was bound
	 */
	double read() {
		if (this.inode.isEmpty()) {
			return 0;
		}
		long[] drops = { 0 };
		forEachSocket((fields) -> {
			if (fields[INODE].equals(this.inode) && fields[LOCAL_ADDRESS].endsWith(this.portSuffix)) {
				drops[0] += Long.parseLong(fields[DROPS]);
			}
		});
		// A table that could not be read must not look like a counter reset.
		this.last = Math.max(this.last, drops[0]);
		return this.last;
	}

	private static void forEachSocket(Consumer<String[]> action) {
		for (Path table : TABLES) {
			if (!Files.isReadable(table)) {
				continue;
			}
			try (Stream<String> lines = Files.lines(table)) {
				lines.skip(1)
					.map((line) -> line.trim().split("\\s+"))
					.filter((fields) -> fields.length > DROPS)
					.forEach(action);
			}
			catch (IOException | RuntimeException ex) {
				// A table that cannot be read counts nothing; the meter stays where it
				// was.
			}
		}
	}

}
