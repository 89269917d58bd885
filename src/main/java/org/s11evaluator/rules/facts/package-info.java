/**
 * The published fact model: the only types a rule file may use. Facts describe a submission (what an agency
 * returned) and the framework it answers; outcomes are what rules conclude (ratings, findings, follow-up
 * actions). Rules insert outcomes and never change a submission.
 * <p>
 * A named interface of the {@code rules} module: the other modules read and store these facts and outcomes.
 */
@org.springframework.modulith.NamedInterface("facts")
package org.s11evaluator.rules.facts;
