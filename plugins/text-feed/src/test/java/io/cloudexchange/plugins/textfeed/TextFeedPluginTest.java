package io.cloudexchange.plugins.textfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextFeedPluginTest {

    private final FeedServer feed = new FeedServer();
    private final List<java.time.Duration> sleeps = new ArrayList<>();
    private final TextFeedPlugin plugin = new TextFeedPlugin(3, sleeps::add);

    TextFeedPluginTest() throws IOException {
    }

    @AfterEach
    void stop() {
        feed.close();
    }

    private TestPluginContext context(Map<String, Object> settings) {
        return TestPluginContext.builder().defaultsFrom(FeedSettings.SCHEMA)
                .config(FeedSettings.URL, feed.url("/feed")).config(settings).build();
    }

    @Test
    void detectsTheTypeOfEachLineAndReportsLinesThatAreNoIndicator() {
        feed.serve("""
                # comment
                https://bad.example.com/login.php
                Evil.Example.ORG
                198.51.100.23   # trailing note
                2001:DB8::1
                D41D8CD98F00B204E9800998ECF8427E
                %s

                da39a3ee5e6b4b0d3255bfef95601890afd80709
                10.0.0.0/8
                """.formatted("E".repeat(64)));

        PullPage<Indicator> page = plugin.pullIndicators(context(Map.of(FeedSettings.SEVERITY, "high",
                FeedSettings.TAGS, "feed-a, phishing")), Checkpoint.initial());

        assertThat(page.items()).extracting(Indicator::type, Indicator::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(IndicatorType.URL, "https://bad.example.com/login.php"),
                org.assertj.core.groups.Tuple.tuple(IndicatorType.DOMAIN, "evil.example.org"),
                org.assertj.core.groups.Tuple.tuple(IndicatorType.IPV4, "198.51.100.23"),
                org.assertj.core.groups.Tuple.tuple(IndicatorType.IPV6, "2001:db8::1"),
                org.assertj.core.groups.Tuple.tuple(IndicatorType.MD5, "d41d8cd98f00b204e9800998ecf8427e"),
                org.assertj.core.groups.Tuple.tuple(IndicatorType.SHA256, "e".repeat(64)));
        assertThat(page.items()).allSatisfy(i -> {
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.tags()).containsExactly("feed-a", "phishing");
        });
        assertThat(page.rejected()).extracting(RejectedItem::reason)
                .containsExactly("SHA-1 hashes are not supported", "address ranges (CIDR) are not supported");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void readsTheChosenCsvColumnByNameOrNumber() {
        feed.serve("""
                first_seen,url,"threat, kind"
                2025-01-01,https://a.example/x,"phishing, kit"
                2025-01-02,"https://b.example/y?a=1,2",malware
                2025-01-03,,malware
                """);

        PullPage<Indicator> byName = plugin.pullIndicators(context(Map.of(FeedSettings.FORMAT, "csv",
                FeedSettings.CSV_COLUMN, "URL")), Checkpoint.initial());
        PullPage<Indicator> byNumber = plugin.pullIndicators(context(Map.of(FeedSettings.FORMAT, "csv",
                FeedSettings.CSV_COLUMN, "3", FeedSettings.TYPE, "domain")), Checkpoint.initial());

        assertThat(byName.items()).extracting(Indicator::value).containsExactly("https://a.example/x",
                "https://b.example/y?a=1,2");
        assertThat(byName.rejected()).extracting(RejectedItem::value).containsExactly("line 4");
        assertThat(byNumber.items()).extracting(Indicator::value)
                .as("a fixed type takes every value, the header row included")
                .containsExactly("threat, kind", "phishing, kit", "malware");
    }

    @Test
    void anUnchangedFeedIsNotDownloadedAgainAndAChangedOneIs() {
        feed.serve("a.example\nb.example\n");
        PullPage<Indicator> first = plugin.pullIndicators(context(Map.of()), Checkpoint.initial());

        PullPage<Indicator> unchanged = plugin.pullIndicators(context(Map.of()), first.next());
        feed.serve("a.example\nc.example\n");
        PullPage<Indicator> changed = plugin.pullIndicators(context(Map.of()), unchanged.next());

        assertThat(first.items()).hasSize(2);
        assertThat(unchanged.items()).isEmpty();
        assertThat(feed.statuses()).containsExactly(200, 304, 200);
        assertThat(feed.requests.get(1).get("If-none-match")).containsExactly("\"v2\"");
        assertThat(changed.items()).extracting(Indicator::value).containsExactly("a.example", "c.example");
    }

    @Test
    void aFeedWithoutValidatorsIsRecognisedByItsContent() {
        feed.withoutValidators().serve("a.example\n");
        PullPage<Indicator> first = plugin.pullIndicators(context(Map.of()), Checkpoint.initial());

        PullPage<Indicator> again = plugin.pullIndicators(context(Map.of()), first.next());

        assertThat(first.items()).hasSize(1);
        assertThat(again.items()).isEmpty();
    }

    @Test
    void aLargeFeedIsPublishedInBatchesAndRestartsWhenItChangesMidway() {
        feed.serve(IntStream.range(0, 250).mapToObj(i -> "host" + i + ".example").collect(Collectors.joining("\n")));
        Map<String, Object> settings = Map.of(FeedSettings.PAGE_SIZE, 100);

        PullPage<Indicator> one = plugin.pullIndicators(context(settings), Checkpoint.initial());
        PullPage<Indicator> two = plugin.pullIndicators(context(settings), one.next());
        PullPage<Indicator> three = plugin.pullIndicators(context(settings), two.next());

        assertThat(List.of(one.items().size(), two.items().size(), three.items().size())).containsExactly(100, 100, 50);
        assertThat(List.of(one.hasMore(), two.hasMore(), three.hasMore())).containsExactly(true, true, false);
        assertThat(two.items().get(0).value()).isEqualTo("host100.example");

        PullPage<Indicator> next = plugin.pullIndicators(context(settings), Checkpoint.initial());
        feed.serve(IntStream.range(0, 150).mapToObj(i -> "new" + i + ".example").collect(Collectors.joining("\n")));
        PullPage<Indicator> restarted = plugin.pullIndicators(context(settings), next.next());
        assertThat(restarted.items().get(0).value()).isEqualTo("new0.example");
        assertThat(restarted.items()).hasSize(100);
    }

    @Test
    void valuesThatLeftTheFeedAreRetracted() {
        feed.serve("a.example\nB.example\n");
        List<Indicator> shared = List.of(Indicator.of(IndicatorType.DOMAIN, "a.example"),
                Indicator.of(IndicatorType.DOMAIN, "b.example"), Indicator.of(IndicatorType.DOMAIN, "c.example"));

        assertThat(plugin.retractedIndicators(context(Map.of()), shared)).extracting(Indicator::value)
                .containsExactly("c.example");
        feed.serve("# emptied\n");
        assertThat(plugin.retractedIndicators(context(Map.of()), shared))
                .as("an empty feed looks broken: nothing is retracted").isEmpty();
        feed.failNext(null, 500, 500, 500);
        assertThat(plugin.retractedIndicators(context(Map.of()), shared)).isEmpty();
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithBackoff() {
        feed.serve("a.example\n").failNext("2", 429, 503);

        PullPage<Indicator> page = plugin.pullIndicators(context(Map.of()), Checkpoint.initial());

        assertThat(page.items()).hasSize(1);
        assertThat(sleeps).extracting(java.time.Duration::toSeconds).containsExactly(2L, 2L);
        feed.failNext(null, 500, 500, 500);
        assertThatThrownBy(() -> plugin.pullIndicators(context(Map.of()), Checkpoint.initial()))
                .isInstanceOf(FeedException.class).hasMessageContaining("after 3 attempts: HTTP 500");
    }

    @Test
    void basicAuthenticationIsSentAndAWrongPasswordIsReportedOnItsField() {
        feed.serve("a.example\n").requireBasic("reader", "s3cret");

        assertThat(plugin.validate(context(Map.of(FeedSettings.USERNAME, "reader", FeedSettings.PASSWORD, "s3cret")))
                .isValid()).isTrue();
        assertThat(plugin.validate(context(Map.of(FeedSettings.USERNAME, "reader", FeedSettings.PASSWORD, "wrong")))
                .fieldErrors()).containsOnlyKeys(FeedSettings.PASSWORD);
        assertThat(plugin.validate(context(Map.of())).fieldErrors()).containsOnlyKeys(FeedSettings.USERNAME);
    }

    @Test
    void validationNamesTheWrongField() {
        feed.serve("url,score\nhttps://a.example/,5\n");

        assertThat(plugin.validate(context(Map.of(FeedSettings.URL, feed.url("/missing")))).fieldErrors())
                .containsOnlyKeys(FeedSettings.URL).hasEntrySatisfying(FeedSettings.URL, m -> assertThat(m).contains("404"));
        assertThat(plugin.validate(context(Map.of(FeedSettings.URL, "ftp://x.example/feed"))).fieldErrors())
                .containsOnlyKeys(FeedSettings.URL);
        assertThat(plugin.validate(context(Map.of(FeedSettings.FORMAT, "csv", FeedSettings.CSV_COLUMN, "link")))
                .fieldErrors()).containsOnlyKeys(FeedSettings.CSV_COLUMN);
        assertThat(plugin.validate(context(Map.of(FeedSettings.FORMAT, "csv", FeedSettings.CSV_COLUMN, "score")))
                .fieldErrors()).containsOnlyKeys(FeedSettings.CSV_COLUMN);
        assertThat(plugin.validate(context(Map.of(FeedSettings.FORMAT, "csv", FeedSettings.CSV_COLUMN, "url")))
                .isValid()).isTrue();
        String closed = feed.url("/feed");
        feed.close();
        assertThat(plugin.validate(context(Map.of(FeedSettings.URL, closed))).fieldErrors())
                .containsOnlyKeys(FeedSettings.URL);
    }
}
