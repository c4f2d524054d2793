package io.cloudexchange.plugins.netskope.cte;

import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugins.netskope.push.NetskopeAdminClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A file hash list (v1 API). The tenant offers no call to read a list, only to replace it, so the
 * hashes last uploaded are kept in the configuration's storage ({@code filehashlist.<name>}) and each
 * change uploads the whole list. At most 8 MB of comma-separated hashes: hashes beyond are rejected.
 */
public final class FileHashListTarget {

    /** The tenant refuses an empty list; a list emptied by a retraction keeps this hash (CE's default). */
    public static final String PLACEHOLDER = "f".repeat(64);

    private final NetskopeAdminClient client;
    private final KeyValueStore storage;
    private final String v1Token;

    public FileHashListTarget(NetskopeAdminClient client, KeyValueStore storage, String v1Token) {
        this.client = client;
        this.storage = storage;
        this.v1Token = v1Token;
    }

    /** Adds ({@code replace} false) or sets the hashes; returns those that did not fit. */
    public List<RejectedItem> push(String name, List<String> hashes, boolean replace) {
        Set<String> content = replace ? new LinkedHashSet<>() : stored(name);
        long bytes = bytes(content);
        List<RejectedItem> rejected = new ArrayList<>();
        boolean changed = replace;
        for (String hash : hashes) {
            if (content.contains(hash)) {
                continue;
            }
            long size = hash.length() + (content.isEmpty() ? 0 : 1);
            if (bytes + size > NetskopeAdminClient.FILE_HASH_LIST_MAX_BYTES) {
                rejected.add(new RejectedItem(hash, "file hash list " + name + " is full (8 MB)"));
                continue;
            }
            content.add(hash);
            bytes += size;
            changed = true;
        }
        if (changed) {
            upload(name, content);
        }
        return rejected;
    }

    /** Removes the hashes; returns how many were in the list. */
    public int remove(String name, List<String> hashes) {
        Set<String> content = stored(name);
        int before = content.size();
        hashes.forEach(content::remove);
        int removed = before - content.size();
        if (removed > 0) {
            upload(name, content);
        }
        return removed;
    }

    private void upload(String name, Set<String> content) {
        List<String> list = content.isEmpty() ? List.of(PLACEHOLDER) : List.copyOf(content);
        client.updateFileHashList(name, list, v1Token);
        storage.put(key(name), String.join(",", content));
    }

    private Set<String> stored(String name) {
        Set<String> content = new LinkedHashSet<>();
        storage.get(key(name)).filter(s -> !s.isEmpty())
                .ifPresent(list -> content.addAll(Arrays.asList(list.split(","))));
        return content;
    }

    private static long bytes(Set<String> content) {
        return String.join(",", content).getBytes(StandardCharsets.UTF_8).length;
    }

    static String key(String name) {
        return "filehashlist." + name;
    }
}
