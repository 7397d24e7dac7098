import { participant } from './principals';
import { RoomHarness, type HarnessOptions } from './room-harness';

/** A loaded room with two delegations' devices, Chile and Peru, connected and synced. */
export async function chileAndPeru(options: HarnessOptions = {}) {
  const harness = await RoomHarness.create(options);
  const chile = harness.device('chile', participant('chile'));
  const peru = harness.device('peru', participant('peru'));
  chile.connect(harness.room);
  peru.connect(harness.room);
  await harness.settle();
  return { harness, chile, peru };
}
