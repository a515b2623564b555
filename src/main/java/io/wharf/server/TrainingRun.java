package io.wharf.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

import io.wharf.WharfApplication;
import io.wharf.config.Protocol;
import io.wharf.transport.BoundListener;
import io.wharf.transport.Listeners;
import io.wharf.transport.tcp.framing.Framing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The container image's AOT cache training start: starts Wharf, does what a pod meets in
 * its first seconds (probes, a scrape, a message on every listener), then exits, so that
 * the cache holds the classes and profiles of serving too, not only of the context
 * refresh. Fails, and so fails the image build, when any of it does not answer.
 */
public final class TrainingRun {

	private static final Log logger = LogFactory.getLog(TrainingRun.class);

	private static final int TIMEOUT_MILLIS = 5000;

	private static final String[] ACTUATOR_PATHS = { "/actuator/health/liveness", "/actuator/health/readiness",
			"/actuator/prometheus", "/actuator/info", "/actuator/sockets" };

	private TrainingRun() {
	}

	public static void main(String[] args) throws IOException {
		SpringApplication application = new SpringApplication(WharfApplication.class);
		// Spring AOT finds its generated code by the application's main class.
		application.setMainApplicationClass(WharfApplication.class);
		try (ConfigurableApplicationContext context = application.run(args)) {
			int http = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			for (String path : ACTUATOR_PATHS) {
				get(http, path);
			}
			Collection<BoundListener> listeners = context.getBean(Listeners.class).bound().values();
			for (BoundListener listener : listeners) {
				if (listener.properties().requiredProtocol() == Protocol.TCP) {
					tcpExchange(listener);
				}
				else {
					udpExchange(listener);
				}
			}
			logger.info("Training run: " + ACTUATOR_PATHS.length + " Actuator paths and " + listeners.size()
					+ " listeners answered");
		}
	}

	private static void get(int port, String path) throws IOException {
		try (Socket socket = connect(port)) {
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			if (!response.startsWith("HTTP/1.1 200")) {
				throw new IllegalStateException(path + " answered " + response.lines().findFirst().orElse("nothing"));
			}
		}
	}

	/** Sends one framed message and waits for the first bytes of an answer. */
	private static void tcpExchange(BoundListener listener) throws IOException {
		try (Socket socket = connect(listener.localPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(new Framing(listener.properties().framing())
				.encode("training".getBytes(StandardCharsets.US_ASCII)));
			out.flush();
			InputStream in = socket.getInputStream();
			if (in.read() < 0) {
				throw new IllegalStateException(listener.name() + " closed without answering");
			}
		}
	}

	private static void udpExchange(BoundListener listener) throws IOException {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			byte[] payload = "training".getBytes(StandardCharsets.US_ASCII);
			socket.send(new DatagramPacket(payload, payload.length,
					new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.localPort())));
			try {
				socket.receive(new DatagramPacket(new byte[2048], 2048));
			}
			catch (SocketTimeoutException ex) {
				throw new IllegalStateException(listener.name() + " did not answer a datagram", ex);
			}
		}
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
		socket.setSoTimeout(TIMEOUT_MILLIS);
		return socket;
	}

}
