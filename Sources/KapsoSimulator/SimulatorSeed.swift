/// The data a simulator starts with.
public enum SimulatorSeed: Sendable, Equatable {
    /// The demo story: two numbers (one healthy, one degraded), misconfigured webhooks, a 131047 failure.
    case demo
    /// The demo story plus a conversation on each number holding every message type, status history and error shape.
    case zoo
    /// A project with no numbers, webhooks, messages or logs.
    case empty
    /// One number with `N` messages and `N` webhook deliveries, for benchmarks.
    case scale(Int)
    /// A JSON file with keys `phone_numbers`, `health`, `webhooks`, `conversations`, `messages`, `message_templates`,
    /// `webhook_deliveries`, `api_logs` (each an array of API-shaped objects; `health` an object by number id).
    case file(String)

    /// The largest `scale:N` the command line takes: about 4 GB of records (100,000 take 390 MB); a larger N
    /// (`scale:99999999999999`) failed to allocate and trapped.
    public static let maximumScale = 1_000_000

    /// Parses a command-line value: `demo`, `zoo`, `empty`, `scale:100000`, or a path ending in `.json`.
    public init?(argument: String) {
        switch argument {
        case "demo": self = .demo
        case "zoo": self = .zoo
        case "empty": self = .empty
        case let text where text.hasPrefix("scale:"):
            guard let count = Int(text.dropFirst("scale:".count)), (0...Self.maximumScale).contains(count) else { return nil }
            self = .scale(count)
        case let text where text.hasSuffix(".json"): self = .file(text)
        default: return nil
        }
    }
}
