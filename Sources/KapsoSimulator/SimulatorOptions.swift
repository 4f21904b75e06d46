/// How to start a `KapsoSimulator`: the API key it accepts, its seed data, clock mode and address.
public struct SimulatorOptions: Sendable {
    /// The only key accepted in `X-API-Key` (or `Authorization: Bearer` on the Meta proxy).
    public var apiKey: String
    public var seed: SimulatorSeed
    /// Fixed clock (2026-11-21T12:00:00Z) and sequential ids, so identical request sequences give identical bytes.
    /// The clock then moves only when advanced (`POST /__sim/clock/advance` or `advanceClock(bySeconds:)`).
    public var deterministic: Bool
    /// Sequential ids and seeded faults with a running clock (`kops --demo`), so a session's requests replayed
    /// in the same order get the same ids. Implied by `deterministic`.
    public var sequentialIDs = false
    /// Fixes the clock at this instant (Unix microseconds) instead of the deterministic reference: the clock
    /// moves only when advanced and ids are sequential (`kops check` replaying a demo transcript).
    public var pinnedClock: Int64?
    /// IPv4 address to listen on.
    public var host: String = "127.0.0.1"
    /// Port to listen on; 0 picks a free one (read it from `KapsoSimulator.port` after `start()`).
    public var port: UInt16 = 0
    /// Faults injected into every API answer from the start (none by default); `setFaults(_:)` changes them.
    public var faults: SimulatorFaults = .none
    /// How many times faster than real time the webhook retry schedule (10, 40, 90 s) and message status
    /// progression (delivered +2 s, read +5 s after sending) run. The clock itself is not sped up.
    public var timeScale: Double = 1
    /// The time scales accepted: fast enough for any test, slow enough that the longest scheduled wait (90 s)
    /// stays a number of microseconds (a scale of 1e-300 made it infinite and trapped).
    public static let timeScales: ClosedRange<Double> = 0.000_001...1_000_000_000
    /// Sizes and times the HTTP server accepts from one client (request line, headers, body, slow clients).
    public var http = HTTPLimits()
    /// API-log rows kept (`GET /platform/v1/api_logs`), or the seed's count if larger: every request adds one
    /// (about 1.5 KB), and past this limit, plus an eighth, the oldest are dropped back to it.
    public var apiLogLimit = 10_000
    /// Whether log search is enabled for the simulated project; when false, `/platform/v1/log_search` answers
    /// 200 `{"data": {"available": false, …}}` (also settable at run time with `POST /__sim/log_search`).
    public var logSearchAvailable = true
    /// Receives one line per simulated event (status changes, delivery attempts, clock and fault changes).
    public var log: (@Sendable (String) -> Void)?

    public init(apiKey: String, seed: SimulatorSeed = .demo, deterministic: Bool = false, port: UInt16 = 0) {
        self.apiKey = apiKey
        self.seed = seed
        self.deterministic = deterministic
        self.port = port
    }
}
