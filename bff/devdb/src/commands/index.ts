// Command dispatch: picks the handler by the command's first field and turns failures into
// MongoDB-shaped error replies.
import type { Document } from 'bson';
import { CommandError, toCommandError } from '../errors';
import type { CommandContext, CommandHandler } from './context';
import { indexCommands } from './indexes';
import { namespaceCommands } from './namespaces';
import { readCommands } from './reads';
import { serverInfoCommands } from './server-info';
import { writeCommands } from './writes';

const handlers: Record<string, CommandHandler> = {
  ...serverInfoCommands,
  ...namespaceCommands,
  ...readCommands,
  ...writeCommands,
  ...indexCommands,
};

export function commandName(command: Document): string {
  return Object.keys(command)[0] ?? '';
}

export function runCommand(command: Document, context: CommandContext): Document {
  const name = commandName(command);
  try {
    // What a real standalone answers: it has no transactions and no retryable-write numbers.
    if (command.txnNumber !== undefined || command.startTransaction || command.autocommit === false) {
      throw new CommandError(
        20,
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    if (!handler) throw new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);
    return handler(command, context);
  } catch (error) {
    return toCommandError(error).toReply();
  }
}
