package bench;

import java.util.Locale;

import io.wharf.api.Answer;
import io.wharf.api.Session;
import io.wharf.api.SocketService;

import org.springframework.stereotype.Component;

/** The application's one service: answers each line in capitals. */
@Component("shout")
class ShoutService implements SocketService<Void> {

	@Override
	public void received(Session session, Void state, byte[] frame, Answer answer) {
		answer.send(new String(frame).toUpperCase(Locale.ROOT) + "!");
	}

}
