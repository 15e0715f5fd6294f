import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Decider, DomainEvent } from '@casetrail/domain';
import { type CommandContext, EventStore, handleCommand } from '@casetrail/event-store';

export interface StreamAnswer {
  version: string;
  position: string;
}

/**
 * Any command on any stream, judged by the decider that owns the stream: the one handler
 * the action-plan and escalation routes share (read, fold, decide, append).
 */
export class ExecuteOnStream<C = unknown> extends Command<StreamAnswer> {
  constructor(
    readonly streamId: string,
    readonly decider: Decider<C, DomainEvent, unknown>,
    readonly command: C,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteOnStream)
export class ExecuteOnStreamHandler implements ICommandHandler<ExecuteOnStream> {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute({ streamId, decider, command, context }: ExecuteOnStream): Promise<StreamAnswer> {
    const result = await handleCommand(this.store, streamId, decider, command, context);
    return { version: result.version.toString(), position: result.position.toString() };
  }
}
