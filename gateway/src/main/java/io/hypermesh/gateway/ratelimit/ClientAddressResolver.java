package io.hypermesh.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address an anonymous caller is counted under. Behind an ingress every request arrives from
 * the ingress, so when the direct peer is a trusted proxy the gateway walks {@code X-Forwarded-For}
 * from the right and takes the first hop that is not a trusted proxy: the client as the outermost
 * trusted proxy saw it. A client talking to the gateway directly cannot choose its own key, because
 * its {@code X-Forwarded-For} is ignored unless it is itself a trusted proxy.
 */
@Component
public class ClientAddressResolver {

    private static final Pattern PLAUSIBLE_ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{1,45}");

    private final Pattern trustedProxies;

    ClientAddressResolver(@Value("${spring.cloud.gateway.server.webmvc.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String leftmost = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!PLAUSIBLE_ADDRESS.matcher(hop).matches()) {
                // Garbage in the header is not an address; count the request under the peer that sent it.
                return peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
            leftmost = hop;
        }
        return leftmost;
    }

    private boolean trusted(String address) {
        return address != null && trustedProxies != null && trustedProxies.matcher(address).matches();
    }
}
