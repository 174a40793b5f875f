// Injected faults: rules naming a BBB call (or "*") and what to do instead of answering (hang, reset, delay,
// HTTP error, FAILED, broken XML), optionally after `skip` calls and for `remaining` calls. The routes ask
// take() before each answer (api-routes.ts).
import { type AddFaultInput, type SimFault, type SimFaultRule, addFaultInputSchema } from "./schemas"

export class FaultRules {
  private rules: SimFaultRule[] = []
  private counter = 0

  add(input: AddFaultInput): SimFaultRule {
    const data = addFaultInputSchema.parse(input)
    const rule: SimFaultRule = { id: `fault-${++this.counter}`, call: data.call, fault: data.fault, remaining: data.times ?? null, skip: data.after }
    this.rules.push(rule)
    return rule
  }

  remove(id: string): boolean {
    const before = this.rules.length
    this.rules = this.rules.filter((rule) => rule.id !== id)
    return this.rules.length < before
  }

  clear(): void {
    this.rules = []
  }

  /** The fault for this call, if any (newest rule first; a rule naming the call wins over "*"). */
  take(callName: string): SimFault | null {
    const rule =
      [...this.rules].reverse().find((candidate) => candidate.call === callName) ?? [...this.rules].reverse().find((candidate) => candidate.call === "*")
    if (!rule) return null
    if (rule.skip > 0) {
      rule.skip--
      return null
    }
    if (rule.remaining !== null) {
      rule.remaining--
      if (rule.remaining <= 0) this.remove(rule.id)
    }
    return rule.fault
  }

  /** Copies of the rules, oldest first. */
  list(): SimFaultRule[] {
    return this.rules.map((rule) => ({ ...rule }))
  }
}
