package io.wharf.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener's protective limits in words a person can act on: why a client was refused,
 * by which property and value, and how to raise it or exempt a network; and the limits in
 * force, for the start-up log.
 */
public final class LimitsText {

	private LimitsText() {
	}

	/**
	 * Why a limit refused (or would have refused) a client, and what to change.
	 * @param listener the listener's name
	 * @param properties its settings
	 * @param limit the limit: {@code per_client}, {@code per_prefix},
	 * {@code client_rate}, {@code datagram_rate} or {@code amplification}
	 * @return a sentence naming the property, its value and the remedies
	 */
	public static String exceeded(String listener, ListenerProperties properties, String limit) {
		String prefix = "wharf.listeners." + listener + ".";
		String what = switch (limit) {
			case "per_client" -> "the address holds " + properties.maxConnectionsPerClient() + " connections, the most "
					+ prefix + "max-connections-per-client allows";
			case "per_prefix" -> "its network (/24 or /64) holds " + properties.maxConnectionsPerPrefix()
					+ " connections, the most " + prefix + "max-connections-per-prefix allows";
			case "client_rate" -> "the address opens connections faster than " + prefix
					+ "connection-rate-per-client allows (" + properties.connectionRatePerClient() + " a second, "
					+ properties.connectionBurstPerClient() + " at once)";
			case "datagram_rate" -> "the source sends more datagrams than " + prefix + "datagram-rate allows ("
					+ properties.datagramRate() + " a second, " + properties.datagramBurst() + " at once)";
			case "amplification" -> "the reply would exceed the source's budget: " + prefix + "max-amplification="
					+ properties.maxAmplification() + " times the bytes it sent (IP and UDP headers included), plus "
					+ prefix + "amplification-allowance=" + properties.amplificationAllowance() + " a minute";
			default -> throw new IllegalArgumentException("no such limit: " + limit);
		};
		return what + ". Raise it if this client is legitimate; if its address stands for many clients (a node, a "
				+ "NAT, a proxy), add its network to " + prefix + "exempt-clients; " + prefix
				+ "client-limits=observe counts without refusing";
	}

	/**
	 * The per-client limits a listener enforces, in one line.
	 * @param properties the listener's settings
	 * @return e.g. {@code per client 1000 connections, per /24 or /64 2500, 100 new/s
	 * (200 at once); exempt: 127.0.0.0/8, ...}
	 */
	public static String inForce(ListenerProperties properties) {
		List<String> limits = new ArrayList<>();
		if (properties.requiredProtocol() == Protocol.TCP) {
			limits.add("max-connections " + properties.maxConnections());
			limits.add("per client " + limit(properties.maxConnectionsPerClient()));
			limits.add("per /24 or /64 " + limit(properties.maxConnectionsPerPrefix()));
			limits.add("new per client "
					+ rate(properties.connectionRatePerClient(), properties.connectionBurstPerClient()));
		}
		else {
			limits.add("datagrams per source " + rate(properties.datagramRate(), properties.datagramBurst()));
			limits.add("replies at most " + properties.maxAmplification() + "x requests + "
					+ properties.amplificationAllowance() + "/min");
		}
		String exempt = properties.exemptClients().isEmpty() ? "none" : String.join(", ", properties.exemptClients());
		return String.join(", ", limits) + "; exempt: " + exempt
				+ ((properties.clientLimits() == ClientLimits.OBSERVE) ? "; observed only, never refused" : "");
	}

	private static String limit(int value) {
		return (value > 0) ? String.valueOf(value) : "unlimited";
	}

	private static String rate(int rate, int burst) {
		return (rate > 0) ? rate + "/s (" + burst + " at once)" : "unlimited";
	}

}
