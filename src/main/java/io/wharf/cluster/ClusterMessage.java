package io.wharf.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.wharf.api.Audience;
import io.wharf.api.SendResult;
import io.wharf.api.SocketSessions.Broadcast;
import io.wharf.conversation.FrameTap;
import org.jspecify.annotations.Nullable;

/**
 * One message between instances, and its bytes on the cluster's channels: a send to one
 * session, a broadcast to a listener's sessions, an operator's close, or the answer to
 * one of them. Every message carries its sender, the correlation its answer echoes, and a
 * deadline after which it is dropped unread, so that a message held up by an outage is
 * never delivered after its sender was told it was unreachable.
 * <p>
 * The bytes, big-endian: the magic {@code WHRF}, a version byte (1), the kind (a byte),
 * the sender's instance id, the correlation (a long, 0 for none), the deadline (a long,
 * epoch milliseconds), the target (a session id or a listener) and the session left out
 * of a broadcast, the attribute and value a broadcast's sessions must have (each as
 * {@link DataOutputStream#writeUTF}, empty for none), the result (a byte:
 * {@link SendResult}'s ordinal, or -1), four ints of broadcast counts, then the number of
 * frames (an int) and each frame as its length (an int) and its bytes.
 *
 * @param kind what it is
 * @param from the sending instance
 * @param correlation what its answer echoes; 0 when no answer is wanted
 * @param deadline when it is too late to act on it, in epoch milliseconds
 * @param target the session (send, close) or listener (broadcast) it is for
 * @param except the session a broadcast leaves out, or empty
 * @param attribute the attribute a broadcast's sessions must have, or empty
 * @param value the value that attribute must have, or empty for any
 * @param result a send's or close's answer, or null
 * @param counts a broadcast's answer, or null
 * @param frames the frames to send
 */
