package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.Route;
import java.util.ArrayList;
import java.util.List;

/** The tenant objects clients change: URL lists, file hash lists, UCI scores, app tags, incidents, app instances and destination profiles. */
public final class TenantState {

    private final UrlLists urlLists = new UrlLists();
    private final FileHashLists fileHashLists = new FileHashLists();
    private final UserConfidence userConfidence = new UserConfidence();
    private final AppTags appTags = new AppTags();
    private final Incidents incidents = new Incidents();
    private final AppInstances appInstances = new AppInstances();
    private final DestinationProfiles destinationProfiles = new DestinationProfiles();

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.addAll(urlLists.routes());
        routes.addAll(fileHashLists.routes());
        routes.addAll(userConfidence.routes());
        routes.addAll(appTags.routes());
        routes.addAll(incidents.routes());
        routes.addAll(appInstances.routes());
        routes.addAll(destinationProfiles.routes());
        return routes;
    }

    public UrlLists urlLists() {
        return urlLists;
    }

    public FileHashLists fileHashLists() {
        return fileHashLists;
    }

    public UserConfidence userConfidence() {
        return userConfidence;
    }

    public AppTags appTags() {
        return appTags;
    }

    public Incidents incidents() {
        return incidents;
    }

    public AppInstances appInstances() {
        return appInstances;
    }

    public DestinationProfiles destinationProfiles() {
        return destinationProfiles;
    }
}
