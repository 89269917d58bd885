package org.s11evaluator.partitioning;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * The broker's queue of partnerships to evaluate: a run sends one request per partnership, and each worker
 * takes them one at a time per thread.
 * <p>
 * A request is a map message of three plain values (step name, job and step execution ids), not a serialized
 * Java object: a worker deserializes nothing it did not choose, and the broker's console shows what is queued.
 * Requests are persistent, so a broker that keeps its journal (as Artemis does by default) loses none when it
 * restarts. Workers read in a transacted session: a request is acknowledged only when its partnership's part
 * of the run has ended, so one whose worker dies goes back to the queue for another.
 * <p>
 * Consumers take no messages ahead ({@code consumerWindowSize=0}): a partnership takes minutes, and a worker that
 * buffered requests would keep them from idle workers.
 */
final class PartitionQueue implements AutoCloseable {

	private static final String STEP_NAME = "stepName";

	private static final String JOB_EXECUTION_ID = "jobExecutionId";

	private static final String STEP_EXECUTION_ID = "stepExecutionId";

	private final ActiveMQConnectionFactory broker;

	private final CachingConnectionFactory sending;

	private final JmsTemplate jms;

	private final String queue;

	PartitionQueue(RemoteEvaluationSettings settings) {
		this.broker = new ActiveMQConnectionFactory(settings.brokerUrl(), settings.brokerUser(), settings.brokerPassword());
		this.broker.setConsumerWindowSize(0);
		this.sending = new CachingConnectionFactory(this.broker);
		this.jms = new JmsTemplate(this.sending);
		this.jms.setExplicitQosEnabled(true);
		this.jms.setDeliveryPersistent(true);
		this.queue = settings.queue();
	}

	/** Queues one partnership's part of a run. */
	void send(StepExecutionRequest request) {
		this.jms.send(this.queue, (session) -> {
			MapMessage message = session.createMapMessage();
			message.setString(STEP_NAME, request.getStepName());
			message.setLong(JOB_EXECUTION_ID, request.getJobExecutionId());
			message.setLong(STEP_EXECUTION_ID, request.getStepExecutionId());
			return message;
		});
	}

	/** The request a message carries. */
	static StepExecutionRequest request(Message message) throws JMSException {
		if (!(message instanceof MapMessage map) || !map.itemExists(STEP_EXECUTION_ID)) {
			throw new IllegalArgumentException("Not a request to evaluate a partnership: " + message);
		}
		return new StepExecutionRequest(map.getString(STEP_NAME), map.getLong(JOB_EXECUTION_ID), map.getLong(STEP_EXECUTION_ID));
	}

	/**
	 * A listener that takes requests on {@code consumers} threads, each request in its own transaction (see
	 * above). Not started: a Spring bean, it starts with the application.
	 */
	DefaultMessageListenerContainer listener(int consumers, MessageListener listener) {
		DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
		container.setConnectionFactory(this.broker);
		container.setDestinationName(this.queue);
		container.setSessionTransacted(true);
		container.setConcurrentConsumers(consumers);
		container.setMaxConcurrentConsumers(consumers);
		container.setMessageListener(listener);
		return container;
	}

	@Override
	public void close() {
		this.sending.destroy();
		this.broker.close();
	}

}
