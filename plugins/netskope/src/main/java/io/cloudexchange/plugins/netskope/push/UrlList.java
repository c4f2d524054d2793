package io.cloudexchange.plugins.netskope.push;

import java.util.List;

/**
 * A URL list as the tenant returns it.
 *
 * @param type {@code exact} or {@code regex}
 * @param pending whether it has changes not yet deployed ("apply changes")
 */
public record UrlList(long id, String name, String type, List<String> urls, boolean pending) {
}
