import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand, CaseEvent, CaseState, Decider } from '@casetrail/domain';
import { type CommandContext, EventStore, handleCommand } from '@casetrail/event-store';
import { CASE_DECIDER } from '../../infrastructure/tokens';

export interface CaseCommandAnswer {
  caseId: string;
  version: string;
  position: string;
}

/** Any command on one case stream; the decider tells them apart. */
export class ExecuteCaseCommand extends Command<CaseCommandAnswer> {
  constructor(
    readonly caseId: string,
    readonly command: CaseCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(CASE_DECIDER) private readonly decider: Decider<CaseCommand, CaseEvent, CaseState>,
  ) {}

  async execute({ caseId, command, context }: ExecuteCaseCommand): Promise<CaseCommandAnswer> {
    const result = await handleCommand(
      this.store,
      caseStreamOf(caseId),
      this.decider,
      command,
      context,
    );
    return { caseId, version: result.version.toString(), position: result.position.toString() };
  }
}

export const caseStreamOf = (caseId: string): string => `case-${caseId}`;
