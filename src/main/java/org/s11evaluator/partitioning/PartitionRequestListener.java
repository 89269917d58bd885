package org.s11evaluator.partitioning;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.NoSuchStepException;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;


/**
 * A worker's side of remote partitioning: takes a request for one partnership's part of a run off the queue and
 * runs {@code evaluatePartnershipStep} on that step execution with Spring Batch Integration's
 * {@link StepExecutionRequestHandler}, against the shared database. The step reads all it needs (job
 * parameters, the partnership) from the job repository, so it runs here as it would on the run's own threads.
 * <p>
 * Two things are added around it:
 * <ul>
 * <li>The step execution records which process ran it ({@link #EXECUTED_BY}: pid@host), so the job repository
 * shows where each partnership was evaluated, and whose log to read when one fails.</li>
 * <li>Only a partnership still to do (STARTING) or left unfinished by a worker that died (STARTED) is run. The
 * broker may deliver a request twice: after a worker died holding it (it then resumes where that worker's last
 * commit left it), or after a worker finished it but died before acknowledging it. And a request may outlive
 * its run, when the run gave up waiting or was recovered after its process died and marked its partnerships
 * FAILED. Such a request finds its step execution ended, and is acknowledged and ignored.</li>
 * </ul>
 * The handler is left to throw when the step execution cannot be read (the database unreachable, say): the
 * transaction is rolled back and the broker redelivers the request.
 */
class PartitionRequestListener implements MessageListener {

	/** Key, in a partnership's step execution context, of the process that evaluated it: pid@host. */
	static final String EXECUTED_BY = "executedBy";

	private static final Logger log = LoggerFactory.getLogger(PartitionRequestListener.class);

	private static final String THIS_PROCESS = ProcessHandle.current().pid() + "@" + hostName();

	private final JobExplorer explorer;

	private final JobRepository repository;

	private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();

	PartitionRequestListener(JobExplorer explorer, JobRepository repository, Step evaluatePartnershipStep) {
		this.explorer = explorer;
		this.repository = repository;
		this.handler.setJobExplorer(explorer);
		// this step and no other: a request cannot name any other bean to run
		this.handler.setStepLocator(new StepLocator() {

			@Override
			public java.util.Collection<String> getStepNames() {
				return java.util.List.of(evaluatePartnershipStep.getName());
			}

			@Override
			public Step getStep(String stepName) throws NoSuchStepException {
				if (!evaluatePartnershipStep.getName().equals(stepName)) {
					throw new NoSuchStepException("A worker runs " + evaluatePartnershipStep.getName() + " only, not " + stepName);
				}
				return evaluatePartnershipStep;
			}

		});
	}

	@Override
	public void onMessage(Message message) {
		StepExecutionRequest request;
		try {
			request = PartitionQueue.request(message);
		}
		catch (JMSException | IllegalArgumentException ex) {
			log.error("Ignored a message on the partnerships' queue that is not a request this worker understands: {}",
					LogValues.escape(ex.getMessage()));
			return;
		}
		StepExecution partition = this.explorer.getStepExecution(request.getJobExecutionId(), request.getStepExecutionId());
		if (partition == null) {
			log.warn("Ignored a request for step execution {} of run {}: it is not in the job repository (deleted since?)",
					request.getStepExecutionId(), request.getJobExecutionId());
			return;
		}
		String partnership = LogValues.escape(partition.getExecutionContext().getString(EvaluationSteps.PARTNERSHIP, partition.getStepName()));
		if (partition.getStatus() != BatchStatus.STARTING && partition.getStatus() != BatchStatus.STARTED) {
			log.info("Partnership {}: ignored a request for its part of run {}, which is already {} (delivered again after it ended, "
					+ "or the run stopped waiting for it)", partnership, request.getJobExecutionId(), partition.getStatus());
			return;
		}
		log.info("Partnership {}: evaluating its part of run {} in process {}{}", partnership, request.getJobExecutionId(), THIS_PROCESS,
				(partition.getStatus() == BatchStatus.STARTED) ? ", resuming after the worker that had it stopped" : "");
		partition.getExecutionContext().putString(EXECUTED_BY, THIS_PROCESS);
		this.repository.updateExecutionContext(partition);
		StepExecution ended = this.handler.handle(request);
		log.info("Partnership {}: its part of run {} ended {}", partnership, request.getJobExecutionId(), ended.getStatus());
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
