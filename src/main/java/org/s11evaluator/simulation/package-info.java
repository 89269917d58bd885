/**
 * Draft simulation ({@code rules simulate}): what a draft rule pack would change in a cycle's results, computed in
 * memory; writes nothing.
 * <p>
 * Tables owned: none. TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.simulation;
