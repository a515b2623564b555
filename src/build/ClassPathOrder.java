import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Puts the libraries of the runnable jar in the order a start loads classes from them,
 * the most used first ({@code classpath-order.txt}); the build runs it after Spring
 * Boot's repackaging ({@code java src/build/ClassPathOrder.java JAR ORDER}).
 * <p>
 * Spring Boot's launcher looks a class up in each nested jar in turn, and each miss
 * costs a URL and a connection: with about a hundred jars, sorted by name as a
 * reproducible build sorts them, Spring's own classes are found after some seventy
 * misses each, about a second of a plain {@code java -jar} start
 * ({@code docs/benchmarks.md#start-up}). The order of the jar's {@code BOOT-INF/lib}
 * entries and of its {@code classpath.idx} (which the launcher and
 * {@code -Djarmode=tools extract} follow) is changed alike; nothing else is, and the
 * result is as reproducible as the jar it was given. No class is in two libraries, so
 * the order decides only how soon a class is found.
 */
public final class ClassPathOrder {

	private static final String LIBRARIES = "BOOT-INF/lib/";

	private static final String INDEX = "BOOT-INF/classpath.idx";

	/** A library's name without its version: what precedes the first "-<digit>". */
	private static final Pattern ARTIFACT = Pattern.compile("(.+?)-\\d.*\\.jar");

	private ClassPathOrder() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: ClassPathOrder <runnable jar> <order file>");
		}
		Path jar = Path.of(args[0]);
		List<String> first = Files.readAllLines(Path.of(args[1]))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		Path reordered = jar.resolveSibling(jar.getFileName() + ".reordered");
		try (ZipFile source = new ZipFile(jar.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(Collections.list(source.entries()));
			List<ZipEntry> libraries = entries.stream().filter(ClassPathOrder::isLibrary).toList();
			if (libraries.isEmpty()) {
				throw new IllegalStateException(jar + " has no " + LIBRARIES);
			}
			List<ZipEntry> ordered = new ArrayList<>(libraries);
			ordered.sort(Comparator.comparingInt((ZipEntry library) -> rank(first, library.getName())));
			List<ZipEntry> written = new ArrayList<>(entries);
			int at = written.indexOf(libraries.get(0));
			written.removeAll(libraries);
			written.addAll(at, ordered);
			try (OutputStream file = Files.newOutputStream(reordered);
					ZipOutputStream out = new ZipOutputStream(file)) {
				for (ZipEntry entry : written) {
					byte[] data;
					try (InputStream in = source.getInputStream(entry)) {
						data = in.readAllBytes();
					}
					if (entry.getName().equals(INDEX)) {
						data = index(ordered);
					}
					out.putNextEntry(copy(entry, data));
					out.write(data);
					out.closeEntry();
				}
			}
		}
		Files.move(reordered, jar, StandardCopyOption.REPLACE_EXISTING);
	}

	private static boolean isLibrary(ZipEntry entry) {
		return entry.getName().startsWith(LIBRARIES) && !entry.isDirectory();
	}

	/** Where a library goes: its place in the list, or after every listed one. */
	private static int rank(List<String> first, String entry) {
		Matcher name = ARTIFACT.matcher(entry.substring(LIBRARIES.length()));
		int rank = name.matches() ? first.indexOf(name.group(1)) : -1;
		return (rank >= 0) ? rank : first.size();
	}

	private static byte[] index(List<ZipEntry> libraries) {
		StringBuilder index = new StringBuilder();
		for (ZipEntry library : libraries) {
			index.append("- \"").append(library.getName()).append("\"\n");
		}
		return index.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The entry as it was (time, method, extra fields), with the size and checksum of its
	 * data; a stored one, as a nested jar must be, stays stored, a compressed one is
	 * compressed again.
	 */
	private static ZipEntry copy(ZipEntry entry, byte[] data) {
		ZipEntry copy = new ZipEntry(entry);
		CRC32 crc = new CRC32();
		crc.update(data);
		copy.setSize(data.length);
		copy.setCrc(crc.getValue());
		copy.setCompressedSize((copy.getMethod() == ZipEntry.STORED) ? data.length : -1);
		return copy;
	}

}
