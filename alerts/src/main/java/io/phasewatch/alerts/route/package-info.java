/** Which sinks an alert goes to: ordered routes matching kind, severity and subject. Pure. */
package io.phasewatch.alerts.route;
