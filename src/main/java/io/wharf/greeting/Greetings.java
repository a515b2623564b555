package io.wharf.greeting;

import io.wharf.system.Reply;

/**
 * The greeting's answer to what a client sent, and how many names it greeted.
 *
 * @param reply what goes back to the client
 * @param greetings the names greeted in it
 */
public record Greetings(Reply reply, int greetings) {

}
