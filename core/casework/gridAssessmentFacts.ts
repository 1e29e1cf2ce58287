// The grid assessment's part in approval, read the same way from a case row of the cache or of PostgreSQL.
import type { ApprovalBlocker, GridAssessmentView } from '../../shared/contract';
import { gridAssessmentBlocker, gridAssessmentRequired, parseGridAssessment, type GridAssessment } from '../../shared/rules';

/** The columns `gridAssessmentOfRow` reads. */
export const GRID_ASSESSMENT_COLUMNS = 'request_type, has_production, main_fuse_a, grid_assessment';

export interface GridAssessmentRow {
  request_type: unknown;
  has_production: unknown;
  main_fuse_a: unknown;
  grid_assessment: unknown;
}

/** Whether approval needs an assessment, and the one recorded (SQLite keeps booleans as 0/1, PostgreSQL as booleans). */
export function gridAssessmentOfRow(row: GridAssessmentRow): { required: boolean; assessment: GridAssessment | null } {
  const required = gridAssessmentRequired({
    requestType: String(row.request_type),
    hasProduction: row.has_production === true || Number(row.has_production) === 1,
    mainFuseA: row.main_fuse_a === null || row.main_fuse_a === undefined ? null : Number(row.main_fuse_a),
  });
  return { required, assessment: parseGridAssessment(row.grid_assessment) };
}

export function gridApprovalBlocker(row: GridAssessmentRow): ApprovalBlocker | null {
  const { required, assessment } = gridAssessmentOfRow(row);
  const code = gridAssessmentBlocker(required, assessment);
  return code ? { code } : null;
}

/** The assessment for the case view, with the assessor's name looked up by the caller. */
export function gridAssessmentView(assessment: GridAssessment | null, nameOf: (userId: string) => string): GridAssessmentView | null {
  return assessment ? { outcome: assessment.outcome, note: assessment.note, byName: nameOf(assessment.by), at: assessment.at } : null;
}
