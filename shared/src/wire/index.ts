/**
 * Accord's wire protocol (y-websocket's; see PROTOCOL.md): pure `writeX(encoder, …)` and
 * `readX(decoder)` pairs over lib0, one file per message family, shared by the relay, the
 * editor, the load generator and the tests' raw clients.
 */
export * from './auth';
export * from './awareness';
export * from './message';
export * from './sync';
