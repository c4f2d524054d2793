package io.cloudexchange.plugin.api.cte;

/** Kinds of indicator of compromise. */
public enum IndicatorType {
    URL, MD5, SHA256, IPV4, IPV6, DOMAIN, HOSTNAME, FQDN
}
