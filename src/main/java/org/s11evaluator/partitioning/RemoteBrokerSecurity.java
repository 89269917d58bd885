package org.s11evaluator.partitioning;

import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What remote partitioning asks of its broker before anything is sent or taken: TLS to every broker of the URL
 * (Artemis' {@code sslEnabled=true}) and a login, since a worker runs whatever partnership a message names, against
 * the shared database, and the messages say which returns. Checked on the URL as the Artemis client itself reads
 * it. Only {@code insecure-local-test: true} lets a broker without them through, with a warning at every start.
 */
final class RemoteBrokerSecurity {

	private static final Logger log = LoggerFactory.getLogger(RemoteBrokerSecurity.class);

	private static final String FILE = "s11.evaluation.remote in batch-config/evaluation.yml";

	private RemoteBrokerSecurity() {
	}

	/** Refuses, with what to change, a broker without TLS or a login, unless the settings say it is a local test. */
	static void check(RemoteEvaluationSettings settings) {
		List<String> missing = problems(settings);
		if (missing.isEmpty()) {
			return;
		}
		if (settings.insecureLocalTest()) {
			log.warn("INSECURE: remote partitioning is set for a local test only (insecure-local-test: true in {}): {}. Partnerships' work "
					+ "crosses the network unprotected and anyone who reaches the broker can send work to the workers. Never run it so "
					+ "on a network.", FILE, String.join("; ", missing));
			return;
		}
		throw new IllegalStateException("Remote partitioning refuses an unprotected broker: " + String.join("; ", missing) + ". (Only "
				+ "for a test on one machine, set insecure-local-test: true in " + FILE + ".)");
	}

	static List<String> problems(RemoteEvaluationSettings settings) {
		List<String> problems = new ArrayList<>();
		if (!tls(settings.brokerUrl())) {
			problems.add("broker-url " + settings.brokerUrl() + " does not use TLS: list each broker as tcp://host:port with "
					+ "?sslEnabled=true (and trustStorePath=... if its certificate is not signed by an authority the JVM trusts)");
		}
		if (isBlank(settings.brokerUser()) || isBlank(settings.brokerPassword())) {
			problems.add("no broker login: set the environment variables S11_EVALUATION_REMOTE_BROKER_USER and "
					+ "S11_EVALUATION_REMOTE_BROKER_PASSWORD");
		}
		return problems;
	}

	/** Whether every broker the Artemis client would connect to is reached over TLS (discovery cannot be checked). */
	private static boolean tls(String url) {
		try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url)) {
			TransportConfiguration[] brokers = factory.getStaticConnectors();
			if (brokers == null || brokers.length == 0) {
				return false;
			}
			for (TransportConfiguration broker : brokers) {
				if (!NettyConnectorFactory.class.getName().equals(broker.getFactoryClassName())
						|| !"true".equalsIgnoreCase(String.valueOf(broker.getParams().get(TransportConstants.SSL_ENABLED_PROP_NAME)))) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
