// Where the handler's JSON breaks, said as line and column: the browser's own parse message is English and
// counts characters from the start, which no one can find in a 200-line record.
export interface JsonProblem {
  /** 1-based; null when the parser named no position (e.g. the text ends too early). */
  line: number | null;
  column: number | null;
  kind: 'empty' | 'endsEarly' | 'syntax';
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: position - lastBreak };
}

export function jsonProblem(text: string): JsonProblem | null {
  if (text.trim() === '') return { line: null, column: null, kind: 'empty' };
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), kind: 'syntax' };
    const position = /position (\d+)/.exec(message);
    if (position) return { ...lineAndColumn(text, Number(position[1])), kind: 'syntax' };
    return { line: null, column: null, kind: /end of (JSON )?input|Unterminated/i.test(message) ? 'endsEarly' : 'syntax' };
  }
}
