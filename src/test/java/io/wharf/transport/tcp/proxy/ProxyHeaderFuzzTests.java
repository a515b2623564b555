package io.wharf.transport.tcp.proxy;

import java.net.InetSocketAddress;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.util.ReferenceCountUtil;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PROXY header path fed what a fuzzer makes up: Netty's decoder either yields a
 * header, from which {@link ProxiedClient} takes an address with a valid port, or refuses
 * with a decoder exception, which the session turns into a refusal; the signature check
 * that decides whether a header is coming never throws.
 */
class ProxyHeaderFuzzTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

	@FuzzTest(maxDuration = "10m")
	void proxyHeaders(byte[] input) {
		ProxyHeader.looksLikeHeader(Unpooled.wrappedBuffer(input));
		EmbeddedChannel channel = new EmbeddedChannel(new HAProxyMessageDecoder());
		try {
			channel.writeInbound(Unpooled.wrappedBuffer(input));
			Object decoded;
			while ((decoded = channel.readInbound()) != null) {
				if (decoded instanceof HAProxyMessage header) {
					try {
						InetSocketAddress client = ProxiedClient.client(header, PEER);
						assertThat(client.getPort()).isBetween(0, 65535);
						assertThat(client.getAddress()).isNotNull();
					}
					finally {
						header.release();
					}
				}
				else {
					ReferenceCountUtil.release(decoded);
				}
			}
		}
		catch (DecoderException ex) {
			// A malformed header: the connection is refused.
		}
		finally {
			try {
				// The peer closes: what is left of a header is refused too.
				channel.finishAndReleaseAll();
			}
			catch (DecoderException ex) {
				// Refused.
			}
		}
	}

}
