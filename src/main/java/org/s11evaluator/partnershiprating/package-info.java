/**
 * Partnership-wide ratings: how many returns rated each item and standard how, judged by the pack's
 * {@code partnership-rating.drl}, in {@code ratePartnershipsStep}.
 * <p>
 * Tables owned: partnership_rating. TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.partnershiprating;
