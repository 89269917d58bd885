/**
 * The audit trail: {@link org.s11evaluator.audit.AuditTrail} is the only way in; its table ({@code audit_event}) is
 * written and read by this package alone.
 */
package org.s11evaluator.audit;
