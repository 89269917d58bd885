package org.s11evaluator.benchmark;

import java.util.List;

import org.s11evaluator.S11Application;
import org.s11evaluator.command.BuildVersion;
import org.s11evaluator.command.CommandLineReader;
import org.s11evaluator.command.HomeOption;
import org.s11evaluator.command.Reading;
import org.s11evaluator.command.Values;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark's command, from the source tree only (test scope: the production jar has no benchmark):
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark.args="--partnerships=150 --agencies=150"}. It reads
 * its command line as the application does (usage, did-you-mean, typed values; Spring properties such as
 * {@code --spring.datasource.url=...} pass through), then starts the application without a command and runs
 * {@link Benchmark}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
		description = "Generate national-scale synthetic returns in the configured database (which must be empty, or named by --empty-database), run the nightly job on them and print how fast it was against the database's own floor.",
		footer = { "", "Exit codes: 0 done; 1 failed; 2 command line not understood, or refused (a database that is not empty, a wrong name)." })
public final class BenchmarkCommand {

	@Mixin
	HomeOption home = new HomeOption();

	@Option(names = "--partnerships", paramLabel = "N", defaultValue = "150", converter = Values.Count.class, description = "default: 150")
	int partnerships;

	@Option(names = "--agencies", paramLabel = "N", defaultValue = "150", converter = Values.Count.class,
			description = "per partnership; default: 150")
	int agencies;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "2026", converter = Values.WholeNumber.class,
			description = "the same seed generates the same data; default: 2026")
	long seed;

	@Option(names = "--empty-database", paramLabel = "NAME", converter = Values.Text.class,
			description = "delete everything in the configured database first; NAME must be its actual name (needed when it holds anything, real cycles included)")
	String emptyDatabase;

	@Option(names = "--second-night", description = "then empty every table, generate the same data again and run the first night once more in this JVM, "
			+ "compiled by then: what a long-lived serve saves from its second night on")
	boolean secondNight;

	Benchmark.Options options() {
		return new Benchmark.Options(this.partnerships, this.agencies, this.seed, this.emptyDatabase, this.secondNight);
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the benchmark for a command line; returns the exit code. */
	static int run(String... args) {
		Reading reading = CommandLineReader.read(new BenchmarkCommand(), (command) -> {
		}, args);
		if (reading instanceof Reading.Answer answer) {
			return answer.print(System.out, System.err);
		}
		org.s11evaluator.command.Invocation invocation = ((Reading.Run) reading).invocation();
		invocation.applyHome();
		SpringApplication application = new SpringApplication(S11Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// the application starts with no command of its own: only the Spring properties of this line
		List<String> properties = List.of(args).stream().filter(CommandLineReader::springProperty).toList();
		try (ConfigurableApplicationContext context = application.run(properties.toArray(String[]::new))) {
			context.getBean(Benchmark.class).run(invocation.options(BenchmarkCommand.class).options(), System.out);
			return 0;
		}
		catch (Benchmark.Refused ex) {
			System.err.println(ex.getMessage());
			return CommandLineReader.USAGE_ERROR;
		}
		catch (RuntimeException ex) {
			System.err.println("FAILED: " + ex.getMessage());
			return 1;
		}
	}

}
