/**
 * `chartroom schema CHART [-o values.schema.json]`: the chart's values schema as the form uses
 * it (its own values.schema.json with descriptions from comments, or one inferred from
 * values.yaml), without chartroom's hints, ready to ship with the chart.
 */
import { chartFormSchema } from '../configurator';
import { exportableSchema } from '../form';
import { flagBool, flagString, parseArgs, usage, UsageError, type FlagSpec } from './args';
import { reportError } from './bundle-command';
import type { CliIO, ExitCode } from './io';

export const SCHEMA_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string', help: 'file to write (default: standard output)' },
  { name: 'help', short: 'h', kind: 'bool', help: 'help for schema' },
];

export function schemaCommand(argv: string[], io: CliIO): ExitCode {
  try {
    const parsed = parseArgs(argv, SCHEMA_FLAGS);
    if (flagBool(parsed, 'help')) {
      io.stdout(usage('schema CHART [-o values.schema.json]', SCHEMA_FLAGS));
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError('"chartroom schema" requires exactly 1 argument: the chart');
    const chart = io.loadChart(parsed.positionals[0]);
    const result = chartFormSchema(chart);
    const text = `${JSON.stringify(exportableSchema(result.schema), null, 2)}\n`;
    const out = flagString(parsed, 'output');
    if (out) io.writeFile(out, new TextEncoder().encode(text));
    else io.stdout(text);
    if (result.origin === 'inferred') io.stderr(`Inferred from ${chart.metadata.name}'s values.yaml and its comments.\n`);
    return 0;
  } catch (e) {
    return reportError(e, io);
  }
}
