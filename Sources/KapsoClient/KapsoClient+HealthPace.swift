internal import KopsHTTP
#if canImport(Glibc)
internal import Glibc
#endif

// MARK: - Kapso's 5 health reads a second, kept to before sending (tester61 AJ6)

extension KapsoClient {
    /// Kapso's limit on a project's health reads per second, across keys (kapso-api.md §2.3 "Caching & limits": 5/s and
    /// 60/min → 429 with `Retry-After`; Kapso, "Phone number health", docs.kapso.ai).
    public static let healthReadsPerSecond = 5

    /// The span, in seconds, within which no more than `healthReadsPerSecond` reads are sent: a second, and a tenth for a
    /// request that reaches the API later than the one five before it.
    static let healthPaceWindow = 1.1

    /// Whether `request` is a number's health read (`GET …/phone_numbers/{id}/health`).
    func isHealthRead(_ request: HTTPRequest) -> Bool {
        guard request.method == "GET" else { return false }
        var url = request.url
        if let answer = url.withUTF8(Self.asciiPathEndsInHealth) { return answer }
        let path = request.url.split(separator: "?", maxSplits: 1).first ?? ""
        return path.hasSuffix("/health")
    }

    /// `isHealthRead`'s test of a GET's URL read from its bytes when all are ASCII (each byte one `Character`, but CR LF,
    /// which holds no `?` nor a byte of `/health`) and the first is no `?` (where `split` leaves out the empty part
    /// before it); nil otherwise. Splitting every request's URL by `Character` cost 24,000 instructions a request, 1.2 M
    /// of the replay's 42.3 M (docs/performance.md, "Session 63").
    static func asciiPathEndsInHealth(_ url: UnsafeBufferPointer<UInt8>) -> Bool? {
        var high: UInt8 = 0
        var end: Int? = nil
        for (position, byte) in url.enumerated() {
            high |= byte
            if end == nil, byte == UInt8(ascii: "?") { end = position }
        }
        guard high < 0x80, url.first != UInt8(ascii: "?") else { return nil }
        let pathEnd = end ?? url.count
        let suffix = healthSuffix
        guard pathEnd >= suffix.count else { return false }
        return suffix.indices.allSatisfy { url[pathEnd - suffix.count + $0] == suffix[$0] }
    }

    private static let healthSuffix: [UInt8] = Array("/health".utf8)

    /// Waits, before a health read, until it keeps to Kapso's 5 a second: until the fifth read before it is
    /// `healthPaceWindow` old, and a second after an answer said none were left this second
    /// (`X-Health-RateLimit-Second-Remaining: 0`, another client's reads too). Before, `overview` of a project with more
    /// than 5 numbers read their health in a burst; each read past the fifth in a second was a 429 in the project's API
    /// log (the client waited and sent it again), which the same `overview` then counted among the project's failed calls.
    func paceHealthRead() {
        var now = Self.monotonicSeconds()
        var until = now
        if let spent = healthSecondSpentAt { until = max(until, spent + 1) }
        healthReadsSent.removeAll { now - $0 >= Self.healthPaceWindow }
        if healthReadsSent.count >= Self.healthReadsPerSecond, let fifth = healthReadsSent.suffix(Self.healthReadsPerSecond).first {
            until = max(until, fifth + Self.healthPaceWindow)
        }
        if until > now {
            usleep(UInt32(min(until - now, 2) * 1_000_000))
            now = Self.monotonicSeconds()
        }
        healthSecondSpentAt = nil
        healthReadsSent.append(now)
        if healthReadsSent.count > Self.healthReadsPerSecond { healthReadsSent.removeFirst(healthReadsSent.count - Self.healthReadsPerSecond) }
    }

    /// This machine's monotonic clock, in seconds.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}
