package io.cloudexchange.core.cte;

import java.util.List;

record IndicatorPage(List<IndicatorView> items, int page, int size, long total) {
}
