package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.s11evaluator.evaluation.ResultsMigration;

/** Moves every return's item and standard ratings into its evaluation row (see V20 and V22). */
public class V21__move_results_to_evaluation_rows extends BaseJavaMigration {

	@Override
	public void migrate(Context context) {
		ResultsMigration.moveRatings(context.getConnection());
	}

}
