package org.s11evaluator.rules.runner;

import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.phreak.RuleAgendaItem;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.KieSession;

/**
 * In the runner: which rule is at work now, for the heartbeat, so that the application can name the rule when
 * it stops a return at its deadline. A rule is at work when it fires (its consequence runs), when it is being
 * matched (Drools evaluates a rule's conditions when the agenda reaches it, so the rule at the head of the
 * agenda is the one whose conditions are being evaluated), or, failing both, it is the rule that last created
 * a match or last fired.
 */
final class RuleWatch extends DefaultAgendaEventListener {

	private volatile KieSession session;

	private volatile String firing;

	private volatile String lastFired;

	private volatile String lastMatched;

	void watch(KieSession session) {
		this.session = session;
		this.firing = null;
		this.lastFired = null;
		this.lastMatched = null;
	}

	void done() {
		this.session = null;
	}

	@Override
	public void matchCreated(MatchCreatedEvent event) {
		this.lastMatched = event.getMatch().getRule().getName();
	}

	@Override
	public void beforeMatchFired(BeforeMatchFiredEvent event) {
		this.firing = event.getMatch().getRule().getName();
	}

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		this.lastFired = this.firing;
		this.firing = null;
	}

	/** The rule at work and what it is doing, read from another thread (the heartbeat's): a best guess. */
	String[] atWork() {
		String firing = this.firing;
		if (firing != null) {
			return new String[] { firing, "firing" };
		}
		String matching = headOfAgenda();
		if (matching != null) {
			return new String[] { matching, "matching" };
		}
		if (this.lastMatched != null) {
			return new String[] { this.lastMatched, "matched" };
		}
		return new String[] { (this.lastFired != null) ? this.lastFired : "none", "fired" };
	}

	private String headOfAgenda() {
		KieSession watched = this.session;
		if (!(watched instanceof InternalWorkingMemory memory)) {
			return null;
		}
		try {
			// read while the session's own thread changes it: a stale or missing answer is possible, and harmless
			RuleAgendaItem head = memory.getAgenda().peekNextRule();
			return (head != null && head.getRule() != null) ? head.getRule().getName() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
