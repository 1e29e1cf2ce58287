// A grid assessment as a handler records it (mutations/gridAssessmentRecord.ts), for set-ups that put a case straight
// into a state where it may be approved: since NEM-forskriften § 3-7 approval of work that adds load needs one.
export const SOUND_GRID_ASSESSMENT = JSON.stringify({ outcome: 'sound', note: '', by: 'test', at: '2026-11-20T10:00:00.000Z' });
