package io.wharf.transport.tcp.admission;

import java.net.InetAddress;

import io.wharf.config.ListenerProperties;
import org.jspecify.annotations.Nullable;

/**
 * Whether one TCP listener may open another connection: the client's own limits, the
 * listener's {@code max-connections} and the process's cap, each exact under concurrency
 * (slots are taken before a session exists, and given back exactly once).
 */
public final class Admission {

	private final Slots slots;

	private final ProcessConnections process;

	private final ClientAdmission clients;

	Admission(int max, ProcessConnections process, ClientAdmission clients) {
		this.slots = new Slots(max);
		this.process = process;
		this.clients = clients;
	}

	/**
	 * The admission of one listener.
	 * @param properties the listener's settings
	 * @param process the process's cap, shared by every listener
	 * @param overLimit hears of clients let in over a limit (exempt, or observed)
	 * @return its admission
	 */
	public static Admission of(ListenerProperties properties, ProcessConnections process, OverLimit overLimit) {
		return new Admission(properties.maxConnections(), process, new ClientAdmission(properties, overLimit));
	}

	/**
	 * Takes a listener's new limits, {@code max-connections} and the client limits, for
	 * the connections that come from now on; open connections stay and keep their slots.
	 * @param properties the listener's new settings
	 */
	public void change(ListenerProperties properties) {
		this.slots.max(properties.maxConnections());
		this.clients.change(properties);
	}

	/**
	 * Whether the listener's {@code allow} and {@code deny}, as they are now, let a
	 * client in.
	 * @param client the client's address
	 * @return true when it is allowed
	 */
	public boolean allows(InetAddress client) {
		return this.clients.allows(client);
	}

	/**
	 * Takes the slots for a new connection from a client, if its limits, the listener's
	 * and the process's allow it.
	 * @param client the client's address
	 * @return null if the connection may open (it must then end with {@link #release}),
	 * or the cause of refusal, one of {@code ConnectionMeters.REJECTION_CAUSES}
	 */
	public @Nullable String admit(InetAddress client) {
		String refused = reserve();
		return (refused != null) ? refused : admitReserved(client);
	}

	/**
	 * Takes the listener's and the process's slots for a connection whose client is not
	 * known yet (it comes in a PROXY header).
	 * @return null if taken (then {@link #admitReserved} or {@link #abandon}), or the
	 * cause of refusal
	 */
	public @Nullable String reserve() {
		if (!this.slots.take()) {
			return "max_connections";
		}
		if (!this.process.take()) {
			this.slots.release();
			return "process_limit";
		}
		return null;
	}

	/**
	 * Admits the client of a reserved connection, or gives the reservation back.
	 * @param client the client's address
	 * @return null if admitted, or the cause of refusal
	 */
	public @Nullable String admitReserved(InetAddress client) {
		String refused = this.clients.admit(client);
		if (refused != null) {
			abandon();
		}
		return refused;
	}

	/**
	 * Gives back the slots of a reserved connection that ended before it was admitted.
	 * @return the slots still taken
	 */
	public int abandon() {
		this.process.release();
		return this.slots.release();
	}

	/**
	 * Gives back the slots of an admitted connection that ended.
	 * @param client the client's address
	 * @return the slots still taken
	 */
	public int release(InetAddress client) {
		this.clients.release(client);
		return abandon();
	}

	/**
	 * The connections admitted or reserved now.
	 * @return the slots taken
	 */
	public int taken() {
		return this.slots.taken();
	}

}
