/**
 * The partnership's anonymous staff survey, set beside the agencies' self-assessments: {@link SurveyImport} reads a
 * survey tool's CSV export into counts per agency and question (nothing of a single respondent is kept),
 * {@link ChallengeFlags} lets the pack's challenge rules find the self-ratings the survey contradicts, and
 * {@link ChallengeDay} writes the challenge-day pack. Its tables ({@code survey_import}, {@code survey_count},
 * {@code challenge_flag}) are written and read by this package alone.
 */
package org.s11evaluator.survey;
