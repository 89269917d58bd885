package org.s11evaluator.cycle;

/** An agency as the register knows it (from the cycles' lists and its returns): its id, name and sector. */
public record RegisteredAgency(String id, String name, String sector) {
}
