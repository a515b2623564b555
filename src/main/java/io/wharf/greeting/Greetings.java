package io.wharf.greeting;

import io.wharf.api.Reply;

/**
 * The greeting's answer to what a client sent, and how many names it greeted.
 *
 * @param reply what goes back to the client
 * @param greetings the names greeted in it
 * @param endsEmpty whether the last line was empty, so that an empty line right after it
 * is not prompted for again
 */
public record Greetings(Reply reply, int greetings, boolean endsEmpty) {

}
