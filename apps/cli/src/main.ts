import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadSettings } from '@casetrail/settings';
import { demo } from './commands/demo';
import { generateLoad } from './commands/generate-load';
import { projectionStatus, rebuild } from './commands/projections';
import { printToken } from './commands/token';
import { verify } from './commands/verify';

const USAGE = `Usage: casetrail <command> [options]

Commands:
  token --name "Full Name" --agency "Agency" [--role ROLE ...] [--user-id ID] [--partnership ID] [--expires 8h]
                     print a bearer token signed with the local key in the data folder
  verify             walk every stream's hash chain; exit 1 at the first broken link
  rebuild [name]     rebuild one projection (or all) into fresh tables and switch over
  projections        show each projection's checkpoint, lag and failure
  demo               load the sample cases of the domain brief through the API (fixed keys: loading twice is harmless)
  generate-load --writers N --streams N --seconds N
                     append single-event commands concurrently, printing each acknowledgement

Configuration comes from the same environment variables as the service (see README).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const settings = loadSettings();
  switch (command) {
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          agency: { type: 'string' },
          role: { type: 'string', multiple: true },
          'user-id': { type: 'string' },
          partnership: { type: 'string' },
          expires: { type: 'string' },
        },
      });
      return printToken(settings, values);
    }
    case 'verify':
      return verify(settings);
    case 'rebuild':
      return rebuild(settings, rest[0]);
    case 'demo':
      return demo(settings);
    case 'projections':
      return projectionStatus(settings);
    case 'generate-load': {
      const { values } = parseArgs({
        args: rest,
        options: { writers: { type: 'string' }, streams: { type: 'string' }, seconds: { type: 'string' } },
      });
      return generateLoad(settings, {
        writers: Number(values.writers ?? 32),
        streams: Number(values.streams ?? 200),
        seconds: Number(values.seconds ?? 10),
      });
    }
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  },
);
