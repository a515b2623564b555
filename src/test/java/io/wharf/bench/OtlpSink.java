package io.wharf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP endpoint that takes every export and answers it as a collector does, so
 * that a traced server's cost includes sending its sampled spans.
 */
final class OtlpSink {

	private final HttpServer server;

	private final AtomicLong bytes = new AtomicLong();

	private OtlpSink(HttpServer server) {
		this.server = server;
	}

	static OtlpSink start() throws IOException {
		OtlpSink sink = new OtlpSink(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		sink.server.createContext("/v1/traces", sink::take);
		sink.server.start();
		return sink;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	long bytes() {
		return this.bytes.get();
	}

	private void take(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.bytes.addAndGet(in.transferTo(OutputStream.nullOutputStream()));
		}
		// An empty ExportTraceServiceResponse.
		exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

}
