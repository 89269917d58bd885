package org.s11evaluator.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once the service's web server is up, where its health and metrics are: the port may be chosen at start-up. */
@Component
class MonitoringAddress {

	private static final Logger log = LoggerFactory.getLogger(MonitoringAddress.class);

	private final MonitoringSettings settings;

	MonitoringAddress(MonitoringSettings settings) {
		this.settings = settings;
	}

	@EventListener
	void started(WebServerInitializedEvent event) {
		String base = "http://" + this.settings.address() + ":" + event.getWebServer().getPort() + "/actuator";
		log.info("Health at {}/health, metrics at {}/metrics and {}/prometheus", base, base, base);
	}

}
