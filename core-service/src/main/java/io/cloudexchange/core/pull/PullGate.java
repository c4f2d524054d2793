package io.cloudexchange.core.pull;

/**
 * Lets a module hold back a configuration's pulls, e.g. while what it pulled cannot be delivered fast
 * enough (back-pressure). A held configuration is not started and a running pull stops after its current
 * page; both resume on their own once every gate opens again.
 */
public interface PullGate {

    /** @return true while the configuration may pull */
    boolean mayPull(String configurationId);
}