public record ClusterMessage(Kind kind, String from, long correlation, long deadline, String target, String except,
		String attribute, String value, SendResult result, Broadcast counts, byte[][] frames) {

	private static final byte[] MAGIC = "WHRF".getBytes(StandardCharsets.US_ASCII);

	private static final int VERSION = 1;

	/** Frames one message carries at most. */
	static final int MAX_FRAMES = 65_536;

	private static final Broadcast NO_COUNTS = new Broadcast(0, 0, 0, 0);

	/** The value of a tap's answer when the session is not open on the instance asked. */
	static final String GONE = "gone";

	/** What a message asks or answers. */
	public enum Kind {

		/** Send frames to one session. */
		SEND,

		/** Send frames to every session of a listener, but one perhaps. */
		BROADCAST,

		/** Close one session, for an operator. */
		CLOSE,

		/** What became of a send or a close. */
		SEND_RESULT,

		/** What became of a broadcast on one instance. */
		BROADCAST_RESULT,

		/**
		 * Show an operator one session's next frames: the value holds the frames, bytes
		 * and milliseconds asked for.
		 */
		TAP,

		/**
		 * What a tap saw: the value says why it ended ("gone": no such session), each
		 * frame is one frame seen.
		 */
		TAP_RESULT

	}

	static ClusterMessage send(String from, long correlation, long deadline, String session, byte[][] frames) {
		return new ClusterMessage(Kind.SEND, from, correlation, deadline, session, "", "", "", SendResult.GONE,
				NO_COUNTS, frames);
	}

	static ClusterMessage broadcast(String from, long correlation, long deadline, Audience audience, byte[][] frames) {
		return new ClusterMessage(Kind.BROADCAST, from, correlation, deadline, audience.listener(),
				orEmpty(audience.except()), orEmpty(audience.attribute()), orEmpty(audience.value()), SendResult.GONE,
				NO_COUNTS, frames);
	}

	static ClusterMessage close(String from, long correlation, long deadline, String session) {
		return new ClusterMessage(Kind.CLOSE, from, correlation, deadline, session, "", "", "", SendResult.GONE,
				NO_COUNTS, new byte[0][]);
	}

	static ClusterMessage tap(String from, long correlation, long deadline, String session, int frames, long bytes,
			long millis) {
		return new ClusterMessage(Kind.TAP, from, correlation, deadline, session, "", "",
				frames + ":" + bytes + ":" + millis, SendResult.GONE, NO_COUNTS, new byte[0][]);
	}

	/**
	 * The answer to this tap.
	 * @param from the answering instance
	 * @param result what the tap saw, or null when the session is not open there
	 * @return the answer, due by this message's deadline
	 */
	ClusterMessage answer(String from, FrameTap.@Nullable Result result) {
		byte[][] frames = (result != null) ? result.frames().stream().map(ClusterMessage::tapped).toArray(byte[][]::new)
				: new byte[0][];
		return new ClusterMessage(Kind.TAP_RESULT, from, this.correlation, this.deadline, "", "", "",
				(result != null) ? result.ended() : GONE, SendResult.GONE, NO_COUNTS, frames);
	}

	/**
	 * What a tap's answer says it saw.
	 * @return the result, or null when the session was not open there
	 */
	FrameTap.@Nullable Result tapResult() {
		if (this.value.equals(GONE)) {
			return null;
		}
		List<FrameTap.Frame> seen = new ArrayList<>();
		for (byte[] frame : this.frames) {
			try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(frame))) {
				Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
				String direction = in.readBoolean() ? "in" : "out";
				int length = in.readInt();
				seen.add(new FrameTap.Frame(at, direction, length, in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new MalformedClusterMessage("a tapped frame cut short: " + ex);
			}
		}
		return new FrameTap.Result(seen, this.value);
	}

	/** One frame a tap saw: its time, direction, whole length and the bytes shown. */
	private static byte[] tapped(FrameTap.Frame frame) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeLong(frame.at().getEpochSecond());
			out.writeInt(frame.at().getNano());
			out.writeBoolean(frame.direction().equals("in"));
			out.writeInt(frame.length());
			out.write(frame.shown());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A tap's frames, bytes and milliseconds.
	 * @return the three numbers asked for
	 */
	long[] tapAsked() {
		String[] parts = this.value.split(":");
		if (parts.length != 3) {
			throw new MalformedClusterMessage("a tap of '" + this.value + "'");
		}
		return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]) };
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	/**
	 * The sessions a broadcast reaches.
	 * @return its audience
	 */
	Audience audience() {
		return new Audience(this.target, orNull(this.except), orNull(this.attribute), orNull(this.value));
	}

	private static @Nullable String orNull(String text) {
		return text.isEmpty() ? null : text;
	}

	/**
	 * The answer to this send or close.
	 * @param from the answering instance
	 * @param result what became of it
	 * @return the answer, due by this message's deadline
	 */
	ClusterMessage answer(String from, SendResult result) {
		return new ClusterMessage(Kind.SEND_RESULT, from, this.correlation, this.deadline, "", "", "", "", result,
				NO_COUNTS, new byte[0][]);
	}

	/**
	 * The answer to this broadcast.
	 * @param from the answering instance
	 * @param counts what its sessions made of it
	 * @return the answer, due by this message's deadline
	 */
	ClusterMessage answer(String from, Broadcast counts) {
		return new ClusterMessage(Kind.BROADCAST_RESULT, from, this.correlation, this.deadline, "", "", "", "",
				SendResult.GONE, counts, new byte[0][]);
	}

	/**
	 * The message as bytes.
	 * @return the encoded message
	 */
	public byte[] encode() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + size(this.frames));
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(MAGIC);
			out.writeByte(VERSION);
			out.writeByte(this.kind.ordinal());
			out.writeUTF(this.from);
			out.writeLong(this.correlation);
			out.writeLong(this.deadline);
			out.writeUTF(this.target);
			out.writeUTF(this.except);
			out.writeUTF(this.attribute);
			out.writeUTF(this.value);
			out.writeByte((this.kind == Kind.SEND_RESULT) ? this.result.ordinal() : -1);
			out.writeInt(this.counts.sent());
			out.writeInt(this.counts.busy());
			out.writeInt(this.counts.gone());
			out.writeInt(this.counts.unreachable());
			out.writeInt(this.frames.length);
			for (byte[] frame : this.frames) {
				out.writeInt(frame.length);
				out.write(frame);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static int size(byte[][] frames) {
		int size = 0;
		for (byte[] frame : frames) {
			size += 4 + frame.length;
		}
		return size;
	}

	/**
	 * Reads a message.
	 * @param bytes what arrived on a cluster channel
	 * @return the message
	 * @throws MalformedClusterMessage when the bytes are not a message of this version
	 */
	public static ClusterMessage decode(byte[] bytes) {
		if (bytes.length < MAGIC.length + 2 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			throw new MalformedClusterMessage("not a Wharf cluster message (no WHRF magic)");
		}
		if (bytes[MAGIC.length] != VERSION) {
			throw new MalformedClusterMessage("version " + bytes[MAGIC.length] + ", this instance reads " + VERSION);
		}
		try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
			in.skipNBytes(MAGIC.length + 1);
			int kind = in.readUnsignedByte();
			if (kind >= Kind.values().length) {
				throw new MalformedClusterMessage("unknown kind " + kind);
			}
			String from = in.readUTF();
			long correlation = in.readLong();
			long deadline = in.readLong();
			String target = in.readUTF();
			String except = in.readUTF();
			String attribute = in.readUTF();
			String value = in.readUTF();
			int result = in.readByte();
			Broadcast counts = new Broadcast(in.readInt(), in.readInt(), in.readInt(), in.readInt());
			byte[][] frames = frames(in, bytes.length);
			if (in.available() > 0) {
				throw new MalformedClusterMessage(in.available() + " bytes after the last frame");
			}
			SendResult sendResult = (result >= 0 && result < SendResult.values().length) ? SendResult.values()[result]
					: SendResult.GONE;
			return new ClusterMessage(Kind.values()[kind], from, correlation, deadline, target, except, attribute,
					value, sendResult, counts, frames);
		}
		catch (IOException ex) {
			throw new MalformedClusterMessage("cut short: " + ex);
		}
	}

	private static byte[][] frames(DataInputStream in, int total) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > MAX_FRAMES) {
			throw new MalformedClusterMessage(count + " frames");
		}
		byte[][] frames = new byte[count][];
		for (int i = 0; i < count; i++) {
			int length = in.readInt();
			if (length < 0 || length > in.available()) {
				throw new MalformedClusterMessage("a frame of " + length + " bytes in a message of " + total);
			}
			frames[i] = in.readNBytes(length);
		}
		return frames;
	}

	/** Bytes on a cluster channel that are no message of this version. */
	public static final class MalformedClusterMessage extends IllegalArgumentException {

		MalformedClusterMessage(String why) {
			super(why);
		}

	}

}
