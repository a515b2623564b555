package io.wharf.actuate;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code /actuator/sockets} may show.
 *
 * @param showAddresses Whether each session's client address and port are listed: never
 * (the default, since the endpoint is often reachable by more people than should see who
 * is connected), when-authorized or always.
 * @param roles Roles that may see them with when-authorized; any authenticated user when
 * empty.
 */
@ConfigurationProperties("wharf.sockets")
public record SocketsProperties(@DefaultValue("never") Show showAddresses, @DefaultValue Set<String> roles) {

}
