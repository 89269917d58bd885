package org.s11evaluator.partitioning;

import java.time.Clock;
import org.s11evaluator.evaluation.EvaluationProgress;
import org.s11evaluator.evaluation.EvaluationSettings;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.evaluation.PartnershipPartitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * Remote partitioning ({@code s11.evaluation.remote.enabled: true}): the run's {@code evaluateSubmissionsStep}
 * still splits the run into one partition per partnership, in the job repository, but instead of evaluating them
 * on its own threads it sends each to the broker's queue and waits, polling the job repository, until workers
 * (processes started with {@code worker}, on as many machines as needed) have run {@code evaluatePartnershipStep}
 * on them against the shared database. Everything else about a run stays where it was: the run lock, the
 * recovery of a dead run, the ratings, the summaries and the report are the manager's.
 * <p>
 * Replaces the local partitioned step of {@code evaluation.EvaluationJobConfiguration} (same bean, same step names, so the
 * job, restarts and reports cannot tell them apart); with remote partitioning off, none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RemotePartitioningConfiguration.ENABLED, havingValue = "true")
class RemotePartitioningConfiguration {

	static final String ENABLED = EvaluationSteps.REMOTE_ENABLED;

	/** The profile of the {@code worker} command (S11Application). */
	static final String WORKER_PROFILE = "worker";

	private static final Logger log = LoggerFactory.getLogger(RemotePartitioningConfiguration.class);

	@Bean(destroyMethod = "close")
	PartitionQueue partitionQueue(RemoteEvaluationSettings remote, @Value("${spring.datasource.url:embedded}") String database) {
		if ("embedded".equals(database)) {
			throw new IllegalStateException("Remote partitioning (s11.evaluation.remote.enabled in batch-config/evaluation.yml) needs a "
					+ "database server that the run and its workers share: set SPRING_DATASOURCE_URL (and its username and password) "
					+ "on every machine; the embedded MariaDB belongs to one process.");
		}
		RemoteBrokerSecurity.check(remote);
		return new PartitionQueue(remote);
	}

	@Bean(EvaluationSteps.EVALUATE_STEP)
	Step evaluateSubmissionsStep(JobRepository jobs, JobExplorer explorer, @Qualifier(EvaluationSteps.PARTNERSHIP_STEP) Step evaluatePartnershipStep, PartnershipPartitioner partitioner,
			EvaluationSettings settings, RemoteEvaluationSettings remote, EvaluationProgress evaluationProgress, PartitionQueue queue, Clock clock)
			throws Exception {
		DirectChannel requests = new DirectChannel();
		requests.subscribe((message) -> queue.send((StepExecutionRequest) message.getPayload()));
		RemotePartitionHandler handler = new RemotePartitionHandler(explorer, jobs, remote.timeout(), evaluationProgress.partition(), clock);
		handler.setStepName(EvaluationSteps.PARTNERSHIP_STEP);
		handler.setMessagingOperations(new MessagingTemplate(requests));
		handler.setPollInterval(remote.pollInterval().toMillis());
		handler.setGridSize(settings.threads());
		handler.afterPropertiesSet();
		log.info("Remote partitioning: evaluation runs started here send their partnerships to the workers through {}", remote);
		return new StepBuilder(EvaluationSteps.EVALUATE_STEP, jobs).partitioner(EvaluationSteps.PARTNERSHIP_STEP, partitioner)
			.step(evaluatePartnershipStep)
			.partitionHandler(handler)
			.listener((StepExecutionListener) evaluationProgress)
			.build();
	}

	/**
	 * A worker ({@code worker} command): takes partnerships off the queue, {@code s11.evaluation.threads} at a
	 * time, and evaluates them. It stays up until stopped; a request is acknowledged only when its partnership is
	 * done, so whatever a stopped worker had not finished goes back to the queue.
	 */
	@Bean
	@Profile(WORKER_PROFILE)
	DefaultMessageListenerContainer partitionRequestListener(PartitionQueue queue, EvaluationSettings settings, RemoteEvaluationSettings remote,
			JobExplorer explorer, JobRepository jobs, @Qualifier(EvaluationSteps.PARTNERSHIP_STEP) Step evaluatePartnershipStep) {
		log.info("Worker: evaluating partnerships from {}, {} at a time", remote, settings.threads());
		return queue.listener(settings.threads(), new PartitionRequestListener(explorer, jobs, evaluatePartnershipStep));
	}

	/** Without remote partitioning there is nothing for a worker to take: say so, rather than idle. */
	@Configuration(proxyBeanMethods = false)
	@Profile(WORKER_PROFILE)
	@ConditionalOnProperty(name = ENABLED, havingValue = "false", matchIfMissing = true)
	static class WorkerWithoutBroker {

		WorkerWithoutBroker() {
			throw new IllegalStateException("The worker command evaluates partnerships that runs send through a message broker: set "
					+ "s11.evaluation.remote.enabled: true and s11.evaluation.remote.broker-url in batch-config/evaluation.yml (on the "
					+ "machine that runs the evaluation too).");
		}

	}

}
