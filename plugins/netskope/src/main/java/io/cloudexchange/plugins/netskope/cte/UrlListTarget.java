package io.cloudexchange.plugins.netskope.cte;

import io.cloudexchange.plugins.netskope.push.NetskopeAdminClient;
import io.cloudexchange.plugins.netskope.push.UrlList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL list that may spill over into more lists: values beyond the size cap go to {@code name-2},
 * {@code name-3}, ... Every change is pending on the tenant until {@link NetskopeAdminClient#deployUrlLists()},
 * which each operation calls once at its end.
 */
public final class UrlListTarget {

    /** The tenant refuses an empty list, so a list emptied by a retraction keeps this value. */
    public static final String PLACEHOLDER = "cedefaultpush.io";

    private final NetskopeAdminClient client;
    private final long maxBytes;

    public UrlListTarget(NetskopeAdminClient client, long maxBytes) {
        this.client = client;
        this.maxBytes = Math.min(maxBytes, NetskopeAdminClient.URL_LIST_MAX_BYTES);
    }

    /** Adds the values not yet in the lists; returns how many were added. */
    public int append(String name, String type, List<String> values) {
        List<UrlList> family = family(name);
        Set<String> present = new LinkedHashSet<>();
        family.forEach(list -> present.addAll(list.urls()));
        List<String> fresh = values.stream().distinct().filter(v -> !present.contains(v)).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        int next = 0;
        for (UrlList list : family) {
            long bytes = list.urls().equals(List.of(PLACEHOLDER)) ? 0 : bytes(list.urls());
            List<String> added = new ArrayList<>();
            while (next < fresh.size() && bytes + size(fresh.get(next)) <= maxBytes) {
                bytes += size(fresh.get(next));
                added.add(fresh.get(next++));
            }
            if (!added.isEmpty() && list.urls().equals(List.of(PLACEHOLDER))) {
                client.replaceUrls(list.id(), list.name(), list.type(), added);
            } else if (!added.isEmpty()) {
                List<String> all = new ArrayList<>(list.urls());
                all.addAll(added);
                client.appendUrls(list.id(), list.type(), added, all);
            }
        }
        int suffix = family.isEmpty() ? 1 : suffix(name, family.get(family.size() - 1).name()) + 1;
        for (List<String> chunk : chunks(fresh.subList(next, fresh.size()))) {
            client.createUrlList(nameOf(name, suffix++), type, chunk);
        }
        client.deployUrlLists();
        return fresh.size();
    }

    /** Makes the lists hold exactly the values (split at the cap); lists no longer needed keep the placeholder. */
    public int replace(String name, String type, List<String> values) {
        List<UrlList> family = family(name);
        List<String> distinct = values.stream().distinct().toList();
        List<List<String>> chunks = chunks(distinct);
        if (chunks.isEmpty()) {
            chunks = List.of(List.of(PLACEHOLDER));
        }
        for (int i = 0; i < Math.max(chunks.size(), family.size()); i++) {
            List<String> content = i < chunks.size() ? chunks.get(i) : List.of(PLACEHOLDER);
            if (i < family.size()) {
                UrlList list = family.get(i);
                if (!list.urls().equals(content)) {
                    client.replaceUrls(list.id(), list.name(), type, content);
                }
            } else {
                client.createUrlList(nameOf(name, i + 1), type, content);
            }
        }
        client.deployUrlLists();
        return distinct.size();
    }

    /** Removes the values from every list of the family; returns how many were removed. */
    public int remove(String name, List<String> values) {
        Set<String> gone = Set.copyOf(values);
        int removed = 0;
        for (UrlList list : family(name)) {
            List<String> kept = list.urls().stream().filter(url -> !gone.contains(url)).toList();
            if (kept.size() < list.urls().size()) {
                removed += list.urls().size() - kept.size();
                client.replaceUrls(list.id(), list.name(), list.type(), kept.isEmpty() ? List.of(PLACEHOLDER) : kept);
            }
        }
        if (removed > 0) {
            client.deployUrlLists();
        }
        return removed;
    }

    /** The list called {@code name} and its overflow lists, in order. */
    private List<UrlList> family(String name) {
        return client.urlLists().stream().filter(list -> suffix(name, list.name()) > 0)
                .sorted(Comparator.comparingInt(list -> suffix(name, list.name()))).toList();
    }

    /** 1 for the list itself, n for {@code name-n}, 0 for another list. */
    private static int suffix(String name, String candidate) {
        if (candidate.equals(name)) {
            return 1;
        }
        Matcher matcher = Pattern.compile(Pattern.quote(name) + "-(\\d{1,4})").matcher(candidate);
        return matcher.matches() && Integer.parseInt(matcher.group(1)) > 1 ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String nameOf(String name, int suffix) {
        return suffix == 1 ? name : name + "-" + suffix;
    }

    private List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long bytes = 0;
        for (String value : values) {
            if (!current.isEmpty() && bytes + size(value) > maxBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(value);
            bytes += size(value);
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static long bytes(List<String> urls) {
        return urls.stream().mapToLong(UrlListTarget::size).sum();
    }

    /** A URL's share of the list: its bytes plus a separator, as the tenant counts. */
    static long size(String url) {
        return url.getBytes(StandardCharsets.UTF_8).length + 1L;
    }
}
