package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.http.Http;
import io.cloudexchange.plugin.api.PluginContext;
import java.io.IOException;
import java.net.http.HttpRequest;

/** Authenticated POSTs to one HEC, on one channel when indexer acknowledgement is used. */
final class HecClient {

    private final SplunkSettings settings;
    private final PluginContext context;
    private final String channel;

    HecClient(SplunkSettings settings, PluginContext context, String channel) {
        this.settings = settings;
        this.context = context;
        this.channel = channel;
    }

    Http.Reply post(String path, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint(path))
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Authorization", "Splunk " + settings.token())
                .header("Content-Type", "application/json")
                .header("User-Agent", context.userAgent())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (channel != null) {
            request.header(SplunkHecPlugin.CHANNEL_HEADER, channel);
        }
        return Http.send(context.httpClient(), request.build(), context.clock());
    }
}
