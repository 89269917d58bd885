package org.s11evaluator.command;

import java.util.List;
import java.util.Optional;

/** A command to run, as read from its command line: its name, the application home if given, and its options. */
public final class Invocation {

	private final List<String> names;

	private final String home;

	private final Object options;

	Invocation(List<String> names, String home, Object options) {
		this.names = List.copyOf(names);
		this.home = home;
		this.options = options;
	}

	/** The command as typed, for example "rules check" or "evaluate". */
	public String command() {
		return String.join(" ", this.names);
	}

	/** {@code --home=DIR}, wherever it was given on the line. */
	public Optional<String> home() {
		return Optional.ofNullable(this.home);
	}

	/** Sets the system property of the application home ({@code s11.home}) when {@code --home} was given. */
	public void applyHome() {
		home().ifPresent((dir) -> System.setProperty(HomeOption.PROPERTY, dir));
	}

	/** The options the command was read into (one of {@link CommandOptions}, or the class given to the reader). */
	public <T> T options(Class<T> type) {
		return type.cast(this.options);
	}

	Object options() {
		return this.options;
	}

	/** True for the commands that stay up until stopped. */
	public boolean serving() {
		return this.options instanceof CommandOptions.Serve || this.options instanceof CommandOptions.Worker;
	}

	/** True for {@code worker}. */
	public boolean worker() {
		return this.options instanceof CommandOptions.Worker;
	}

	/** {@code rules check|test|explain}: what to run, with no database; empty for every other command. */
	public Optional<RulesRequest> rules() {
		if (this.options instanceof CommandOptions.RulesCheck check) {
			return Optional.of(new RulesRequest("check", check.pack, check.rules, null));
		}
		if (this.options instanceof CommandOptions.RulesTest test) {
			return Optional.of(new RulesRequest("test", test.pack, test.rules, test.junitXml));
		}
		if (this.options instanceof CommandOptions.RulesExplain explain) {
			return Optional.of(new RulesRequest("explain", explain.pack, explain.rules, null));
		}
		return Optional.empty();
	}

	/**
	 * A rules command that needs no database.
	 * @param action check, test or explain
	 * @param pack the pack named, or null for every pack (always given for explain)
	 * @param rulesDirectory {@code --rules}, or null
	 * @param junitXml {@code --junit-xml} of {@code rules test}, or null
	 */
	public record RulesRequest(String action, String pack, String rulesDirectory, String junitXml) {
	}

}
