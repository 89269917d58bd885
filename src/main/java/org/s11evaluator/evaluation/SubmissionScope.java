package org.s11evaluator.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.cycle.RunScope;
import org.s11evaluator.rules.RulePacks;

/**
 * Which stored returns a run evaluates: those of one cycle, or of every open cycle; and, unless every return
 * is asked for, only those with no current results: new, corrected since, or evaluated by a pack version
 * other than the one in the rules folder now. One definition for the reader and the progress count.
 */
final class SubmissionScope {

	static final String ALL_OPEN_CYCLES = RunScope.ALL_OPEN_CYCLES;

	/** Every stored return, with the pack it is judged by (its agency's template) and the version and pack version of its current results. */
	static final String SUBMISSIONS = "(select s.id, s.version, s.cycle_id, c.partnership_id, " + org.s11evaluator.cycle.CycleGroups.SUBMISSION_PACK
			+ " as pack_id, c.status as cycle_status, "
			+ "e.submission_version as evaluated_version, e.pack_version as evaluated_pack "
			+ "from submission s join audit_cycle c on c.id = s.cycle_id left join evaluation e on e.submission_id = s.id) submissions";

	private SubmissionScope() {
	}

	/** A where clause and its named parameters. */
	record Where(String sql, Map<String, Object> parameters) {
	}

	static Where of(String cycle, boolean changedOnly, RulePacks packs) {
		return of(cycle, changedOnly, packs, null);
	}

	/** The same, narrowed to one partnership's returns (a partition of the run) unless {@code partnership} is null. */
	static Where of(String cycle, boolean changedOnly, RulePacks packs, String partnership) {
		Map<String, Object> parameters = new HashMap<>();
		StringBuilder sql = new StringBuilder("where cycle_id in (select c.id from audit_cycle c where ");
		sql.append(RunScope.sql(cycle, "c", parameters)).append(")");
		if (partnership != null) {
			sql.append(" and partnership_id = :partnership");
			parameters.put("partnership", partnership);
		}
		if (changedOnly) {
			sql.append(" and (evaluated_version is null or evaluated_version <> version or evaluated_pack is null or evaluated_pack <> ");
			List<String> ids = packs.ids();
			if (ids.isEmpty()) {
				sql.append("'')"); // no pack in the rules folder: nothing matches a current version
			}
			else {
				sql.append("case pack_id");
				int i = 0;
				for (String pack : ids) {
					sql.append(" when :pack").append(i).append(" then :version").append(i);
					parameters.put("pack" + i, pack);
					parameters.put("version" + i, packs.currentVersion(pack));
					i++;
				}
				sql.append(" else '' end)");
			}
		}
		return new Where(sql.toString(), parameters);
	}

}
