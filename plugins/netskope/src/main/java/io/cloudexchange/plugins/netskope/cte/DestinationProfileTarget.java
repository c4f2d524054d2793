package io.cloudexchange.plugins.netskope.cte;

import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugins.netskope.push.DestinationProfile;
import io.cloudexchange.plugins.netskope.push.NetskopeAdminClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One destination profile, created on first use. Values beyond the profile's cap (100,000 exact or
 * 1,000 regex values) are rejected; the tenant itself refuses more than 300,000 exact values over all
 * profiles. Changes are deployed at the end of each operation.
 */
public final class DestinationProfileTarget {

    /** The tenant refuses an empty profile (inferred from the URL lists; a profile emptied by a retraction keeps it). */
    public static final String PLACEHOLDER = "cedefaultpush.io";

    private final NetskopeAdminClient client;

    public DestinationProfileTarget(NetskopeAdminClient client) {
        this.client = client;
    }

    /** Adds ({@code replace} false) or sets the values; returns the values that did not fit. */
    public List<RejectedItem> push(String name, String type, List<String> values, boolean replace) {
        Optional<DestinationProfile> existing = find(name);
        Set<String> content = new LinkedHashSet<>();
        if (!replace) {
            existing.ifPresent(profile -> content.addAll(profile.values()));
            content.remove(PLACEHOLDER);
        }
        int cap = "regex".equals(type) ? NetskopeAdminClient.DESTINATION_REGEX_MAX
                : NetskopeAdminClient.DESTINATION_EXACT_MAX_PER_PROFILE;
        List<RejectedItem> rejected = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String value : values) {
            if (content.contains(value)) {
                continue;
            }
            if (content.size() >= cap) {
                rejected.add(new RejectedItem(value, "destination profile " + name + " is full (" + cap + " "
                        + type + " values)"));
                continue;
            }
            content.add(value);
            added.add(value);
        }
        List<String> all = content.isEmpty() ? List.of(PLACEHOLDER) : List.copyOf(content);
        if (existing.isEmpty()) {
            client.createDestinationProfile(name, type, all);
        } else if (replace || existing.get().values().contains(PLACEHOLDER)) {
            client.replaceDestinationValues(existing.get().id(), existing.get().type(), all);
        } else if (!added.isEmpty()) {
            client.addDestinationValues(existing.get().id(), existing.get().type(), added, all.size());
        } else {
            return rejected;
        }
        client.deployDestinationProfiles();
        return rejected;
    }

    /** Removes the values; returns how many were in the profile. */
    public int remove(String name, List<String> values) {
        Optional<DestinationProfile> existing = find(name);
        if (existing.isEmpty()) {
            return 0;
        }
        DestinationProfile profile = existing.get();
        Set<String> gone = Set.copyOf(values);
        List<String> kept = profile.values().stream().filter(v -> !gone.contains(v)).toList();
        int removed = profile.values().size() - kept.size();
        if (removed > 0) {
            client.replaceDestinationValues(profile.id(), profile.type(), kept.isEmpty() ? List.of(PLACEHOLDER) : kept);
            client.deployDestinationProfiles();
        }
        return removed;
    }

    private Optional<DestinationProfile> find(String name) {
        return client.destinationProfiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
