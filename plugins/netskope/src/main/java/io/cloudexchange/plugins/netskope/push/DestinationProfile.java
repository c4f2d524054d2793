package io.cloudexchange.plugins.netskope.push;

import java.util.List;

/**
 * A destination profile as the tenant returns it.
 *
 * @param type {@code exact} or {@code regex}
 * @param pending whether it has changes not yet deployed
 */
public record DestinationProfile(long id, String name, String type, List<String> values, boolean pending) {

    public DestinationProfile {
        values = List.copyOf(values);
    }
}
