package io.cloudexchange.bench.cte;

import java.nio.file.Path;

/** Command-line options: see bench/README.md. */
record Options(int indicators, double duplicateShare, int batchSize, int queries, String mongodbUri, Path storeDir,
               int progressEvery, boolean exportOnly, boolean skipIngest, int consumers) {

    static Options parse(String[] args) {
        int indicators = 100_000;
        double duplicateShare = 0.2;
        int batchSize = 1000;
        int queries = 20;
        String uri = null;
        Path storeDir = Path.of("target", "cte-bench-store");
        boolean exportOnly = false;
        boolean skipIngest = false;
        int consumers = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--export-only")) {
                exportOnly = true;
                continue;
            }
            if (args[i].equals("--skip-ingest")) {
                skipIngest = true;
                continue;
            }
            switch (args[i]) {
                case "--indicators" -> indicators = Integer.parseInt(value.replace("_", ""));
                case "--duplicates" -> duplicateShare = Double.parseDouble(value);
                case "--batch" -> batchSize = Integer.parseInt(value);
                case "--queries" -> queries = Integer.parseInt(value);
                case "--mongodb-uri" -> uri = value.isBlank() ? null : value;
                case "--store-dir" -> storeDir = Path.of(value);
                case "--consumers" -> consumers = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --indicators N, "
                        + "--duplicates SHARE, --batch N, --queries N, --consumers N, --mongodb-uri URI, --store-dir DIR, "
                        + "--export-only, --skip-ingest");
            }
            i++;
        }
        return new Options(indicators, duplicateShare, batchSize, queries, uri, storeDir.toAbsolutePath(),
                Math.max(1, 50_000 / batchSize), exportOnly, skipIngest, Math.max(1, consumers));
    }
}
