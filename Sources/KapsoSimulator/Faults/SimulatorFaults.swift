internal import Foundation

/// Faults the simulator injects into its answers, parsed from a spec such as `latency=100ms,rate=0.2:500`.
///
/// Clauses, separated by commas (or given in several specs, which `adding(_:)` joins):
/// - `latency=DURATION`: delay every response (`100ms`, `1.5s`, or a bare number of milliseconds; at most 60 s).
/// - `ACTION[:MODIFIER...]`: answer every request with `ACTION` instead of the API's response.
/// - `rate=P:ACTION[:MODIFIER...]`: the same for a fraction `P` (0 < P ≤ 1) of requests.
///
/// Actions: a status code 400–599 (a JSON error body in the contract's shape; `429` adds `Retry-After`),
/// `reset` (close the connection without answering), `truncate` (the real answer, cut short: the
/// `Content-Length` promises more bytes than are sent before the connection closes), `html` (a 502 HTML
/// page, as a load balancer sends). Modifiers: `retry-after=N` (seconds; default 1 on 429), `times=N`
/// (only the next N requests) and `path=TEXT` (only requests whose path, as sent, contains `TEXT`, e.g.
/// `503:path=/webhook_deliveries`: one look-up of a command fails while the rest answer). The first clause that fires answers; latency applies either way.
public struct SimulatorFaults: Sendable, Equatable, CustomStringConvertible {
    /// What replaces the API's answer.
    public enum Action: Sendable, Equatable {
        case status(Int, retryAfter: Int?)
        case reset
        case truncate
        case html
    }

    /// One answer-replacing clause.
    public struct Rule: Sendable, Equatable {
        public var action: Action
        /// The fraction of requests it fires on; 1 = every request.
        public var probability: Double
        /// How many requests it fires on before it expires; nil = no limit.
        public var times: Int?
        /// Only requests whose path (as sent, without the query) contains it; nil = every request.
        public var path: String?

        public init(action: Action, probability: Double = 1, times: Int? = nil, path: String? = nil) {
            self.action = action
            self.probability = probability
            self.times = times
            self.path = path
        }
    }

    /// Added before every response, in milliseconds.
    public var latencyMilliseconds: Int
    public var rules: [Rule]

    /// No faults.
    public static let none = SimulatorFaults()

    public init(latencyMilliseconds: Int = 0, rules: [Rule] = []) {
        self.latencyMilliseconds = latencyMilliseconds
        self.rules = rules
    }

    /// Parses a spec; an empty spec means no faults. Throws `SimulatorError.invalidFaults` naming the bad clause.
    public init(spec: String) throws(SimulatorError) {
        self.init()
        for clause in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !clause.isEmpty {
            try add(clause: clause, spec: spec)
        }
    }

    public var isEmpty: Bool { latencyMilliseconds == 0 && rules.isEmpty }

    /// These faults and those of `other` (the larger latency; `other`'s rules after these).
    public func adding(_ other: SimulatorFaults) -> SimulatorFaults {
        SimulatorFaults(
            latencyMilliseconds: max(latencyMilliseconds, other.latencyMilliseconds), rules: rules + other.rules)
    }

    /// The canonical spec (`""` for none), which parses back to an equal value.
    public var description: String {
        var clauses: [String] = []
        if latencyMilliseconds > 0 { clauses.append("latency=\(latencyMilliseconds)ms") }
        for rule in rules {
            var parts: [String] = []
            if rule.probability < 1 { parts.append("rate=\(Self.format(rule.probability))") }
            switch rule.action {
            case .status(let code, let retryAfter):
                parts.append(String(code))
                if let retryAfter { parts.append("retry-after=\(retryAfter)") }
            case .reset: parts.append("reset")
            case .truncate: parts.append("truncate")
            case .html: parts.append("html")
            }
            if let times = rule.times { parts.append("times=\(times)") }
            if let path = rule.path { parts.append("path=\(path)") }
            clauses.append(parts.joined(separator: ":"))
        }
        return clauses.joined(separator: ",")
    }

    static let maximumLatencyMilliseconds = 60_000

    private mutating func add(clause: String, spec: String) throws(SimulatorError) {
        func invalid(_ reason: String) -> SimulatorError { .invalidFaults(clause, reason: reason) }
        if clause.hasPrefix("latency=") {
            guard let milliseconds = Self.milliseconds(String(clause.dropFirst("latency=".count))),
                (0...Self.maximumLatencyMilliseconds).contains(milliseconds)
            else { throw invalid("latency must be a duration up to 60s, such as 100ms or 1.5s") }
            latencyMilliseconds = max(latencyMilliseconds, milliseconds)
            return
        }
        var parts = clause.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var probability = 1.0
        if parts[0].hasPrefix("rate=") {
            guard let value = Double(parts[0].dropFirst("rate=".count)), value > 0, value <= 1 else {
                throw invalid("rate must be a fraction in (0, 1], such as rate=0.2:500")
            }
            probability = value
            parts.removeFirst()
            guard !parts.isEmpty else { throw invalid("rate needs an action, such as rate=0.2:500") }
        }
        var action: Action
        switch parts.removeFirst() {
        case "reset": action = .reset
        case "truncate": action = .truncate
        case "html": action = .html
        case let word:
            guard let code = Int(word), (400...599).contains(code) else {
                throw invalid("unknown fault '\(word)'; use latency=, rate=, a status 400-599, reset, truncate or html")
            }
            action = .status(code, retryAfter: code == 429 ? 1 : nil)
        }
        var times: Int?
        var path: String?
        for modifier in parts {
            let pair = modifier.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0] == "path", !pair[1].isEmpty {
                path = pair[1]
                continue
            }
            guard pair.count == 2, let value = Int(pair[1]), value >= 0 else {
                throw invalid("modifier '\(modifier)' must be retry-after=N, times=N or path=TEXT")
            }
            switch (pair[0], action) {
            case ("retry-after", .status(let code, _)): action = .status(code, retryAfter: value)
            case ("times", _) where value > 0: times = value
            default: throw invalid("modifier '\(modifier)' does not apply here")
            }
        }
        rules.append(Rule(action: action, probability: probability, times: times, path: path))
    }

    /// `100ms`, `1.5s`, `250` (milliseconds).
    private static func milliseconds(_ text: String) -> Int? {
        let (number, scale): (Substring, Double) =
            if text.hasSuffix("ms") { (text.dropLast(2), 1) }
            else if text.hasSuffix("s") { (text.dropLast(1), 1000) }
            else { (Substring(text), 1) }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let milliseconds = (value * scale).rounded()
        return milliseconds <= Double(Int32.max) ? Int(milliseconds) : nil
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
