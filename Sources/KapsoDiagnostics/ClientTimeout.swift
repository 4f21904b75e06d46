internal import Foundation

/// A client-side timeout in an HTTP client's own error text: `timeout of 5000ms exceeded` (axios),
/// `context deadline exceeded` (Go), `The request was canceled due to the configured HttpClient.Timeout of 100 seconds
/// elapsing` (.NET), `cURL error 28: Operation timed out after 5000 milliseconds` (PHP's Guzzle over libcurl).
///
/// The caller's client gave up waiting: no answer of Kapso or Meta came, so there is no code to read. The client is
/// named only when the words prove it (Go's `context deadline exceeded` is not axios's); otherwise the reading says
/// "a client-side timeout". tester62 AK6: every row but axios's was refused as "invalid error code", and Go's
/// `Client.Timeout exceeded` was called an axios timeout.
public struct ClientTimeout: Sendable, Equatable {
    /// The name `explain` shows: `axios timeout`, `Go context deadline`, `TimeoutError`.
    public var name: String
    /// The client the words prove (`axios`, `Go net/http`), nil when they prove none.
    public var client: String?
    /// The time the words give, with what it is: `5000 ms (the configured timeout)`, `5001 ms (time elapsed)`; nil when
    /// they give none.
    public var limit: String?
    /// What the words say happened.
    public var meaning: String
    /// True when the request may have reached the API before the client gave up, false when the words say nothing was
    /// sent, nil when they do not tell.
    public var mayHaveReached: Bool?
    /// Where the row's wording comes from.
    public var source: String
    /// The client's setting that ran out (`axios's timeout option`).
    var setting: String

    /// Reads the first row whose words are in `text` (any case); nil when none is.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        for row in Self.rows {
            guard let hit = row.said.lazy.compactMap({ lowered.range(of: $0.lowercased()) }).first else { continue }
            let limit = row.number.flatMap { Self.limit(in: lowered, from: hit.lowerBound, $0) }
            if row.needsNumber, limit == nil { continue }
            name = row.name
            client = row.client
            setting = row.setting
            meaning = row.meaning
            source = row.source
            mayHaveReached = row.notSent.contains { lowered.contains($0.lowercased()) } ? false : row.reached
            self.limit = limit
            return
        }
        return nil
    }

    /// How a row finds the time in the words: the digits right after `after` (lowercase), then `unit`, shown as
    /// `shown` with `what` it is.
    struct Number: Sendable {
        var after: String
        var unit: String
        var shown: String
        var what: String
    }

    /// The time a row's `number` reads from `lowered` at or after `start`, nil when the words do not give one.
    static func limit(in lowered: String, from start: String.Index, _ number: Number) -> String? {
        guard let prefix = lowered[start...].range(of: number.after) ?? lowered.range(of: number.after) else { return nil }
        let rest = lowered[prefix.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 12,
            rest.dropFirst(digits.count).drop(while: { $0 == " " }).hasPrefix(number.unit)
        else { return nil }
        return "\(digits) \(number.shown) (\(number.what))"
    }
}
