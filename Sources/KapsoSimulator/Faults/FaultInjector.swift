/// Decides, request by request, which of the current faults strike: the dice for `rate=` clauses and the
/// countdown of `times=` clauses. Lives in the simulator's actor; seeded in deterministic mode.
struct FaultInjector: Sendable {
    private(set) var faults: SimulatorFaults
    private var remaining: [Int?]
    private var random: SplitMix64

    /// What to do to one request.
    struct Decision: Sendable {
        var latencyMilliseconds = 0
        var action: SimulatorFaults.Action?
    }

    init(_ faults: SimulatorFaults, deterministic: Bool) {
        self.faults = faults
        remaining = faults.rules.map(\.times)
        random = SplitMix64(seed: deterministic ? 42 : UInt64.random(in: .min ... .max))
    }

    /// The faults that still apply: a `times=N` rule with its strikes left (`503:times=2` after one strike is
    /// `503:times=1`), a spent one left out, so `GET /__sim/faults` never lists a fault that can no longer strike.
    var remainingFaults: SimulatorFaults {
        var rules: [SimulatorFaults.Rule] = []
        for (position, rule) in faults.rules.enumerated() where remaining[position] != 0 {
            var left = rule
            left.times = remaining[position]
            rules.append(left)
        }
        return SimulatorFaults(latencyMilliseconds: faults.latencyMilliseconds, rules: rules)
    }

    /// Replaces the faults (and restarts their `times=` countdowns).
    mutating func set(_ faults: SimulatorFaults) {
        self.faults = faults
        remaining = faults.rules.map(\.times)
    }

    /// `path`: the request's path as sent, for `path=` rules.
    mutating func decide(path: String) -> Decision {
        var decision = Decision(latencyMilliseconds: faults.latencyMilliseconds)
        for (position, rule) in faults.rules.enumerated() where remaining[position] != 0 {
            if let wanted = rule.path, !path.contains(wanted) { continue }
            guard rule.probability >= 1 || Double(random.next() >> 11) / Double(1 << 53) < rule.probability else {
                continue
            }
            if let left = remaining[position] { remaining[position] = left - 1 }
            decision.action = rule.action
            break
        }
        return decision
    }
}
