// A typed finite state machine for an order workflow, with a transition log.
type State = 'new' | 'paid' | 'shipped' | 'delivered' | 'cancelled';
type Action = 'pay' | 'ship' | 'deliver' | 'cancel';
const transitions: Readonly<Record<State, Partial<Record<Action, State>>>> = {
  new: { pay: 'paid', cancel: 'cancelled' },
  paid: { ship: 'shipped', cancel: 'cancelled' },
  shipped: { deliver: 'delivered' },
  delivered: {},
  cancelled: {},
};
class Order {
  private log: string[] = [];
  constructor(readonly id: string, private state: State = 'new') {}
  apply(action: Action): boolean {
    const next = transitions[this.state][action];
    if (!next) { this.log.push(`${action}: refused in ${this.state}`); return false; }
    this.log.push(`${action}: ${this.state} -> ${next}`);
    this.state = next;
    return true;
  }
  get current(): State { return this.state; }
  get history(): readonly string[] { return this.log; }
}
const scripts: Record<string, Action[]> = { A: ['pay', 'ship', 'deliver'], B: ['ship', 'pay', 'cancel', 'ship'], C: ['cancel', 'pay'] };
for (const [id, actions] of Object.entries(scripts)) {
  const o = new Order(id);
  const ok = actions.map((a) => o.apply(a));
  console.log(id, o.current, ok.map((x) => (x ? 'y' : 'n')).join(''));
  for (const line of o.history) console.log('   ', line);
}
const reachable = (from: State, seen = new Set<State>()): Set<State> => {
  seen.add(from);
  for (const to of Object.values(transitions[from])) if (to && !seen.has(to)) reachable(to, seen);
  return seen;
};
console.log([...reachable('paid')], [...reachable('delivered')]);
