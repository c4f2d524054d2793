package io.cloudexchange.plugins.netskope.push;

/**
 * One change of an incident for {@code PATCH /api/v2/incidents/update}.
 *
 * @param field {@code status}, {@code assignee} or {@code severity}
 * @param user the email of the admin the change is made as
 */
public record IncidentChange(String objectId, String field, String oldValue, String newValue, String user) {
}
