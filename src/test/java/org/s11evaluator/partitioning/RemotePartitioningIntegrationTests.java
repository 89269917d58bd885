package org.s11evaluator.partitioning;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.evaluation.PartnershipPartitioner;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.s11evaluator.support.SyntheticReturns;
import org.s11evaluator.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;



/**
 * Remote partitioning across processes: this JVM runs the evaluation as the manager (it holds the run lock, splits
 * the run by partnership and waits), a broker started here takes the requests over TCP, and the partnerships are
 * evaluated by two workers in child JVMs ({@code worker} command, as an operator would start them on other machines)
 * against the same database. This JVM runs no worker, and each partnership's step execution records the process
 * that ran it: the tests check that it was one of the children.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // the broker goes with it
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the second kills a worker
class RemotePartitioningIntegrationTests {

	private static final int BROKER_PORT = freePort();

	private static final String QUEUE = "s11.test.partnerships";

	@DynamicPropertySource
	static void remotePartitioning(DynamicPropertyRegistry properties) {
		properties.add("s11.evaluation.remote.enabled", () -> "true");
		properties.add("s11.evaluation.remote.broker-url", () -> "tcp://127.0.0.1:" + BROKER_PORT);
		properties.add("s11.evaluation.remote.queue", () -> QUEUE);
		properties.add("s11.evaluation.remote.poll-interval", () -> "200ms");
		properties.add("s11.evaluation.remote.timeout", () -> "120s");
		// the embedded broker has neither TLS nor a login: this test is the local test the switch is for
		properties.add("s11.evaluation.remote.insecure-local-test", () -> "true");
	}

	/** A persistent broker with a TCP acceptor, as a real one would be (its journal under target/). */
	@TestConfiguration(proxyBeanMethods = false)
	static class Broker {

		@Bean(destroyMethod = "stop")
		EmbeddedActiveMQ broker() throws Exception {
			Path data = Path.of("target/remote-partitioning-broker");
			FileSystemUtils.deleteRecursively(data);
			ConfigurationImpl configuration = new ConfigurationImpl();
			configuration.setPersistenceEnabled(true);
			configuration.setJournalType(JournalType.NIO);
			configuration.setJournalFileSize(1024 * 1024);
			configuration.setJournalDirectory(data.resolve("journal").toString());
			configuration.setBindingsDirectory(data.resolve("bindings").toString());
			configuration.setPagingDirectory(data.resolve("paging").toString());
			configuration.setLargeMessagesDirectory(data.resolve("large-messages").toString());
			configuration.setSecurityEnabled(false);
			configuration.setMaxDiskUsage(-1); // a nearly full disk must not block the test's producer
			configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + BROKER_PORT);
			return new EmbeddedActiveMQ().setConfiguration(configuration).start();
		}

	}

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CycleManagement cycles;

	@Autowired
	SampleCycles samples;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobExplorer explorer;

	@Autowired
	EmbeddedActiveMQ broker;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	org.s11evaluator.evaluation.EvaluationWork evaluationWork;

	@Autowired
	JobRepository jobs;

	@Autowired
	JobLauncher launcher;

	@Autowired
	Step evaluatePartnershipStep;

	@Autowired
	PartitionQueue queue;

	/**
	 * Two workers, each in its own JVM, started once for the class (a JVM takes seconds to start); the second test
	 * kills one of them.
	 */
	private static final List<Process> workers = new ArrayList<>();

	@BeforeEach
	void cleanDatabaseAndStartWorkers() throws Exception {
		this.database.clean();
		if (workers.isEmpty()) {
			workers.add(startWorker("one"));
			workers.add(startWorker("other"));
			awaitConsumers(2);
		}
	}

	@AfterAll
	static void stopWorkers() throws InterruptedException {
		for (Process worker : workers) {
			worker.destroyForcibly().waitFor();
		}
	}

	@Test
	@Order(1)
	void partnershipsAreEvaluatedByWorkersInOtherProcessesAndOneFailingThereDoesNotStopTheOthers() {
		// given the sample cycles, one Pan-London return's stored evidence links corrupt so its partnership cannot be read
		this.samples.load();
		this.jdbc.update("""
				update item_response set evidence_links = 'not json' where submission_id =
				  (select min(id) from submission where cycle_id = 'pan-london-2012-havering-2024') and item_id = '1.1'""");

		JobExecution failed = this.evaluation.evaluateOpenCycles();

		// then the failing partnership fails on its worker, the others complete on theirs, and the run ends FAILED
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(partitions(failed)).extracting((s) -> s.getStepName() + "=" + s.getStatus())
			.containsExactlyInAnyOrder("evaluatePartnershipStep:pan-london-2012=FAILED", "evaluatePartnershipStep:pan-sussex=COMPLETED",
					"evaluatePartnershipStep:barking-and-dagenham=COMPLETED");
		assertThat(executors(failed)).as("the processes that evaluated the partnerships").hasSize(3).allMatch(this::isAWorker);
		assertThat(unevaluated("pan-sussex-2025")).isZero();
		assertThat(unevaluated("barking-and-dagenham-2025")).isZero();
		assertThat(unevaluated("pan-london-2012-havering-2024")).isEqualTo(count("select count(*) from submission where cycle_id = ?",
				"pan-london-2012-havering-2024"));
		// what the workers did is the run's own account too (report, command output)
		assertThat(RunReports.evaluated(failed)).isPositive().isEqualTo(count("select count(*) from evaluation where status = 'EVALUATED'"));
		assertThat(failed.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.anyMatch((m) -> m.matches("partnership pan-london-2012 FAILED on worker \\d+@.*Non-skippable exception during read.*"));
		assertThat(this.jdbc.queryForList("select cycle_id from cycle_summary", String.class))
			.contains("pan-sussex-2025", "barking-and-dagenham-2025");

		// when the data is put right and the evaluation launched again
		this.jdbc.update("update item_response set evidence_links = null where evidence_links = 'not json'");
		JobExecution next = this.evaluation.evaluateOpenCycles();

		// then only the failed partnership is evaluated, by a worker, and every return has been evaluated exactly once
		assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(partitions(next)).extracting(StepExecution::getStepName).containsExactly("evaluatePartnershipStep:pan-london-2012");
		assertThat(executors(next)).hasSize(1).allMatch(this::isAWorker);
		int returns = count("select count(*) from submission");
		assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(returns);
		assertThat(count("select sum(write_count) from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'"))
			.as("returns written, over every partnership of both runs").isEqualTo(returns);
		assertThat(count("select count(*) from (select submission_id, item_id from item_rating group by submission_id, item_id "
				+ "having count(*) > 1) d")).isZero();
	}

	@Test
	@Order(2)
	void aWorkerKilledMidPartnershipIsReplacedByAnotherAndTheSameRunEvaluatesEveryReturnExactlyOnce() throws Exception {
		assertThat(workers).as("both workers (see target/remote-partitioning-*.log)").allMatch(Process::isAlive);
		// given many returns of one partnership, evaluated and committed 10 at a time
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		int returns = 120;
		SyntheticReturns.insert(this.jdbc, "pan-sussex-2025", this.packs.load("pan-sussex").framework(), returns, 42);

		// when the run is under way and the worker that took the partnership is killed after a few commits
		CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> this.evaluation.evaluateCycle("pan-sussex-2025"));
		awaitPartitionCommits(3);
		long taker = executors(this.jdbc.queryForObject("select max(job_execution_id) from BATCH_JOB_EXECUTION", Long.class)).get(0);
		assertThat(taker).as("the worker that took the partnership").matches(this::isAWorker);
		Process killed = workers.stream().filter((w) -> w.pid() == taker).findFirst().orElseThrow();
		Process survivor = workers.stream().filter((w) -> w.pid() != taker).findFirst().orElseThrow();
		killed.destroyForcibly().waitFor();
		assertThat(count("select count(*) from evaluation")).as("evaluated before the kill").isPositive().isLessThan(returns);
		assertThat(this.jdbc.queryForObject("select status from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'",
				String.class)).isEqualTo("STARTED");

		// then the broker gives the unfinished partnership to the other worker, which resumes it after the last commit
		JobExecution completed = run.get(90, TimeUnit.SECONDS);
		assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("select count(*) from BATCH_JOB_EXECUTION")).as("no second run was needed").isEqualTo(1);
		assertThat(count("select count(*) from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'")).isEqualTo(1);
		assertThat(executors(completed)).containsExactly(survivor.pid());
		assertThat(count("select count(*) from evaluation where status = 'EVALUATED' and job_execution_id = ?", completed.getId()))
			.isEqualTo(returns);
		assertThat(count("select sum(write_count) from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'"))
			.as("returns written by both workers together").isEqualTo(returns);
		assertThat(count("select count(*) from standard_rating")).isEqualTo(returns * 9);
		assertThat(count("select count(*) from (select submission_id, item_id from item_rating group by submission_id, item_id "
				+ "having count(*) > 1) d")).isZero();
	}

	@Test
	@Order(3)
	void aPartnershipNoWorkerFinishesInTimeIsFailedItsLateRequestIgnoredAndTheNextRunRestartsIt() throws Exception {
		this.cycles.open(Path.of("samples/barking-and-dagenham-2025/cycle.yaml"));
		this.submissions.importPaths(List.of(Path.of("samples/barking-and-dagenham-2025/submissions")), Optional.empty());
		// given the run's remote partitioned step for that cycle, its requests held back from the workers at first
		AtomicBoolean deliver = new AtomicBoolean();
		List<StepExecutionRequest> held = new CopyOnWriteArrayList<>();
		DirectChannel requests = new DirectChannel();
		requests.subscribe((message) -> {
			StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
			if (deliver.get()) {
				this.queue.send(request);
			}
			else {
				held.add(request);
			}
		});
		JobParameters parameters = new JobParametersBuilder().addString("cycle", "barking-and-dagenham-2025").addString("mode", "changed")
			.toJobParameters();

		// when no worker has finished the partnership when the time is up
		JobExecution timedOut = this.launcher.run(evaluationOfBarking(requests, Duration.ofSeconds(1)), parameters);

		// then the partnership is marked FAILED, saying why
		assertThat(timedOut.getStatus()).isEqualTo(BatchStatus.FAILED);
		StepExecution partition = partition(timedOut.getId());
		assertThat(partition.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(partition.getExitStatus().getExitDescription()).contains("no worker finished it within s11.evaluation.remote.timeout (PT1S)");

		// and its request, reaching a worker late, is taken off the queue and ignored
		Queue queued = this.broker.getActiveMQServer().locateQueue(SimpleString.of(QUEUE));
		long acknowledged = queued.getMessagesAcknowledged();
		assertThat(held).hasSize(1);
		held.forEach(this.queue::send);
		awaitAcknowledged(queued, acknowledged + 1);
		assertThat(partition(timedOut.getId())).satisfies((late) -> {
			assertThat(late.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(late.getExecutionContext().containsKey(PartitionRequestListener.EXECUTED_BY)).as("run by a worker").isFalse();
		});
		assertThat(count("select count(*) from evaluation")).isZero();

		// when the run is launched again, its requests now reaching the workers, and time to wait for them
		deliver.set(true);
		JobExecution restarted = this.launcher.run(evaluationOfBarking(requests, Duration.ofSeconds(60)), parameters);

		// then it restarts the partnership (not refused for a step left running) and a worker evaluates it
		assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(timedOut.getJobInstance().getInstanceId());
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(executors(restarted)).hasSize(1).allMatch(this::isAWorker);
		assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(count("select count(*) from submission"))
			.isPositive();
	}

	/** A job whose one step is the run's remote partitioned step, for Barking and Dagenham's cycle only. */
	private Job evaluationOfBarking(DirectChannel requests, Duration timeout) throws Exception {
		RemotePartitionHandler handler = new RemotePartitionHandler(this.explorer, this.jobs, timeout, new StepExecutionListener() {
		}, java.time.Clock.systemDefaultZone());
		handler.setStepName(EvaluationSteps.PARTNERSHIP_STEP);
		handler.setMessagingOperations(new MessagingTemplate(requests));
		handler.setPollInterval(100);
		handler.afterPropertiesSet();
		return new JobBuilder("remoteTimeoutProbe", this.jobs).start(new StepBuilder(EvaluationSteps.EVALUATE_STEP, this.jobs)
			.partitioner(EvaluationSteps.PARTNERSHIP_STEP, new PartnershipPartitioner(this.evaluationWork, "barking-and-dagenham-2025", true, null))
			.step(this.evaluatePartnershipStep)
			.partitionHandler(handler)
			.build()).build();
	}

	private StepExecution partition(long jobExecutionId) {
		return partitions(this.explorer.getJobExecution(jobExecutionId)).get(0);
	}

	private static void awaitAcknowledged(Queue queue, long acknowledged) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (queue.getMessagesAcknowledged() < acknowledged) {
			assertThat(System.nanoTime()).as("a worker took the request off the queue within 30 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private boolean isAWorker(long pid) {
		return workers.stream().anyMatch((worker) -> worker.pid() == pid) && pid != ProcessHandle.current().pid();
	}

	/** The partnerships' step executions of a run, as the manager holds them. */
	private static List<StepExecution> partitions(JobExecution run) {
		return run.getStepExecutions().stream().filter((s) -> s.getStepName().startsWith(EvaluationSteps.PARTNERSHIP_STEP + ":"))
			.toList();
	}

	/** The processes that evaluated a run's partnerships, as each recorded itself in the job repository. */
	private List<Long> executors(JobExecution run) {
		return executors(run.getId());
	}

	private List<Long> executors(long jobExecutionId) {
		return this.explorer.getJobExecution(jobExecutionId).getStepExecutions().stream()
			.filter((s) -> s.getStepName().startsWith(EvaluationSteps.PARTNERSHIP_STEP + ":"))
			.map((s) -> s.getExecutionContext().getString(PartitionRequestListener.EXECUTED_BY, "none"))
			.map((executor) -> executor.contains("@") ? Long.parseLong(executor.substring(0, executor.indexOf('@'))) : -1L)
			.toList();
	}

	/** The application's {@code worker} command in a child JVM, with the test database and this broker. */
	private static Process startWorker(String name) throws IOException {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
				"-cp", classPath, "org.s11evaluator.S11Application", "worker", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				"--s11.evaluation.remote.enabled=true", "--s11.evaluation.remote.broker-url=tcp://127.0.0.1:" + BROKER_PORT,
				"--s11.evaluation.remote.queue=" + QUEUE, "--s11.evaluation.remote.insecure-local-test=true", "--s11.evaluation.threads=1", "--s11.evaluation.chunk-size=10");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
	}

	private static Path log(String name) {
		return Path.of("target/remote-partitioning-worker-" + name + ".log");
	}

	/** Until the workers' listeners are on the queue, so that they are there when the run starts. */
	private void awaitConsumers(int consumers) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			Queue queue = this.broker.getActiveMQServer().locateQueue(SimpleString.of(QUEUE));
			if (queue != null && queue.getConsumerCount() >= consumers) {
				return;
			}
			assertThat(workers).as("the workers are running (see target/remote-partitioning-*.log)").allMatch(Process::isAlive);
			Thread.sleep(50);
		}
		throw new AssertionError("the workers were not listening on the queue within 60 s (see target/remote-partitioning-*.log)");
	}

	private void awaitPartitionCommits(int commits) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (count("select coalesce(max(commit_count), 0) from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'") >= commits) {
				return;
			}
			assertThat(workers).as("the workers are running (see target/remote-partitioning-*.log)").allMatch(Process::isAlive);
			Thread.sleep(10);
		}
		throw new AssertionError("the worker committed no chunk within 60 s (see target/remote-partitioning-*.log)");
	}

	private int unevaluated(String cycle) {
		return count("select count(*) from submission s left join evaluation e on e.submission_id = s.id and e.status = 'EVALUATED' "
				+ "where s.cycle_id = ? and e.submission_id is null", cycle);
	}

	private int count(String sql, Object... parameters) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, parameters);
		return (count != null) ? count : 0;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
