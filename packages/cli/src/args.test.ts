import { describe, expect, it } from 'vitest';
import { parseRunArgs, UsageError, wantsHelp } from './args.js';

describe('rolebridge arguments', () => {
  it('reads the stack, the phase and the command after --', () => {
    expect(
      parseRunArgs([
        'run',
        '--stack',
        'stack-a',
        '--phase',
        'apply',
        '--',
        'terraform',
        'apply',
        '-auto-approve',
      ]),
    ).toEqual({
      stack: 'stack-a',
      phase: 'apply',
      command: ['terraform', 'apply', '-auto-approve'],
    });
    // plan is the default phase; the command's own flags are not rolebridge's.
    expect(parseRunArgs(['run', '--stack=s', '--', 'aws', '--region', 'eu-west-1'])).toEqual({
      stack: 's',
      phase: 'plan',
      command: ['aws', '--region', 'eu-west-1'],
    });
  });

  it.each([
    [[], /Missing command/],
    [['deploy'], /Unknown command "deploy"/],
    [['run', '--', 'true'], /--stack <slug> is required/],
    [['run', '--stack', 'Bad_Slug', '--', 'true'], /--stack <slug> is required/],
    [['run', '--stack', 's', '--phase', 'destroy', '--', 'true'], /--phase must be plan or apply/],
    [['run', '--stack', 's'], /Give the command to run after --/],
  ])('refuses %j with a usage error', (argv, message) => {
    expect(() => parseRunArgs(argv)).toThrow(UsageError);
    expect(() => parseRunArgs(argv)).toThrow(message);
  });

  it('refuses an unknown option of its own (a TypeError from parseArgs, shown as usage)', () => {
    expect(() => parseRunArgs(['run', '--stak', 's', '--', 'true'])).toThrow(TypeError);
  });

  it('knows help when asked, and only then', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['run', '--help']])
      expect(wantsHelp(argv)).toBe(true);
    for (const argv of [[], ['run'], ['run', '--stack', 's', '--', 'cmd', '--help']])
      expect(wantsHelp(argv)).toBe(false);
  });
});
